// Customer satisfaction (manager): by service the ratings, the share of 4-5
// and how many of each score; the scores as a chart; the reasons given, in the
// kiosk's words.
import { api } from "../api.js";
import { currentLanguage, known, t } from "../i18n.js";
import { count, share } from "../format.js";
import { figureTable } from "../table.js";
import { defaultRange, rangeControls, reportQuery } from "../range.js";
import { chart, heading, note } from "../parts.js";

function scoresChart(scores) {
  return chart(t("satisfaction.distribution"), {
    type: "bar",
    data: {
      labels: [1, 2, 3, 4, 5].map((n) => `${n} · ${t(`rate.score_${n}`)}`),
      datasets: [{ data: scores, backgroundColor: ["#cf222e", "#e16f24", "#bf8700", "#2da44e", "#1a7f37"] }],
    },
    options: { plugins: { legend: { display: false } } },
  });
}

export async function satisfactionPage(main, context, query) {
  defaultRange(context, query);
  main.append(heading(t("satisfaction.title")), rangeControls(context, query, "satisfaction"));
  const report = await api(`/reports/services?${reportQuery(query)}`);
  if (report.total.ratings === 0) {
    main.append(note(t("satisfaction.none")));
    return;
  }
  const name = (value, row) => (row === report.total ? t("services.total") : currentLanguage() === "zh" ? row.zh : row.en);
  const columns = [
    { key: "service", title: t("services.service"), format: name },
    { key: "ratings", numeric: true, title: t("services.ratings"), format: count },
    { key: "satisfied_share", numeric: true, title: t("services.satisfied"), format: share },
    ...[5, 4, 3, 2, 1].map((n) => ({
      key: "scores",
      numeric: true,
      title: `${n} · ${t(`rate.score_${n}`)}`,
      format: (scores) => count(scores[n - 1]),
    })),
  ];
  const rated = report.services.filter((s) => s.ratings > 0);
  main.append(figureTable(columns, rated, { csvName: "satisfaction", footer: report.total }));
  const reasons = Object.entries(report.reasons)
    .sort((a, b) => b[1] - a[1])
    .map(([code, times]) => ({ code, times }));
  const reasonColumns = [
    { key: "code", title: t("satisfaction.reason"), format: (code) => known(`reason.${code}`, code) },
    { key: "times", numeric: true, title: t("satisfaction.count"), format: count },
    { key: "times", numeric: true, title: t("satisfaction.share"), format: (times) => share(times / report.total.ratings) },
  ];
  main.append(
    scoresChart(report.total.scores),
    heading(t("satisfaction.reasons"), "h3"),
    figureTable(reasonColumns, reasons, { csvName: "reasons" }),
  );
}
