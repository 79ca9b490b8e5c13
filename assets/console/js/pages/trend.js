// The trend (manager): by day (by month for every store over more than 92
// days) tickets, average wait, target share and satisfaction, as a chart and
// a table.
import { api } from "../api.js";
import { t } from "../i18n.js";
import { count, minutes, share } from "../format.js";
import { figureTable } from "../table.js";
import { addDays, rangeControls, reportQuery } from "../range.js";
import { chart, heading, note } from "../parts.js";

function trendChart(periods) {
  return chart(t("trend.chart"), {
    data: {
      labels: periods.map((p) => p.period),
      datasets: [
        { type: "bar", label: t("services.tickets"), data: periods.map((p) => p.tickets), backgroundColor: "#c9d1d9", yAxisID: "tickets" },
        {
          type: "line",
          label: t("trend.wait_min"),
          data: periods.map((p) => (p.average_wait_s === null ? null : p.average_wait_s / 60)),
          borderColor: "#1f6feb",
          yAxisID: "wait",
        },
      ],
    },
    options: {
      scales: { tickets: { position: "left" }, wait: { position: "right", grid: { drawOnChartArea: false } } },
      plugins: { legend: { position: "bottom" } },
    },
  });
}

export async function trendPage(main, context, query) {
  if (!query.get("from") || !query.get("to")) {
    query.set("from", addDays(context.today, -6));  // a trend needs more than a day
    query.set("to", context.today);
  }
  const report = await api(`/reports/trend?${reportQuery(query)}`);
  main.append(heading(t(report.by === "month" ? "trend.title_month" : "trend.title")), rangeControls(context, query, "trend"));
  if (report.periods.length === 0) {
    main.append(note(t("services.none")));
    return;
  }
  const columns = [
    { key: "period", title: t("trend.period") },
    { key: "tickets", numeric: true, title: t("services.tickets"), format: count },
    { key: "average_wait_s", numeric: true, title: t("services.average_wait"), format: minutes },
    { key: "within_target_share", numeric: true, title: t("services.within_target"), format: share },
    { key: "ratings", numeric: true, title: t("services.ratings"), format: count },
    { key: "satisfied_share", numeric: true, title: t("services.satisfied"), format: share },
  ];
  main.append(trendChart(report.periods), figureTable(columns, report.periods, { csvName: "trend" }));
}
