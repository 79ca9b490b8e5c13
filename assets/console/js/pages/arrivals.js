// Arrivals (manager): tickets a day on average by weekday and hour, as a heat
// map (the darker, the busier), for staffing the counters.
import { api } from "../api.js";
import { t } from "../i18n.js";
import { addDays, defaultRange, rangeControls, reportQuery } from "../range.js";
import { heading, note } from "../parts.js";

// How many of each weekday (0 Sunday) the range holds.
function weekdays(from, to) {
  const counts = [0, 0, 0, 0, 0, 0, 0];
  for (let day = from; day <= to; day = addDays(day, 1)) counts[new Date(`${day}T00:00:00Z`).getUTCDay()] += 1;
  return counts;
}

export async function arrivalsPage(main, context, query) {
  defaultRange(context, query);
  main.append(heading(t("arrivals.title")), rangeControls(context, query, "arrivals"));
  const report = await api(`/reports/services?${reportQuery(query)}`);
  if (report.arrivals.length === 0) {
    main.append(note(t("services.none")));
    return;
  }
  const days = weekdays(query.get("from"), query.get("to"));
  const hours = report.arrivals.map(([, hour]) => hour);
  const first = Math.min(...hours), last = Math.max(...hours);
  const perDay = {};
  let busiest = 0;
  for (const [weekday, hour, visits] of report.arrivals) {
    const value = days[weekday] ? visits / days[weekday] : 0;
    perDay[`${weekday}:${hour}`] = value;
    busiest = Math.max(busiest, value);
  }
  const table = document.createElement("table");
  table.className = "heatmap";
  const head = table.createTHead().insertRow();
  head.append(Object.assign(document.createElement("th"), { textContent: t("arrivals.hour") }));
  for (let hour = first; hour <= last; ++hour)
    head.append(Object.assign(document.createElement("th"), { textContent: String(hour), className: "number" }));
  const body = table.createTBody();
  for (const weekday of [1, 2, 3, 4, 5, 6, 0]) {
    if (!days[weekday]) continue;
    const line = body.insertRow();
    line.insertCell().textContent = t(`arrivals.weekday_${weekday}`);
    for (let hour = first; hour <= last; ++hour) {
      const value = perDay[`${weekday}:${hour}`] || 0;
      const cell = line.insertCell();
      cell.className = "number";
      cell.textContent = value ? value.toFixed(value < 10 ? 1 : 0) : "";
      const strength = busiest ? value / busiest : 0;
      cell.style.backgroundColor = `rgba(31, 111, 235, ${(0.08 + 0.85 * strength).toFixed(2)})`;
      if (strength > 0.55) cell.style.color = "#fff";
    }
  }
  const box = document.createElement("div");
  box.className = "table-box";
  box.append(table);
  main.append(box);
}
