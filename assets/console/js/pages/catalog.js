// The catalogues (admin). Services: names, wait target and typical service
// time; a service is edited or added in a dialog, the whole catalogue
// imported from a catalogue file (JSON Lines, as kioskctl reads) or exported.
// Products: the request form's products and their problems, edited as the
// catalogue file's lines (or a file), exported the same. Changes reach every
// store with its next sync.
import { api } from "../api.js";
import { t } from "../i18n.js";
import { figureTable } from "../table.js";
import { heading, note } from "../parts.js";
import { button, buttons, choice, exportLink, field, formDialog, linesDialog, textInput } from "../form.js";
import { currentLanguage } from "../i18n.js";

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
  linesDialog({
    title: t("catalog.import"),
    effect: t("catalog.import_effect"),
    fileLabel: t("catalog.file"),
    placeholder: '{"code":"A","zh":"咨询","en":"Consultation","wait_target_min":15}',
    send: (lines) => api("/catalog/services/import", { method: "POST", body: { catalog: lines } }),
    done: (answer) => draw(t("catalog.imported", answer.services, answer.changes)),
  });
}

function productsDialog(catalog, draw) {
  linesDialog({
    title: t("products.edit"),
    effect: t("products.effect"),
    fileLabel: t("products.file"),
    lines: catalog,
    placeholder: '{"problem":"no-power","zh":"无法开机","en":"Won\'t power on"}',
    send: (lines) => api("/catalog/products", { method: "PUT", body: { catalog: lines } }),
    done: (answer) => draw(t("products.saved", answer.products, answer.problems)),
  });
}

// The products section: each product with the problems the form offers for it.
function productsSection(products, draw) {
  const language = currentLanguage();
  const parts = [
    heading(t("products.title"), "h3"),
    buttons(
      button(t("products.edit"), () => productsDialog(products.catalog, draw), "primary"),
      exportLink("/catalog/products/export", "products.jsonl", t("products.export")),
    ),
  ];
  if (products.products.length === 0) return [...parts, note(t("products.none"))];
  const columns = [
    { key: "code", title: t("catalog.code_product") },
    { key: "zh", title: t("catalog.zh") },
    { key: "en", title: t("catalog.en") },
    {
      key: "problems",
      title: t("products.problems"),
      format: (problems) => problems.map((q) => q[language]).join(language === "zh" ? "、" : ", "),
      cellClass: () => "wrap",
    },
  ];
  return [...parts, figureTable(columns, products.products, { csvName: "products" })];
}

export async function catalogPage(main) {
  const draw = async (message = "") => {
    const [{ services }, products] = await Promise.all([api("/catalog/services/all"), api("/catalog/products")]);
    const parts = [heading(t("catalog.title"))];
    if (message) parts.push(note(message, "banner"));
    parts.push(
      heading(t("catalog.services_title"), "h3"),
      buttons(
        button(t("catalog.add"), () => serviceDialog(null, draw), "primary"),
        button(t("catalog.import"), () => importDialog(draw)),
        exportLink("/catalog/services/export", "catalog.jsonl", t("catalog.export")),
      ),
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
    parts.push(...productsSection(products, draw));
    main.replaceChildren(...parts);
  };
  await draw();
}
