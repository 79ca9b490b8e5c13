// Staffing forecast (manager): for one store and service, by weekday and hour
// over the last weeks, the counters Erlang C needs to call the goal share of
// visitors within the wait target beside the counters that were open, with
// the arrivals an hour; hours short of counters marked in colour and words;
// every hour in a table that exports as CSV.
import { api } from "../api.js";
import { currentLanguage, t } from "../i18n.js";
import { minutes, share } from "../format.js";
import { figureTable } from "../table.js";
import { heading, note, storeChoice } from "../parts.js";

const weekOrder = [1, 2, 3, 4, 5, 6, 0];  // Monday first, as the arrivals map
const weekChoices = [4, 8, 13, 26];

function decimal(value) {
  if (value === null || value === undefined) return "–";
  return new Intl.NumberFormat(currentLanguage() === "zh" ? "zh-CN" : "en-GB", { maximumFractionDigits: 1 }).format(value);
}

function choice(title, options, current, chosen) {
  const label = document.createElement("label");
  label.textContent = title;
  const select = document.createElement("select");
  for (const [value, text] of options) select.append(new Option(text, value));
  select.value = current;
  select.addEventListener("change", () => chosen(select.value));
  label.append(select);
  return label;
}

function shortBy(hour) {
  return hour.counters_needed - hour.counters_open;
}

// The weekday x hour grid: needed and open counters in each cell, arrivals below.
function grid(hours) {
  const bySlot = new Map(hours.map((h) => [`${h.weekday}:${h.hour}`, h]));
  const hourList = hours.map((h) => h.hour);
  const first = Math.min(...hourList), last = Math.max(...hourList);
  const table = document.createElement("table");
  table.className = "forecast";
  const head = table.createTHead().insertRow();
  head.append(Object.assign(document.createElement("th"), { textContent: t("forecast.weekday") }));
  for (let hour = first; hour <= last; ++hour)
    head.append(Object.assign(document.createElement("th"), { textContent: t("forecast.hour_of", hour) }));
  const body = table.createTBody();
  for (const weekday of weekOrder) {
    const line = body.insertRow();
    line.append(Object.assign(document.createElement("th"), { textContent: t(`arrivals.weekday_${weekday}`) }));
    for (let hour = first; hour <= last; ++hour) {
      const cell = line.insertCell();
      const h = bySlot.get(`${weekday}:${hour}`);
      if (!h) continue;
      const needed = h.counters_needed === null ? "–" : String(h.counters_needed);
      cell.append(
        Object.assign(document.createElement("div"), { className: "counters", textContent: t("forecast.need", needed) }),
        Object.assign(document.createElement("div"), { textContent: t("forecast.open_n", decimal(h.counters_open)) }),
        Object.assign(document.createElement("div"), {
          className: "arrivals",
          textContent: t("forecast.arrivals_cell", decimal(h.arrivals_per_hour)),
        }),
      );
      if (h.short) {
        cell.className = "short";
        cell.append(Object.assign(document.createElement("div"), { className: "mark", textContent: t("forecast.short", decimal(shortBy(h))) }));
      }
    }
  }
  const box = document.createElement("div");
  box.className = "table-box";
  box.append(table);
  return box;
}

export async function forecastPage(main, context, query) {
  const store = query.get("store") || context.stores[0]?.id || "";
  const weeks = query.get("weeks") || "8";
  const go = (changes) => {
    const next = new URLSearchParams({ store, weeks, service: query.get("service") || "", ...changes });
    if (!next.get("service")) next.delete("service");
    location.hash = `#/forecast?${next}`;
  };
  main.append(heading(t("forecast.title")));
  if (!store) {
    main.append(note(t("forecast.no_store")));
    return;
  }
  const report = await api(`/reports/forecast?store=${encodeURIComponent(store)}&weeks=${encodeURIComponent(weeks)}`);
  const services = report.services;
  const chosen = services.find((s) => s.service === query.get("service")) || services[0];
  const bar = document.createElement("div");
  bar.className = "range";
  bar.append(
    storeChoice(context, store, (id) => go({ store: id, service: "" }), { all: false }),
    choice(
      t("forecast.weeks"),
      weekChoices.map((n) => [String(n), t("forecast.weeks_n", n)]),
      weeks,
      (n) => go({ weeks: n }),
    ),
  );
  if (chosen)
    bar.append(
      choice(
        t("forecast.service"),
        services.map((s) => [s.service, `${s.service} ${currentLanguage() === "zh" ? s.zh : s.en}`]),
        chosen.service,
        (code) => go({ service: code }),
      ),
    );
  main.append(bar, note(t("forecast.period", report.query.from, report.query.to, report.query.weeks), "note"));
  if (!chosen) {
    main.append(note(t("forecast.none")));
    return;
  }
  main.append(
    note(
      t("forecast.goal", share(report.goal_share), chosen.wait_target_min, minutes(chosen.average_service_s), report.hour_samples_min),
      "note",
    ),
    note(t("forecast.legend"), "note"),
    note(t("forecast.open_means"), "note"),
    grid(chosen.hours),
    heading(t("forecast.every_hour"), "h3"),
    figureTable(
      [
        { key: "weekday", title: t("forecast.weekday"), format: (d) => t(`arrivals.weekday_${d}`) },
        { key: "hour", title: t("forecast.hour"), numeric: true, format: (h) => t("forecast.hour_of", h) },
        { key: "arrivals_per_hour", title: t("forecast.arrivals"), numeric: true, format: decimal },
        { key: "average_service_s", title: t("forecast.service_time"), numeric: true, format: minutes },
        { key: "service_s_of", title: t("forecast.service_time_of"), format: (of) => t(`forecast.of_${of}`) },
        { key: "counters_needed", title: t("forecast.needed"), numeric: true, format: decimal },
        { key: "counters_open", title: t("forecast.open"), numeric: true, format: decimal },
        {
          key: "short",
          title: t("forecast.status"),
          format: (short, h) => (short ? t("forecast.short", decimal(shortBy(h))) : t("forecast.enough")),
          cellClass: (h) => (h.short ? "overdue" : ""),
        },
      ],
      [...chosen.hours].sort((a, b) => weekOrder.indexOf(a.weekday) - weekOrder.indexOf(b.weekday) || a.hour - b.hour),
      { csvName: `forecast-${store}-${chosen.service}` },
    ),
  );
}
