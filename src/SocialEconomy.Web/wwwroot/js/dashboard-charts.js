// Draws the charts of the home page and the sub-project page with Chart.js (loaded before
// this file from wwwroot/lib/chartjs): rates in percent (RateChart.cs) and the coordinator's
// stacked counts of result statuses per department (StatusChart.cs). Each <canvas
// data-chart="id"> names a JSON data island <script type="application/json" id="id"> that
// the server wrote; the table beside the canvas carries the same figures, so without this
// script nothing is lost.
(function () {
  "use strict";
  if (typeof window.Chart === "undefined") {
    return;
  }

  var colours = ["#0b50d0", "#c2410c"]; // KRDS primary blue; a dark orange, both ≥ 3:1 on white
  // Result statuses (a series' key is the ResultStatus name), KRDS tokens, each ≥ 3:1 on white:
  // gray-50, warning-50, primary-60, danger-60, success-50.
  var statusColours = {
    NotStarted: "#6d7882",
    Draft: "#9e6a00",
    Submitted: "#0b50d0",
    Returned: "#bd2c0f",
    Confirmed: "#228738",
  };
  var percent = function (value) {
    return value === null || value === undefined
      ? "자료 없음"
      : value.toLocaleString("ko-KR", { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + "%";
  };
  var formatter = function (unit) {
    return unit === "%"
      ? percent
      : function (value) { return value === null || value === undefined ? "자료 없음" : value.toLocaleString("ko-KR") + unit; };
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
    var stacked = data.stacked === true;
    var format = formatter(data.unit);
    var wrap = canvas.closest("[data-chart-wrap]");
    if (wrap && horizontal) {
      // One row per label: tall enough to read every sub-project (CSSOM, allowed by the CSP).
      wrap.style.height = Math.max(240, data.labels.length * 34 + 80) + "px";
    }

    var valueAxis = data.unit === "%"
      ? {
        beginAtZero: true,
        suggestedMax: 100,
        title: { display: true, text: "비율(" + data.unit + ")" },
        ticks: { callback: function (value) { return value + "%"; } },
      }
      : {
        beginAtZero: true,
        stacked: stacked,
        title: { display: true, text: data.axisTitle || data.unit },
        ticks: { precision: 0, callback: function (value) { return value + data.unit; } },
      };
    var categoryAxis = { stacked: stacked, ticks: { autoSkip: false } };

    new window.Chart(canvas, {
      type: data.kind,
      data: {
        labels: data.labels,
        datasets: data.series.map(function (series, i) {
          var colour = statusColours[series.key] || colours[i % colours.length];
          var dataset = {
            label: series.label + "(" + data.unit + ")",
            data: series.values,
            backgroundColor: colour,
            borderColor: colour,
            pointStyle: i === 0 ? "circle" : "rectRot",
            pointRadius: 5,
            spanGaps: false,
          };
          if (stacked) {
            // Stacked segments are parted by a white line, so neighbours never touch colour to colour.
            dataset.borderColor = "#ffffff";
            dataset.borderWidth = 1;
          }
          return dataset;
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
              label: function (item) { return item.dataset.label + ": " + format(item.raw); },
              footer: function (items) {
                if (!stacked || !items.length) {
                  return "";
                }
                var index = items[0].dataIndex;
                return "계 " + format(data.series.reduce(function (sum, series) { return sum + (series.values[index] || 0); }, 0));
              },
            },
          },
        },
      },
    });
  });
}());
