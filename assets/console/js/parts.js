// The pieces every page is made of: its heading, a note when there is
// nothing to show, a chart in its frame (Chart.js, no animation), and the
// choice of one store (or all).
import { t } from "./i18n.js";

export function heading(text, level = "h2") {
  const element = document.createElement(level);
  element.textContent = text;
  return element;
}

export function note(text, className = "empty") {
  const element = document.createElement("p");
  element.className = className;
  element.textContent = text;
  return element;
}

// A chart of Chart.js `config` under `caption`.
export function chart(caption, config) {
  const box = document.createElement("figure");
  box.className = "chart";
  const canvas = document.createElement("canvas");
  box.append(heading(caption, "figcaption"), canvas);
  config.options = { animation: false, responsive: true, maintainAspectRatio: false, ...config.options };
  new Chart(canvas, config);
  return box;
}

// A labelled choice of every store or one; `chosen(id)` gets "" for all.
// Without `all`, one store only.
export function storeChoice(context, current, chosen, { all = true } = {}) {
  const label = document.createElement("label");
  label.textContent = t("dispatch.store");
  const select = document.createElement("select");
  if (all) select.append(new Option(t("dispatch.all_stores"), ""));
  for (const s of context.stores) select.append(new Option(`${s.id} ${s.name}`, s.id));
  select.value = current || "";
  select.addEventListener("change", () => chosen(select.value));
  label.append(select);
  return label;
}

// The bar over a list page (#/dispatch, #/followups): a link per way of
// showing it (`shows`, its texts `${page}.show.${name}`, the current one
// marked) and the store choice; both lead to `#/${page}?show=..&store=..`.
export function listFilters(context, page, shows, show, store) {
  const link = (name, id) => `#/${page}?show=${name}${id ? `&store=${encodeURIComponent(id)}` : ""}`;
  const bar = document.createElement("div");
  bar.className = "range";
  for (const name of shows) {
    const a = document.createElement("a");
    a.className = "preset";
    a.href = link(name, store);
    a.textContent = t(`${page}.show.${name}`);
    if (name === show) a.setAttribute("aria-current", "true");
    bar.append(a);
  }
  bar.append(
    storeChoice(context, store, (id) => {
      location.hash = link(show, id);
    }),
  );
  return bar;
}
