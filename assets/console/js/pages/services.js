// The services report (manager): a range (today, yesterday, last 7 days, this
// month, or any from-to), one store or all, a table by service with its
// total, CSV, and a chart of each service's average wait against its target.
import { api } from "../api.js";
import { currentLanguage, t } from "../i18n.js";
import { count, minutes, share } from "../format.js";
import { figureTable } from "../table.js";
import { defaultRange, rangeControls, reportQuery } from "../range.js";
import { chart, heading, note } from "../parts.js";

function waitChart(services) {
  const name = (s) => (currentLanguage() === "zh" ? s.zh : s.en);
  return chart(t("services.chart"), {
    type: "bar",
    data: {
      labels: services.map(name),
      datasets: [
        { label: t("services.chart_wait"), data: services.map((s) => (s.average_wait_s ?? 0) / 60), backgroundColor: "#1f6feb" },
        { label: t("services.chart_target"), data: services.map((s) => s.wait_target_min), backgroundColor: "#c9d1d9" },
      ],
    },
    options: { plugins: { legend: { position: "bottom" } } },
  });
}

export async function servicesPage(main, context, query) {
  defaultRange(context, query);
  main.append(heading(t("services.title")), rangeControls(context, query, "services"));
  const params = reportQuery(query);
  const report = await api(`/reports/services?${params}`);
  if (report.services.length === 0) {
    main.append(note(t("services.none")));
    return;
  }
  const name = (value, row) => (row === report.total ? t("services.total") : currentLanguage() === "zh" ? row.zh : row.en);
  const columns = [
    { key: "service", title: t("services.service"), format: name },
    { key: "tickets", numeric: true, title: t("services.tickets"), format: count },
    { key: "average_wait_s", numeric: true, title: t("services.average_wait"), format: minutes },
    { key: "p90_wait_s", numeric: true, title: t("services.p90_wait"), format: minutes },
    { key: "wait_target_min", numeric: true, title: t("services.target"), format: (v) => (v ? t("unit.min", v) : "") },
    { key: "within_target_share", numeric: true, title: t("services.within_target"), format: share },
    { key: "average_service_s", numeric: true, title: t("services.average_service"), format: minutes },
    { key: "no_show_rate", numeric: true, title: t("services.no_show_rate"), format: share },
    { key: "ratings", numeric: true, title: t("services.ratings"), format: count },
    { key: "satisfied_share", numeric: true, title: t("services.satisfied"), format: share },
  ];
  main.append(figureTable(columns, report.services, { csvName: `services-${params.get("from")}-${params.get("to")}`, footer: report.total }));
  if (report.notes.p90 !== "exact") main.append(note(t("services.p90_note"), "note"));
  main.append(waitChart(report.services));
}
