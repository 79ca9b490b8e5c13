// The service catalogue (admin): every service with its names, wait target
// and typical service time; a service is edited or added in a dialog, the
// whole catalogue imported from a catalogue file (JSON Lines, as kioskctl
// reads) or exported as one. Changes reach every store with its next sync.
import { api } from "../api.js";
import { t } from "../i18n.js";
import { figureTable } from "../table.js";
import { heading, note } from "../parts.js";
import { button, buttons, choice, field, formDialog, textInput } from "../form.js";

function minutes(name, value) {
  return textInput(name, { type: "number", min: 1, max: 480, step: 1, value: String(value) });
}

function yesNo(name, value) {
  return choice(name, [["true", t("catalog.yes")], ["false", t("catalog.no")]], String(value));
}

// The dialog for one service; `service` null adds a new one.
function serviceDialog(service, draw) {
  const s = service || { code: "", zh: "", en: "", priority: false, wait_target_min: 15, typical_service_min: 5, active: true };
  const code = textInput("code", { value: s.code, maxLength: 1, pattern: "[A-Z]", disabled: Boolean(service) });
  const zh = textInput("zh", { value: s.zh, maxLength: 40 });
  const en = textInput("en", { value: s.en, maxLength: 40 });
  const priority = yesNo("priority", s.priority);
  const target = minutes("wait_target_min", s.wait_target_min);
  const typical = minutes("typical_service_min", s.typical_service_min);
  const active = yesNo("active", s.active);
  formDialog({
    title: service ? t("catalog.edit_title", s.code) : t("catalog.add"),
    parts: [
      field(t("catalog.code"), code),
      field(t("catalog.zh"), zh),
      field(t("catalog.en"), en),
      field(t("catalog.priority"), priority),
      field(t("catalog.wait_target"), target),
      field(t("catalog.typical"), typical),
      field(t("catalog.active"), active),
    ],
    confirmText: t("catalog.save"),
    submit: () =>
      api(`/catalog/services/${encodeURIComponent(code.value)}`, {
        method: "PUT",
        body: {
          zh: zh.value,
          en: en.value,
          priority: priority.value === "true",
          wait_target_min: Number(target.value),
          typical_service_min: Number(typical.value),
          active: active.value === "true",
        },
      }),
    done: (answer) => draw(t(answer.changed ? "catalog.saved" : "catalog.unchanged", answer.service.code)),
  });
}

function importDialog(draw) {
  const file = textInput("file", { type: "file", accept: ".jsonl,.json,.txt", required: false });
  const text = document.createElement("textarea");
  text.name = "catalog";
  text.rows = 8;
  text.placeholder = '{"code":"A","zh":"咨询","en":"Consultation","wait_target_min":15}';
  file.addEventListener("change", async () => {
    if (file.files.length) text.value = await file.files[0].text();
  });
  formDialog({
    title: t("catalog.import"),
    parts: [note(t("catalog.import_effect"), "note"), field(t("catalog.file"), file), field(t("catalog.lines"), text)],
    confirmText: t("catalog.import"),
    submit: () => api("/catalog/services/import", { method: "POST", body: { catalog: text.value } }),
    done: (answer) => draw(t("catalog.imported", answer.services, answer.changes)),
  });
}

export async function catalogPage(main) {
  const draw = async (message = "") => {
    const { services } = await api("/catalog/services/all");
    const parts = [heading(t("catalog.title"))];
    if (message) parts.push(note(message, "banner"));
    const exporter = document.createElement("a");
    exporter.className = "button";
    exporter.href = "/api/console/v1/catalog/services/export";
    exporter.download = "catalog.jsonl";
    exporter.textContent = t("catalog.export");
    parts.push(
      buttons(button(t("catalog.add"), () => serviceDialog(null, draw), "primary"), button(t("catalog.import"), () => importDialog(draw)), exporter),
    );
    const columns = [
      { key: "act", title: "", element: (service) => button(t("catalog.edit"), () => serviceDialog(service, draw)) },
      { key: "code", title: t("catalog.code") },
      { key: "zh", title: t("catalog.zh") },
      { key: "en", title: t("catalog.en") },
      { key: "priority", title: t("catalog.priority"), format: (yes) => t(yes ? "catalog.yes" : "catalog.no") },
      { key: "wait_target_min", title: t("catalog.wait_target"), numeric: true },
      { key: "typical_service_min", title: t("catalog.typical"), numeric: true },
      {
        key: "active",
        title: t("catalog.active"),
        format: (yes) => t(yes ? "catalog.offered" : "catalog.withdrawn"),
        cellClass: (service) => (service.active ? "" : "muted"),
      },
    ];
    if (services.length === 0) parts.push(note(t("catalog.none")));
    else parts.push(figureTable(columns, services, { csvName: "services" }));
    main.replaceChildren(...parts);
  };
  await draw();
}
