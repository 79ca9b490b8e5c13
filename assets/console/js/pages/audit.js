// The audit list (admin): who changed what, when; the newest first.
import { api } from "../api.js";
import { known, t } from "../i18n.js";
import { moment } from "../format.js";
import { figureTable } from "../table.js";
import { heading } from "../parts.js";

export async function auditPage(main) {
  const { entries } = await api("/audit");
  const columns = [
    { key: "at", title: t("audit.at"), format: moment },
    { key: "actor", title: t("audit.actor"), format: (actor) => (actor === "cli" ? t("audit.actor.cli") : actor) },
    { key: "action", title: t("audit.action"), format: (action) => known(`audit.action.${action}`, action) },
    { key: "target", title: t("audit.target") },
  ];
  main.append(heading(t("audit.title")), figureTable(columns, entries, { csvName: "audit" }));
}
