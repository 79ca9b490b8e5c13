// Alerts (manager): what needs acting on in every store (a wait over its
// target, a burst of unhappy ratings, a store not heard from or behind, a
// printer out of paper), each acknowledged with a word on what was done.
import { api } from "../api.js";
import { currentLanguage, known, t } from "../i18n.js";
import { minutes, moment } from "../format.js";
import { heading, note } from "../parts.js";

function describe(alert, names) {
  const d = alert.detail || {};
  switch (alert.kind) {
    case "wait-over-target": {
      const service = names[alert.subject];
      const name = service ? (currentLanguage() === "zh" ? service.zh : service.en) : alert.subject;
      return t("alerts.kind.wait-over-target", name, minutes(d.longest_wait_s), d.wait_target_min);
    }
    case "unhappy-ratings":
      return currentLanguage() === "zh"
        ? t("alerts.kind.unhappy-ratings", d.ratings, d.unhappy)
        : t("alerts.kind.unhappy-ratings", d.unhappy, d.ratings);
    default:
      return known(`alerts.kind.${alert.kind}`, alert.kind);
  }
}

function ackForm(alert, redraw) {
  const form = document.createElement("form");
  form.className = "ack";
  const comment = document.createElement("input");
  comment.required = true;
  comment.maxLength = 500;
  comment.placeholder = t("alerts.comment");
  const button = document.createElement("button");
  button.type = "submit";
  button.className = "primary";
  button.textContent = t("alerts.ack");
  const error = document.createElement("span");
  error.className = "error";
  form.append(comment, button, error);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api(`/alerts/${encodeURIComponent(alert.id)}/ack`, { method: "POST", body: { comment: comment.value } });
      await redraw();
    } catch (e) {
      error.textContent = t("console.error", e.message);
    }
  });
  return form;
}

export async function alertsPage(main, context, query) {
  const all = query.get("state") === "all";
  const redraw = async () => {
    const [{ alerts }, services] = [await api(`/alerts?state=${all ? "all" : "open"}`), await api("/catalog/services")];
    const names = Object.fromEntries(services.services.map((s) => [s.code, s]));
    const stores = Object.fromEntries(context.stores.map((s) => [s.id, s.name]));
    const title = heading(t(all ? "alerts.title_all" : "alerts.title"));
    const toggle = document.createElement("a");
    toggle.className = "preset";
    toggle.href = all ? "#/alerts" : "#/alerts?state=all";
    toggle.textContent = t(all ? "alerts.show_open" : "alerts.show_all");
    const parts = [title, toggle];
    if (alerts.length === 0) parts.push(note(t("alerts.none")));
    for (const alert of alerts) {
      const card = document.createElement("article");
      card.className = `alert${alert.cleared_at ? " cleared" : ""}`;
      const state = alert.cleared_at ? t("alerts.cleared", moment(alert.cleared_at)) : t("alerts.open");
      card.append(
        heading(`${alert.store} ${stores[alert.store] || ""} · ${describe(alert, names)}`, "h3"),
        note(`${t("alerts.opened")} ${moment(alert.opened_at)} · ${state}`, "note"),
      );
      if (alert.acked_at) {
        card.append(note(t("alerts.acked", alert.acked_by, alert.ack_comment), ""));
      } else {
        card.append(ackForm(alert, async () => main.replaceChildren(...(await redraw()))));
      }
      parts.push(card);
    }
    return parts;
  };
  main.replaceChildren(...(await redraw()));
}
