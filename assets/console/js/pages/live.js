// Every store now (manager, dispatcher): visits waiting and the longest wait
// by service, counters open, when HQ last heard from the store, its devices'
// problems; refreshed every 10 seconds while the page is shown.
import { api } from "../api.js";
import { currentLanguage, known, t } from "../i18n.js";
import { count, minutes, moment } from "../format.js";
import { figureTable } from "../table.js";
import { heading, note } from "../parts.js";

const kRefreshMs = 10_000;
let timer = null;

function ago(epochMs, now) {
  if (epochMs === null || epochMs === undefined) return t("live.never");
  return t("live.ago", minutes(Math.max(0, (now - epochMs) / 1000)));
}

function servicesText(services) {
  const name = (s) => (currentLanguage() === "zh" ? s.zh : s.en);
  return services
    .map((s) => `${name(s)} ${count(s.waiting)}${s.over_target ? ` (${t("live.over_target")})` : ""}`)
    .join(" · ");
}

async function draw(main) {
  const live = await api("/live");
  const parts = [heading(t("live.title")), note(t("live.updated", moment(live.hq_time)), "note")];
  if (live.stores.length === 0) {
    parts.push(note(t("live.no_stores")));
  } else {
    const columns = [
      { key: "store", title: t("live.store"), format: (id, s) => `${id} ${s.name}` },
      { key: "waiting", numeric: true, title: t("live.waiting"), format: count },
      { key: "longest_wait_s", numeric: true, title: t("live.longest"), format: minutes },
      { key: "services", title: t("live.services"), format: servicesText },
      { key: "counters_open", numeric: true, title: t("live.counters"), format: count },
      { key: "last_contact_at", title: t("live.last_contact"), format: (at) => ago(at, live.hq_time) },
      {
        key: "problems",
        title: t("live.problems"),
        format: (problems) =>
          problems.length ? problems.map((p) => known(`problem.${p}`, p)).join("、") : t("live.no_problem"),
      },
    ];
    parts.push(figureTable(columns, live.stores, { csvName: "live" }));
  }
  main.replaceChildren(...parts);
}

export async function livePage(main) {
  clearTimeout(timer);
  await draw(main);
  const again = async () => {
    if (!main.isConnected || !location.hash.startsWith("#/live")) return;
    try {
      await draw(main);
    } finally {
      timer = setTimeout(again, kRefreshMs);
    }
  };
  timer = setTimeout(again, kRefreshMs);
}
