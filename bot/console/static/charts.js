/* The usage page's charts: Chart.js (vendored, chart.umd.js) over the numbers in #usage-data. */
(function () {
  "use strict";
  var source = document.getElementById("usage-data");
  if (!source || typeof Chart === "undefined") return;
  var data = JSON.parse(source.textContent);
  var palette = ["#1f6feb", "#2da44e", "#bf8700", "#cf222e", "#8250df", "#1b7c83", "#6e7781", "#e16f24", "#0969da", "#a40e26"];
  Chart.defaults.animation = false;
  Chart.defaults.font.family = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

  function pairs(rows) {
    return { labels: rows.map(function (r) { return r[0]; }), values: rows.map(function (r) { return r[1]; }) };
  }

  function draw(id, type, rows, horizontal) {
    var canvas = document.getElementById(id);
    if (!canvas) return;
    var p = pairs(rows);
    new Chart(canvas, {
      type: type,
      data: {
        labels: p.labels,
        datasets: [{
          label: "次数",
          data: p.values,
          backgroundColor: type === "line" ? "#1f6feb33" : palette.slice(0, Math.max(p.values.length, 1)),
          borderColor: type === "line" ? "#1f6feb" : undefined,
          fill: type === "line"
        }]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: horizontal ? "y" : "x",
        plugins: { legend: { display: type === "doughnut" } },
        scales: type === "doughnut" ? {} : { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  }

  draw("chart-days", "line", data.per_day, false);
  draw("chart-topics", "bar", data.topics, true);
  draw("chart-channels", "doughnut", data.channels, false);
  draw("chart-answered", "doughnut", [["已回答", data.answered], ["未回答", data.questions - data.answered]], false);
  draw("chart-estimates", "bar", data.estimate_buckets, false);
})();
