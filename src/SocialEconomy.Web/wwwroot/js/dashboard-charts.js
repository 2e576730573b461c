// Draws the rate charts of the home page and the sub-project page with Chart.js (loaded
// before this file from wwwroot/lib/chartjs). Each <canvas data-chart="id"> names a JSON
// data island <script type="application/json" id="id"> that the server wrote; the table
// beside the canvas carries the same figures, so without this script nothing is lost.
(function () {
  "use strict";
  if (typeof window.Chart === "undefined") {
    return;
  }

  var colours = ["#0b50d0", "#c2410c"]; // KRDS primary blue; a dark orange, both ≥ 3:1 on white
  var percent = function (value) {
    return value === null || value === undefined
      ? "자료 없음"
      : value.toLocaleString("ko-KR", { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + "%";
  };
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  window.Chart.defaults.font.family = "'Pretendard GOV', 'Pretendard', sans-serif";
  window.Chart.defaults.font.size = 13;
  window.Chart.defaults.color = "#1e2124";

  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var island = document.getElementById(canvas.getAttribute("data-chart"));
    if (!island) {
      return;
    }

    var data = JSON.parse(island.textContent);
    var horizontal = data.horizontal === true;
    var wrap = canvas.closest("[data-chart-wrap]");
    if (wrap && horizontal) {
      // One row per label: tall enough to read every sub-project (CSSOM, allowed by the CSP).
      wrap.style.height = Math.max(240, data.labels.length * 34 + 80) + "px";
    }

    var valueAxis = {
      beginAtZero: true,
      suggestedMax: 100,
      title: { display: true, text: "비율(" + data.unit + ")" },
      ticks: { callback: function (value) { return value + "%"; } },
    };
    var categoryAxis = { ticks: { autoSkip: false } };

    new window.Chart(canvas, {
      type: data.kind,
      data: {
        labels: data.labels,
        datasets: data.series.map(function (series, i) {
          return {
            label: series.label + "(" + data.unit + ")",
            data: series.values,
            backgroundColor: colours[i % colours.length],
            borderColor: colours[i % colours.length],
            pointStyle: i === 0 ? "circle" : "rectRot",
            pointRadius: 5,
            spanGaps: false,
          };
        }),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: reduceMotion ? false : { duration: 300 },
        indexAxis: horizontal ? "y" : "x",
        scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
        plugins: {
          legend: { position: "top" },
          tooltip: {
            callbacks: {
              title: function (items) { return items.length ? data.titles[items[0].dataIndex] : ""; },
              label: function (item) { return item.dataset.label + ": " + percent(item.raw); },
            },
          },
        },
      },
    });
  });
}());
