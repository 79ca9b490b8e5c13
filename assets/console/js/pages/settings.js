// The console's settings (admin): the hours after which an urgent or a
// normal request counts as overdue on the dispatch board and in the reports,
// when follow-up calls are due and which services take complaints
// (docs/follow-up.md), and HQ's public address (the phones' ticket pages,
// docs/public-pages.md).
// Each is a card of its own with its own save and its own answer.
import { api } from "../api.js";
import { t } from "../i18n.js";
import { heading, note } from "../parts.js";
import { field, textInput } from "../form.js";

function hours(name, value) {
  return textInput(name, { type: "number", min: 1, max: 720, step: 1, value: String(value) });
}

// A settings card: its title, the rule in words, the fields and a save button;
// `save()` stores them and returns the words that say what was saved.
function settingsCard(title, rule, fields, save) {
  const message = note("", "banner");
  message.hidden = true;
  const form = document.createElement("form");
  form.className = "settings";
  const button = document.createElement("button");
  button.type = "submit";
  button.className = "primary";
  button.textContent = t("settings.save");
  form.append(heading(title, "h3"), note(rule, "note"), message, ...fields, button);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    message.hidden = false;
    try {
      message.textContent = await save();
      message.className = "banner";
    } catch (e) {
      message.className = "banner error";
      message.textContent = t("console.error", e.message);
    }
  });
  return form;
}

// The working days as seven large checkboxes, Monday first, under `title`.
function weekdays(title, chosen) {
  const box = document.createElement("fieldset");
  box.className = "choices";
  const legend = document.createElement("legend");
  legend.textContent = title;
  box.append(legend);
  for (const day of [1, 2, 3, 4, 5, 6, 0]) {
    const label = document.createElement("label");
    const input = document.createElement("input");
    Object.assign(input, { type: "checkbox", name: "followup_working_days", value: String(day), checked: chosen.includes(day) });
    label.append(input, document.createTextNode(t(`arrivals.weekday_${day}`)));
    box.append(label);
  }
  return box;
}

function followupCard(followup) {
  const days = weekdays(t("settings.working_days"), followup.followup_working_days);
  const due = textInput("followup_due_days", { type: "number", min: 1, max: 10, step: 1, value: String(followup.followup_due_days) });
  const services = textInput("complaint_services", { value: followup.complaint_services.join(","), required: false,
    placeholder: "B", maxLength: 80 });
  return settingsCard(t("settings.followups"), t("settings.followups_rule"),
    [days, field(t("settings.due_days"), due), field(t("settings.complaint_services"), services)],
    async () => {
      const saved = await api("/settings/followups", {
        method: "PUT",
        body: {
          followup_working_days: [...days.querySelectorAll("input:checked")].map((input) => Number(input.value)),
          followup_due_days: Number(due.value),
          complaint_services: services.value.split(/[,，\s]+/).filter(Boolean).map((code) => code.toUpperCase()),
        },
      });
      return t("settings.followups_saved", saved.followup_working_days.map((day) => t(`arrivals.weekday_${day}`)).join(" "),
        saved.followup_due_days, saved.complaint_services.join(",") || "–");
    });
}

export async function settingsPage(main) {
  const [settings, current, followup] = await Promise.all([api("/settings"), api("/settings/public"),
    api("/settings/followups")]);
  const urgent = hours("overdue_urgent_hours", settings.overdue_urgent_hours);
  const normal = hours("overdue_normal_hours", settings.overdue_normal_hours);
  const overdue = settingsCard(t("settings.overdue"), t("settings.overdue_rule"),
    [field(t("settings.urgent_hours"), urgent), field(t("settings.normal_hours"), normal)], async () => {
      const saved = await api("/settings", {
        method: "PUT",
        body: { overdue_urgent_hours: Number(urgent.value), overdue_normal_hours: Number(normal.value) },
      });
      return t("settings.saved", saved.overdue_urgent_hours, saved.overdue_normal_hours);
    });
  // What every store's QR codes hold ("" removes it).
  const url = textInput("public_url", { type: "url", value: current.public_url || "", required: false,
    placeholder: "https://q.example.com", maxLength: 200 });
  const address = settingsCard(t("settings.public"), t("settings.public_rule"), [field(t("settings.public_url"), url)],
    async () => {
      const saved = await api("/settings/public", { method: "PUT", body: { public_url: url.value.trim() } });
      return saved.public_url ? t("settings.public_saved", saved.public_url) : t("settings.public_removed");
    });
  main.append(heading(t("settings.title")), overdue, followupCard(followup), address);
}
