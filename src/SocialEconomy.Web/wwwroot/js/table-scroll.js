// A table wider than the screen scrolls inside its wrapper. Keyboard users must be able to
// reach and scroll it (WCAG 2.1.1, axe "scrollable-region-focusable"), so a wrapper that
// actually overflows becomes a focusable, named region; one that fits stays out of the tab order.
(function () {
  "use strict";
  function update() {
    document.querySelectorAll(".krds-table-wrap").forEach(function (wrap) {
      var overflows = wrap.scrollWidth > wrap.clientWidth + 1;
      if (overflows) {
        var caption = wrap.querySelector("caption");
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "표");
      } else if (wrap.getAttribute("tabindex") === "0") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }
  update();
  window.addEventListener("resize", update);
}());
