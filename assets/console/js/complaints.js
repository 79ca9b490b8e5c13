// The open complaints with their clock (docs/follow-up.md): a table the
// dispatcher's follow-up page and the manager's report share. A complaint past
// 24 hours is red, one past 18 amber; each also says so in words.
import { api } from "./api.js";
import { t } from "./i18n.js";
import { moment } from "./format.js";
import { figureTable } from "./table.js";
import { heading, note } from "./parts.js";

const clockClass = { "at-risk": "clock-risk", "late-24h": "clock-late", "late-72h": "clock-late" };

function hours(ms) {
  return Math.floor(ms / 3_600_000);
}

export async function complaintsSection(store) {
  const { complaints } = await api(`/complaints${store ? `?store=${encodeURIComponent(store)}` : ""}`);
  const parts = [heading(t("complaints.title"), "h3"), note(t("complaints.rule"), "note")];
  if (complaints.length === 0) return [...parts, note(t("complaints.none"))];
  const columns = [
    {
      key: "clock",
      title: t("complaints.clock"),
      format: (clock, c) => t(`complaints.clock.${clock}`, hours(c.age_ms)),
      cellClass: (c) => clockClass[c.clock] || "",
    },
    { key: "store", title: t("dispatch.store"), format: (id, c) => `${id} ${c.store_name}` },
    { key: "ticket", title: t("complaints.ticket") },
    { key: "issued_at", title: t("complaints.issued"), format: moment },
    {
      key: "request",
      title: t("complaints.request"),
      format: (code, c) => (code ? `${code} · ${t(`state.${c.request_state}`)}` : "–"),
    },
    {
      key: "followup",
      title: t("complaints.followup"),
      format: (id) => (id ? t("complaints.has_call") : t("complaints.no_call")),
    },
  ];
  return [...parts, figureTable(columns, complaints, { csvName: "complaints" })];
}
