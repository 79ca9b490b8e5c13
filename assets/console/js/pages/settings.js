// The console's settings (admin): the hours after which an urgent or a
// normal request counts as overdue on the dispatch board and in the reports,
// and HQ's public address (the phones' ticket pages, docs/public-pages.md).
import { api } from "../api.js";
import { t } from "../i18n.js";
import { heading, note } from "../parts.js";
import { field, textInput } from "../form.js";

function hours(name, value) {
  return textInput(name, { type: "number", min: 1, max: 720, step: 1, value: String(value) });
}

export async function settingsPage(main) {
  const settings = await api("/settings");
  const urgent = hours("overdue_urgent_hours", settings.overdue_urgent_hours);
  const normal = hours("overdue_normal_hours", settings.overdue_normal_hours);
  const message = note("", "banner");
  message.hidden = true;
  const form = document.createElement("form");
  form.className = "settings";
  const save = document.createElement("button");
  save.type = "submit";
  save.className = "primary";
  save.textContent = t("settings.save");
  form.append(
    heading(t("settings.overdue"), "h3"),
    note(t("settings.overdue_rule"), "note"),
    field(t("settings.urgent_hours"), urgent),
    field(t("settings.normal_hours"), normal),
    save,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    message.hidden = false;
    try {
      const saved = await api("/settings", {
        method: "PUT",
        body: { overdue_urgent_hours: Number(urgent.value), overdue_normal_hours: Number(normal.value) },
      });
      message.className = "banner";
      message.textContent = t("settings.saved", saved.overdue_urgent_hours, saved.overdue_normal_hours);
    } catch (e) {
      message.className = "banner error";
      message.textContent = t("console.error", e.message);
    }
  });
  main.append(heading(t("settings.title")), message, form, await publicAddressForm());
}

// HQ's public address: what every store's QR codes hold ("" removes it).
async function publicAddressForm() {
  const current = await api("/settings/public");
  const url = textInput("public_url", { type: "url", value: current.public_url || "", required: false,
    placeholder: "https://q.example.com", maxLength: 200 });
  const message = note("", "banner");
  message.hidden = true;
  const form = document.createElement("form");
  form.className = "settings";
  const save = document.createElement("button");
  save.type = "submit";
  save.className = "primary";
  save.textContent = t("settings.save");
  form.append(heading(t("settings.public"), "h3"), note(t("settings.public_rule"), "note"), message,
    field(t("settings.public_url"), url), save);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    message.hidden = false;
    try {
      const saved = await api("/settings/public", { method: "PUT", body: { public_url: url.value.trim() } });
      message.className = "banner";
      message.textContent = saved.public_url ? t("settings.public_saved", saved.public_url) : t("settings.public_removed");
    } catch (e) {
      message.className = "banner error";
      message.textContent = t("console.error", e.message);
    }
  });
  return form;
}
