// Counters and staff (manager): for one store and a range (at most 92 days),
// per counter and per staff member who called its tickets: served, average
// service time, no-shows and the ratings of their visits (how many, average,
// share of 4-5, each score); both tables export as CSV; a chart of each staff
// member's satisfied share, its value written beside the name (no hover needed).
import { api } from "../api.js";
import { t } from "../i18n.js";
import { count, minutes, share } from "../format.js";
import { figureTable } from "../table.js";
import { defaultRange, rangeControls, reportQuery } from "../range.js";
import { chart, heading, note } from "../parts.js";

const maxDays = 92;  // as hq/counter_report.h

function staffName(row) {
  if (row.name) return row.name;
  return row.staff ? t("counters.unknown_staff", row.staff) : t("counters.nobody");
}

function average(value) {
  return value === null || value === undefined ? "–" : value.toFixed(2);
}

// The figures both tables show after their first column(s).
function figureColumns() {
  return [
    { key: "served", numeric: true, title: t("counters.served"), format: count },
    { key: "average_service_s", numeric: true, title: t("services.average_service"), format: minutes },
    { key: "no_shows", numeric: true, title: t("counters.no_shows"), format: count },
    { key: "ratings", numeric: true, title: t("services.ratings"), format: count },
    { key: "average_score", numeric: true, title: t("counters.average_score"), format: average },
    { key: "satisfied_share", numeric: true, title: t("services.satisfied"), format: share },
    ...[5, 4, 3, 2, 1].map((n) => ({
      key: "scores",
      numeric: true,
      title: t("counters.score", n),
      format: (scores) => count(scores[n - 1]),
    })),
  ];
}

function satisfiedChart(staff) {
  const rated = staff.filter((s) => s.staff !== null && s.ratings > 0);
  return chart(t("counters.chart"), {
    type: "bar",
    data: {
      labels: rated.map((s) => `${staffName(s)} · ${share(s.satisfied_share)} (${t("counters.of_ratings", count(s.ratings))})`),
      datasets: [{ data: rated.map((s) => s.satisfied_share * 100), backgroundColor: "#2da44e" }],
    },
    options: {
      indexAxis: "y",
      scales: {
        x: { min: 0, max: 100, ticks: { font: { size: 15 }, callback: (v) => `${v}%` } },
        y: { ticks: { font: { size: 17 } } },
      },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
    },
  });
}

function days(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000) + 1;
}

export async function countersPage(main, context, query) {
  defaultRange(context, query, { oneStore: true });
  main.append(heading(t("counters.title")), rangeControls(context, query, "counters", { allStores: false }));
  if (days(query.get("from"), query.get("to")) > maxDays) {
    main.append(note(t("counters.too_long", maxDays)));
    return;
  }
  const params = reportQuery(query);
  const report = await api(`/reports/counters?${params}`);
  if (report.counters.length === 0) {
    main.append(note(t("counters.none")));
    return;
  }
  const name = `${params.get("store")}-${params.get("from")}-${params.get("to")}`;
  const total = { ...report.total, counter: null, staff: null, name: t("services.total"), counters: [] };
  const counterColumns = [
    {
      key: "counter",
      title: t("counters.counter"),
      format: (value) => (value === null ? t("services.total") : t("counters.counter_n", value)),
    },
    ...figureColumns(),
  ];
  const staffColumns = [
    { key: "name", title: t("counters.staff"), format: (value, row) => (row === total ? value : staffName(row)) },
    { key: "counters", title: t("counters.at_counters"), format: (list) => list.join(", ") },
    ...figureColumns(),
  ];
  main.append(
    heading(t("counters.by_counter"), "h3"),
    figureTable(counterColumns, report.counters, { csvName: `counters-${name}`, footer: total }),
    heading(t("counters.by_staff"), "h3"),
    figureTable(staffColumns, report.staff, { csvName: `staff-${name}`, footer: total }),
  );
  if (report.staff.some((s) => s.staff !== null && s.ratings > 0)) main.append(satisfiedChart(report.staff));
  main.append(note(t("counters.definitions"), "note"));
}
