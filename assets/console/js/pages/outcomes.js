// Request outcomes (manager): over a range, the repair and installation
// requests done, the share fixed the first time (no wait for parts, never
// reopened) and those reopened; in total, per store and per technician.
import { api } from "../api.js";
import { t } from "../i18n.js";
import { count, share } from "../format.js";
import { figureTable } from "../table.js";
import { addDays, rangeControls, reportQuery } from "../range.js";
import { heading, note } from "../parts.js";

// The figure columns of every table (texts read once they are loaded).
const figureColumns = () => [
  { key: "done", numeric: true, title: t("outcomes.done"), format: count },
  { key: "first_time_fixed", numeric: true, title: t("outcomes.first_time_fixed"), format: count },
  { key: "first_time_fixed_share", numeric: true, title: t("outcomes.first_time_share"), format: share },
  { key: "reopened", numeric: true, title: t("outcomes.reopened"), format: count },
];

export async function outcomesPage(main, context, query) {
  if (!query.get("from") || !query.get("to")) {
    query.set("from", addDays(context.today, -29));  // a month of jobs tells more than a day
    query.set("to", context.today);
  }
  const report = await api(`/reports/request-outcomes?${reportQuery(query)}`);
  main.append(heading(t("outcomes.title")), rangeControls(context, query, "outcomes"), note(t("outcomes.rule"), "note"));
  const total = report.total;
  const figures = figureColumns();
  main.append(
    note(t("outcomes.summary", count(total.done), share(total.first_time_fixed_share), count(total.reopened)), "headline"),
  );
  if (total.done === 0 && total.reopened === 0) {
    main.append(note(t("outcomes.none")));
    return;
  }
  main.append(
    heading(t("requests.by_store"), "h3"),
    figureTable([{ key: "store", title: t("dispatch.store"), format: (id, r) => `${id} ${r.name}` }, ...figures], report.stores, {
      csvName: "outcomes-by-store",
    }),
    heading(t("requests.by_technician"), "h3"),
  );
  if (report.technicians.length === 0) main.append(note(t("requests.no_technician")));
  else
    main.append(
      figureTable([{ key: "name", title: t("dispatch.technician") }, { key: "store", title: t("dispatch.store") }, ...figures], report.technicians, {
        csvName: "outcomes-by-technician",
      }),
    );
}
