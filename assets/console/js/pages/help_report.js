// The help report (manager; docs/help-articles.md): over a range (the
// presets, any from-to, one store or all), what customers read at the kiosks
// and what they answered: views, helpful, not helpful, answered without a
// ticket and the helpful share, in total, per article and per store; each
// table exports as CSV.
import { api } from "../api.js";
import { currentLanguage, t } from "../i18n.js";
import { count, share } from "../format.js";
import { figureTable } from "../table.js";
import { defaultRange, rangeControls, reportQuery } from "../range.js";
import { heading, note } from "../parts.js";
import { productNames } from "../products.js";
import { serviceName } from "./help.js";

// The sums' columns of both tables (texts read once they are loaded).
const sumColumns = () => [
  { key: "views", numeric: true, title: t("help_report.views"), format: count },
  { key: "helpful", numeric: true, title: t("help_report.helpful"), format: count },
  { key: "not_helpful", numeric: true, title: t("help_report.not_helpful"), format: count },
  { key: "answered_without_ticket", numeric: true, title: t("help_report.without_ticket_column"), format: count },
  { key: "helpful_share", numeric: true, title: t("help_report.helpful_share"), format: share },
];

export async function helpReportPage(main, context, query) {
  defaultRange(context, query);
  main.append(heading(t("help_report.title")), rangeControls(context, query, "help-report"), note(t("help_report.rule"), "note"));
  const params = reportQuery(query);
  const [report, names, { services }] = await Promise.all([api(`/reports/help?${params}`), productNames(), api("/catalog/services")]);
  const total = report.total;
  main.append(
    note(
      t("help_report.summary", count(total.views), count(total.helpful), count(total.not_helpful), count(total.answered_without_ticket), share(total.helpful_share)),
      "headline",
    ),
  );
  if (total.views === 0) {
    main.append(note(t("help_report.none")));
    return;
  }
  const range = `${params.get("from")}-${params.get("to")}`;
  const language = currentLanguage();
  const articleColumns = [
    { key: "title", title: t("help.title_field"), format: (_, row) => (row === total ? t("services.total") : row[language] ?? row.id), cellClass: () => "title" },
    { key: "id", title: t("help.id"), format: (id) => id ?? "" },
    { key: "service", title: t("help.service"), format: (code) => (code ? serviceName(services, code) : "") },
    { key: "product", title: t("help.product"), format: (code, row) => (row === total ? "" : code ? names.product(code) : t("help.general")) },
    ...sumColumns(),
  ];
  main.append(
    heading(t("help_report.by_article"), "h3"),
    figureTable(articleColumns, report.articles, { csvName: `help-articles-${range}`, footer: total }),
    heading(t("requests.by_store"), "h3"),
    figureTable([{ key: "store", title: t("dispatch.store"), format: (id, row) => `${id} ${row.name ?? ""}` }, ...sumColumns()], report.stores, {
      csvName: `help-stores-${range}`,
    }),
  );
}
