// Requests (manager): the open repair and installation requests now, of every
// store or one: how many in each state and of each age, how many overdue, and
// per store and technician; every table exports as CSV.
import { api } from "../api.js";
import { t } from "../i18n.js";
import { count, moment } from "../format.js";
import { figureTable } from "../table.js";
import { chart, heading, note, storeChoice } from "../parts.js";

const states = ["received", "assigned", "scheduled", "on-the-way", "on-site", "waiting-for-parts", "reopened"];

function agesChart(ages) {
  return chart(t("requests.by_age"), {
    type: "bar",
    data: {
      labels: ages.map((a) => t(`requests.age.${a.age}`)),
      datasets: [{ data: ages.map((a) => a.open), backgroundColor: ["#2da44e", "#bf8700", "#e16f24", "#cf222e"] }],
    },
    options: { plugins: { legend: { display: false } } },
  });
}

export async function requestsPage(main, context, query) {
  const store = query.get("store") || "";
  const bar = document.createElement("div");
  bar.className = "range";
  bar.append(
    storeChoice(context, store, (id) => {
      location.hash = `#/requests${id ? `?store=${encodeURIComponent(id)}` : ""}`;
    }),
  );
  main.append(heading(t("requests.title")), bar);
  const report = await api(`/reports/requests${store ? `?store=${encodeURIComponent(store)}` : ""}`);
  main.append(
    note(t("requests.summary", count(report.total.open), count(report.total.overdue), moment(report.hq_time)), "note"),
    note(t("dispatch.rules", report.overdue_hours.urgent, report.overdue_hours.normal), "note"),
  );
  if (report.total.open === 0) {
    main.append(note(t("requests.none")));
    return;
  }
  const byState = states.map((state) => ({ state, open: report.states[state] || 0 }));
  main.append(
    heading(t("requests.by_state"), "h3"),
    figureTable(
      [
        { key: "state", title: t("dispatch.state"), format: (state) => t(`state.${state}`) },
        { key: "open", numeric: true, title: t("requests.open"), format: count },
      ],
      byState,
      { csvName: "requests-by-state" },
    ),
    agesChart(report.ages),
  );
  const tally = [
    { key: "open", numeric: true, title: t("requests.open"), format: count },
    { key: "overdue", numeric: true, title: t("requests.overdue"), format: count },
    { key: "oldest_at", title: t("requests.oldest"), format: moment },
  ];
  main.append(
    heading(t("requests.by_store"), "h3"),
    figureTable([{ key: "store", title: t("dispatch.store"), format: (id, r) => `${id} ${r.name}` }, ...tally], report.stores, {
      csvName: "requests-by-store",
    }),
    heading(t("requests.by_technician"), "h3"),
  );
  if (report.technicians.length === 0) main.append(note(t("requests.no_technician")));
  else
    main.append(
      figureTable(
        [
          { key: "name", title: t("dispatch.technician") },
          { key: "store", title: t("dispatch.store") },
          ...tally,
        ],
        report.technicians,
        { csvName: "requests-by-technician" },
      ),
    );
}
