using System.Globalization;
using System.Text;

namespace SocialEconomy.LoadBenchmark;

/// <summary>One data set's figures: its cells, the working set after the load, the machine's load average around it.</summary>
public sealed record DataSetRun(string Name, string Description, LoadTarget Target, IReadOnlyList<Cell> Cells, IReadOnlyDictionary<string, double> PageKilobytes, double ResidentMiB, double PeakMiB, string LoadBefore, string LoadAfter, CopyCounts Copies);

/// <summary>Shared plan copies the portal built (PlanSnapshots, counted in its log): while signing in and warming up, and during the measured cells.</summary>
public sealed record CopyCounts(int BeforeCells, int DuringCells);

/// <summary>
/// Writes the "Under load" section of docs/benchmarks.md between the same
/// `<!-- Section:start -->` / `<!-- Section:end -->` markers as BenchmarkReport, replacing
/// its previous figures and leaving every other section alone.
/// </summary>
public static class LoadReport
{
    public const string Section = "Under load";
    public const string Trivial = "/health";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(string path, IReadOnlyList<DataSetRun> runs, int seconds, int sessions, string wrkVersion)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"<!-- {Section}:start -->");
        text.AppendLine(Invariant, $"## {Section}");
        text.AppendLine();
        text.AppendLine("Written by `scripts/load-benchmark.sh` (`tests/SocialEconomy.LoadBenchmark`), run on demand and never in CI. The portal runs as production runs it: the built `SocialEconomy.Web.dll` as its own process, `ASPNETCORE_ENVIRONMENT=Production` (HSTS, HTTPS redirection, `__Host-` secure cookies, request logging to the console), an HTTPS Kestrel endpoint on a loopback port with a self-signed certificate made for the run, and SQLite in WAL mode in a temporary folder named by `ConnectionStrings:SocialEconomy`. `create-admin` creates the database (migrations, the Seongbuk-gu seed) as a first production start does; the benchmark then adds its data and department officers through the app's own services, and each virtual user signs in through the real form (antiforgery token, password hash check) and keeps its auth cookie. Every signed-in request checks its session in the database (`SessionCheck`: one query by key for the security stamp, active flag and lockout), so a session ends at once on sign-out, lockout or a change of access; the sessions still sign in again before every cell, as in the runs before that check. The only setting changed from the defaults is `Security:SignInPermitsPerMinute` (2000, so the sessions can sign in again and again from one address).");
        text.AppendLine();
        text.AppendLine(Invariant, $"wrk ({wrkVersion}) then asks each page for {seconds} s at 1, 8 and 32 keep-alive connections (at most 2 wrk threads), each request carrying the cookie of one of {sessions} signed-in sessions in turn (`session.lua`). Percentiles are exact from wrk's histogram; req/s is completed responses over the cell's duration. `× /health` is the health check's req/s over the page's at the same number of connections, i.e. what one page request costs the server in health checks (`/health` itself asks the database whether it can connect). Every page is first checked to answer 200 (not a redirect to sign-in) and asked 20 times to warm it; errors counts socket errors, timeouts and non-2xx/3xx answers. Working set is VmRSS (and its peak, VmHWM) of the app's process after the data set's last cell.");
        text.AppendLine();
        text.AppendLine(Invariant, $"**Noise:** the machine has {Environment.ProcessorCount.ToString(Invariant)} cores shared with other engineers' builds and tests, and wrk runs on the same cores as the portal; figures vary between runs by tens of per cent. The load average before and after each data set is given to show how busy the machine was.");
        text.AppendLine();
        text.AppendLine(Invariant, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Machine()}.");
        foreach (var run in runs)
        {
            var t = run.Target;
            text.AppendLine();
            text.AppendLine(Invariant, $"### {run.Name}");
            text.AppendLine();
            text.AppendLine(Invariant, $"{run.Description} In the database: {t.Plans.ToString(Invariant)} plans, {t.SubProjects.ToString(Invariant)} sub-projects, {t.YearResults.ToString(Invariant)} sub-project year results (prepared in {t.Preparation.TotalSeconds.ToString("0", Invariant)} s). Pages ask about plan {t.PlanId.ToString(Invariant)}, year {t.Year.ToString(Invariant)}, sub-project {t.SubProjectCode}, as an officer of its lead department. Load average before / after: {run.LoadBefore} / {run.LoadAfter}. Working set after the load: **{run.ResidentMiB.ToString("0", Invariant)} MiB** (peak {run.PeakMiB.ToString("0", Invariant)} MiB). Shared plan copies built: {run.Copies.BeforeCells.ToString(Invariant)} while signing in and warming up, {run.Copies.DuringCells.ToString(Invariant)} during the cells.");
            text.AppendLine();
            text.AppendLine("| page | path | connections | req/s | p50 (ms) | p95 (ms) | p99 (ms) | × /health | KB | errors |");
            text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var connections in run.Cells.Select(c => c.Connections).Distinct())
            {
                var health = run.Cells.Single(c => c.Connections == connections && c.Path == Trivial);
                foreach (var c in run.Cells.Where(c => c.Connections == connections))
                {
                    text.AppendLine(Invariant, $"| {c.Page} | `{c.Path}` | {c.Connections.ToString(Invariant)} | {c.PerSecond.ToString("0", Invariant)} | {c.P50.ToString("0.0", Invariant)} | {c.P95.ToString("0.0", Invariant)} | {c.P99.ToString("0.0", Invariant)} | {Ratio(health, c).ToString("0.0", Invariant)} | {run.PageKilobytes[c.Path].ToString("0", Invariant)} | {c.Errors.ToString(Invariant)} |");
                }
            }
        }

        text.AppendLine();
        text.AppendLine("### Targets");
        text.AppendLine();
        text.AppendLine("| target | worst page | met |");
        text.AppendLine("|---|---|---|");
        foreach (var line in Targets(runs))
        {
            text.AppendLine(line);
        }

        text.AppendLine(Invariant, $"<!-- {Section}:end -->");
        Replace(path, text.ToString());
    }

    /// <summary>The issue's targets, judged on the 32-connection cells: the seeded plan p95 &lt; 50 ms and ≤ 10× /health; the province p95 &lt; 100 ms.</summary>
    public static IEnumerable<string> Targets(IReadOnlyList<DataSetRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        foreach (var run in runs)
        {
            var top = run.Cells.Max(c => c.Connections);
            var cells = run.Cells.Where(c => c.Connections == top && c.Path != Trivial).ToList();
            var health = run.Cells.Single(c => c.Connections == top && c.Path == Trivial);
            if (run.Name.StartsWith("National", StringComparison.Ordinal))
            {
                foreach (var line in NationalTargets(run, runs, top, cells, health))
                {
                    yield return line;
                }

                continue;
            }

            var limit = run.Name.StartsWith("Seeded", StringComparison.Ordinal) ? 50 : 100;
            var slowest = cells.MaxBy(c => c.P95)!;
            yield return string.Create(Invariant, $"| {run.Name}, {top} connections: p95 < {limit} ms on every page | {slowest.Page}: {slowest.P95:0.0} ms | {(cells.All(c => c.P95 < limit) ? "yes" : $"no ({cells.Count(c => c.P95 >= limit)} of {cells.Count} pages over)")} |");
            if (limit == 50)
            {
                var costliest = cells.MaxBy(c => Ratio(health, c))!;
                yield return string.Create(Invariant, $"| {run.Name}, {top} connections: no page costs more than 10× /health | {costliest.Page}: {Ratio(health, costliest):0.0}× | {(cells.All(c => Ratio(health, c) <= 10) ? "yes" : $"no ({cells.Count(c => Ratio(health, c) > 10)} of {cells.Count} pages over)")} |");
            }
        }
    }

    /// <summary>
    /// Issue 16 item 10: at the top connection count every page's p95 within 1.5× of the same
    /// page on the seeded data set of the same run and within 5× the p95 of /health beside it,
    /// and the working set under 1 GiB.
    /// </summary>
    private static IEnumerable<string> NationalTargets(DataSetRun run, IReadOnlyList<DataSetRun> runs, int top, List<Cell> cells, Cell health)
    {
        var seeded = runs.FirstOrDefault(r => r.Name.StartsWith("Seeded", StringComparison.Ordinal));
        if (seeded is not null)
        {
            var pairs = cells.Select(c => (Cell: c, Seeded: seeded.Cells.SingleOrDefault(x => x.Connections == top && x.Page == c.Page))).Where(p => p.Seeded is not null).ToList();
            var worst = pairs.MaxBy(p => p.Cell.P95 / p.Seeded!.P95);
            yield return string.Create(Invariant, $"| {run.Name}, {top} connections: p95 within 1.5× of the seeded plan's on every page | {worst.Cell.Page}: {worst.Cell.P95:0.0} / {worst.Seeded!.P95:0.0} ms = {worst.Cell.P95 / worst.Seeded.P95:0.00}× | {(pairs.All(p => p.Cell.P95 <= 1.5 * p.Seeded!.P95) ? "yes" : $"no ({pairs.Count(p => p.Cell.P95 > 1.5 * p.Seeded!.P95)} of {pairs.Count} pages over)")} |");
        }

        var slowest = cells.MaxBy(c => c.P95)!;
        yield return string.Create(Invariant, $"| {run.Name}, {top} connections: p95 ≤ 5× /health's p95 ({health.P95:0.0} ms) on every page | {slowest.Page}: {slowest.P95 / health.P95:0.0}× | {(cells.All(c => c.P95 <= 5 * health.P95) ? "yes" : $"no ({cells.Count(c => c.P95 > 5 * health.P95)} of {cells.Count} pages over)")} |");
        yield return string.Create(Invariant, $"| {run.Name}: working set under 1 GiB | {run.ResidentMiB:0} MiB (peak {run.PeakMiB:0} MiB) | {(run.PeakMiB < 1024 ? "yes" : "no")} |");
    }

    public static double Ratio(Cell health, Cell page)
    {
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(page);
        return page.PerSecond > 0 ? health.PerSecond / page.PerSecond : double.PositiveInfinity;
    }

    private static void Replace(string path, string section)
    {
        var existing = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n";
        var startMarker = $"<!-- {Section}:start -->";
        var endMarker = $"<!-- {Section}:end -->";
        var start = existing.IndexOf(startMarker, StringComparison.Ordinal);
        var end = existing.IndexOf(endMarker, StringComparison.Ordinal);
        var updated = start >= 0 && end > start
            ? existing[..start] + section.TrimEnd('\n') + existing[(end + endMarker.Length)..]
            : existing.TrimEnd('\n') + "\n\n" + section;
        File.WriteAllText(path, updated);
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount.ToString(Invariant)} cores{(cpu is null ? string.Empty : $" ({cpu})")}{(memory is null ? string.Empty : $", {memory} memory")}, {Environment.OSVersion}, .NET {Environment.Version}";
    }
}
