// Copies the parts of the npm packages the portal serves into wwwroot/lib.
// Only what pages load is copied: the Pretendard GOV package is 200 MB, its subset woff2
// files are 2 MB. Run by the CopyFrontEndAssets target of the project file.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const lib = "wwwroot/lib";
const krds = "node_modules/krds-uiux/resources";
const pretendard = "node_modules/pretendard-gov/dist/web/static";

rmSync(lib, { recursive: true, force: true });
mkdirSync(lib, { recursive: true });

// KRDS keeps its relative layout: common.css imports ../../css/token/krds_tokens.css and
// points icons at ../../img/component/…; component.css points at ../../img/img/component/….
for (const dir of ["css/token", "css/common", "css/component", "js/component", "img"]) {
  cpSync(join(krds, dir), join(lib, "krds", dir), { recursive: true, filter: (src) => !src.endsWith(".map") && !src.endsWith("_bak.js") });
}
cpSync(join(krds, "img"), join(lib, "krds", "img", "img"), { recursive: true });

// common.css starts with @import of the token sheet; the layout links krds_tokens.css itself
// (one request in parallel instead of a chained one), so the copy drops the @import. With it
// in place, axe's CSSOM preload re-creates the imported and importing sheets as <style>
// elements, which the CSP (style-src 'self') refuses with two console errors on every page.
const common = join(lib, "krds", "css", "common", "common.css");
const tokensImport = /^@import\s+["']\.\.\/\.\.\/css\/token\/krds_tokens\.css["'];\s*\n/m;
const commonCss = readFileSync(common, "utf8");
if (!tokensImport.test(commonCss)) {
  throw new Error("KRDS common.css no longer imports krds_tokens.css as expected: check the layout's stylesheet links");
}
const withoutImport = commonCss.replace(tokensImport, "");
if (/@import/.test(withoutImport)) {
  throw new Error("KRDS common.css has another @import: link that sheet from the layout and drop the import here");
}
writeFileSync(common, withoutImport);

const fonts = join(lib, "pretendard-gov", "woff2-subset");
mkdirSync(fonts, { recursive: true });
for (const file of readdirSync(join(pretendard, "woff2-subset"))) {
  if (/-(Regular|Medium|SemiBold|Bold)\.subset\.woff2$/.test(file)) {
    cpSync(join(pretendard, "woff2-subset", file), join(fonts, file));
  }
}

// Chart.js: the UMD bundle (it carries its one dependency, @kurkle/color) defines
// window.Chart for wwwroot/js/dashboard-charts.js; the ES module build would need a bundler.
mkdirSync(join(lib, "chartjs"), { recursive: true });
cpSync("node_modules/chart.js/dist/chart.umd.min.js", join(lib, "chartjs", "chart.umd.min.js"));
cpSync("node_modules/chart.js/LICENSE.md", join(lib, "chartjs", "LICENSE.md"));

writeFileSync(join(lib, ".stamp"), new Date().toISOString());
console.log("front-end assets copied to " + lib);
