// The follow-up report (manager; docs/follow-up.md, "Reports"): over the
// tasks due in a range, the follow-up rate, the reached rate, the requests
// solved at the first visit and the reopened rate, in total, per store and per
// technician; the complaints issued in the range and how many were solved
// within 24 and 72 hours; the open complaints now. Every table exports as CSV.
import { api } from "../api.js";
import { t } from "../i18n.js";
import { count, share } from "../format.js";
import { figureTable } from "../table.js";
import { addDays, rangeControls, reportQuery } from "../range.js";
import { heading, note } from "../parts.js";
import { complaintsSection } from "../complaints.js";

// The figure columns of the follow-up tables (texts read once they are loaded).
const followupColumns = () => [
  { key: "due", numeric: true, title: t("followup_report.due"), format: count },
  { key: "done_on_time", numeric: true, title: t("followup_report.done_on_time"), format: count },
  { key: "followup_rate", numeric: true, title: t("followup_report.followup_rate"), format: share },
  { key: "reached_rate", numeric: true, title: t("followup_report.reached_rate"), format: share },
  { key: "solved_first_visit", numeric: true, title: t("followup_report.solved_first_visit"), format: count },
  { key: "solved_first_visit_share", numeric: true, title: t("followup_report.solved_first_visit_share"), format: share },
  { key: "not_solved", numeric: true, title: t("followup_report.not_solved"), format: count },
  { key: "reopened_rate", numeric: true, title: t("followup_report.reopened_rate"), format: share },
];

const complaintColumns = () =>
  [
    ["opened", count],
    ["solved_within_24h", count],
    ["solved_within_24h_share", share],
    ["solved_within_72h", count],
    ["still_open", count],
  ].map(([key, format]) => ({
    key,
    numeric: true,
    title: t(`followup_report.complaints.${key}`),
    format: (_, row) => format(row.complaints[key]),
  }));

export async function followupReportPage(main, context, query) {
  if (!query.get("from") || !query.get("to")) {
    query.set("from", addDays(context.today, -6));  // a week of calls
    query.set("to", context.today);
  }
  const report = await api(`/reports/followups?${reportQuery(query)}`);
  main.append(
    heading(t("followup_report.title")),
    rangeControls(context, query, "followup-report"),
    note(t("followup_report.rule"), "note"),
  );
  const total = report.total;
  main.append(
    note(
      t("followup_report.summary", share(total.followup_rate), share(total.reached_rate),
        share(total.solved_first_visit_share), share(total.reopened_rate)),
      "headline",
    ),
    note(t("followup_report.complaints_summary", count(total.complaints.opened),
      share(total.complaints.solved_within_24h_share), share(total.complaints.solved_within_72h_share),
      count(total.complaints.still_open)), "headline"),
  );
  const storeName = { key: "store", title: t("dispatch.store"), format: (id, r) => `${id} ${r.name}` };
  if (report.stores.length === 0) {
    main.append(note(t("followup_report.none")));
  } else {
    main.append(
      heading(t("requests.by_store"), "h3"),
      figureTable([storeName, ...followupColumns()], report.stores, { csvName: "followups-by-store" }),
      heading(t("requests.by_technician"), "h3"),
      report.technicians.length === 0
        ? note(t("followup_report.no_technician"))
        : figureTable(
            [{ key: "name", title: t("dispatch.technician") }, { key: "store", title: t("dispatch.store") }, ...followupColumns()],
            report.technicians,
            { csvName: "followups-by-technician" },
          ),
      heading(t("followup_report.complaints_by_store"), "h3"),
      figureTable([storeName, ...complaintColumns()], report.stores, { csvName: "complaints-by-store" }),
    );
  }
  main.append(...(await complaintsSection(query.get("store") || "")));
}
