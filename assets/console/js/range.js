// The range every report page starts with: presets (today, yesterday, last
// 7 days, this month), any from-to, one store or all (or one store only);
// kept in the page's hash.
import { t } from "./i18n.js";

export function addDays(day, days) {
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

// Today when the hash names no range; the first store when a report of one
// store (oneStore) names none.
export function defaultRange(context, query, { oneStore = false } = {}) {
  if (oneStore && !query.get("store") && context.stores.length > 0) query.set("store", context.stores[0].id);
  if (query.get("from") && query.get("to")) return;
  query.set("from", context.today);
  query.set("to", context.today);
}

// from, to and store for the API.
export function reportQuery(query) {
  const params = new URLSearchParams({ from: query.get("from"), to: query.get("to") });
  if (query.get("store")) params.set("store", query.get("store"));
  return params;
}

// allStores: false for a report of one store (the choice then has no "all").
export function rangeControls(context, query, page, { allStores = true } = {}) {
  const form = document.createElement("form");
  form.className = "range";
  for (const [name, [from, to]] of Object.entries(presets(context.today))) {
    const link = document.createElement("a");
    link.className = "preset";
    link.textContent = t(`range.${name}`);
    const params = new URLSearchParams(query);
    params.set("from", from);
    params.set("to", to);
    link.href = `#/${page}?${params}`;
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
  if (allStores) store.append(new Option(t("range.all_stores"), ""));
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
    location.hash = `#/${page}?${params}`;
  });
  return form;
}
