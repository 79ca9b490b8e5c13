// The services report (manager): a range (today, yesterday, last 7 days, this
// month, or any from-to), one store or all, a table by service with its
// total, CSV, and a chart of each service's average wait against its target.
import { api } from "../api.js";
import { currentLanguage, t } from "../i18n.js";
import { count, minutes, share } from "../format.js";
import { figureTable } from "../table.js";

function addDays(day, days) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function presets(today) {
  return {
    today: [today, today],
    yesterday: [addDays(today, -1), addDays(today, -1)],
    last7: [addDays(today, -6), today],
    month: [`${today.slice(0, 8)}01`, today],
  };
}

function rangeControls(context, query) {
  const form = document.createElement("form");
  form.className = "range";
  const ranges = presets(context.today);
  for (const [name, [from, to]] of Object.entries(ranges)) {
    const link = document.createElement("a");
    link.className = "preset";
    link.textContent = t(`range.${name}`);
    const params = new URLSearchParams(query);
    params.set("from", from);
    params.set("to", to);
    link.href = `#/services?${params}`;
    if (query.get("from") === from && query.get("to") === to) link.setAttribute("aria-current", "true");
    form.append(link);
  }
  const input = (name, type, value) => {
    const label = document.createElement("label");
    const text = document.createElement("span");
    text.textContent = t(`range.${name}`);
    const field = document.createElement(type === "select" ? "select" : "input");
    field.name = name;
    if (type !== "select") {
      field.type = type;
      field.value = value;
    }
    label.append(text, field);
    form.append(label);
    return field;
  };
  input("from", "date", query.get("from"));
  input("to", "date", query.get("to"));
  const store = input("store", "select");
  store.append(new Option(t("range.all_stores"), ""));
  for (const s of context.stores) store.append(new Option(`${s.id} ${s.name}`, s.id));
  store.value = query.get("store") || "";
  const apply = document.createElement("button");
  apply.type = "submit";
  apply.className = "primary";
  apply.textContent = t("range.apply");
  form.append(apply);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = new URLSearchParams(new FormData(form));
    if (!params.get("store")) params.delete("store");
    location.hash = `#/services?${params}`;
  });
  return form;
}

function waitChart(services) {
  const box = document.createElement("figure");
  box.className = "chart";
  const caption = document.createElement("figcaption");
  caption.textContent = t("services.chart");
  const canvas = document.createElement("canvas");
  box.append(caption, canvas);
  const name = (s) => (currentLanguage() === "zh" ? s.zh : s.en);
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: services.map(name),
      datasets: [
        { label: t("services.chart_wait"), data: services.map((s) => (s.average_wait_s ?? 0) / 60), backgroundColor: "#1f6feb" },
        { label: t("services.chart_target"), data: services.map((s) => s.wait_target_min), backgroundColor: "#c9d1d9" },
      ],
    },
    options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { position: "bottom" } } },
  });
  return box;
}

export async function servicesPage(main, context, query) {
  if (!query.get("from") || !query.get("to")) {
    const [from, to] = presets(context.today).today;
    query.set("from", from);
    query.set("to", to);
  }
  const title = document.createElement("h2");
  title.textContent = t("services.title");
  main.append(title, rangeControls(context, query));
  const params = new URLSearchParams({ from: query.get("from"), to: query.get("to") });
  if (query.get("store")) params.set("store", query.get("store"));
  const report = await api(`/reports/services?${params}`);
  if (report.services.length === 0) {
    const none = document.createElement("p");
    none.className = "empty";
    none.textContent = t("services.none");
    main.append(none);
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
  if (report.notes.p90 !== "exact") {
    const note = document.createElement("p");
    note.className = "note";
    note.textContent = t("services.p90_note");
    main.append(note);
  }
  main.append(waitChart(report.services));
}
