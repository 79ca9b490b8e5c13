// Help articles (docs/help-articles.md; every role reads, an admin edits):
// HQ's articles by category (each product of the catalogue that has articles,
// in catalogue order, then "General" for those without a product), a search
// box that filters the list as one types, and for an admin an editor (both
// languages side by side, steps one per line), import (a file or pasted JSON
// Lines) and export. Stores take every change with their next sync.
import { api } from "../api.js";
import { currentLanguage, t } from "../i18n.js";
import { moment } from "../format.js";
import { figureTable } from "../table.js";
import { heading, note } from "../parts.js";
import { button, buttons, choice, exportLink, field, formDialog, linesDialog, textInput } from "../form.js";
import { productNames } from "../products.js";

const LANGUAGES = ["zh", "en"];

// What an article's words are searched in: its id and both languages' texts.
function searchText(article) {
  const texts = LANGUAGES.flatMap((l) => [article[l].title, article[l].answer, ...article[l].steps]);
  return [article.id, ...texts].join("\n").toLowerCase();
}

// The articles holding every word of `search` (case ignored), in categories:
// [{name, articles}], the catalogue's products first, then products it does
// not know (by code), then General; within one, by sort and then title.
function categories(articles, search, products) {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const title = (a) => a[currentLanguage()].title;
  const groups = new Map([...products.list.map((p) => [p.code, []]), ["", []]]);
  for (const article of articles) {
    if (!words.every((word) => searchText(article).includes(word))) continue;
    const code = article.product || "";
    if (!groups.has(code)) groups.set(code, []);
    groups.get(code).push(article);
  }
  const general = groups.get("");
  groups.delete("");
  groups.set("", general);  // last
  return [...groups]
    .filter(([, list]) => list.length > 0)
    .map(([code, list]) => ({
      name: code ? products.product(code) : t("help.general"),
      articles: list.sort((a, b) => a.sort - b.sort || title(a).localeCompare(title(b))),
    }));
}

// "A 咨询": a service's code and name (the code alone when the catalogue lacks it).
export function serviceName(services, code) {
  const service = services.find((s) => s.code === code);
  return service ? `${code} ${service[currentLanguage()]}` : code;
}

// A <select> of `options`, holding `value` even when they lack it (a code HQ's
// catalogue no longer lists).
function choiceWith(name, options, value) {
  if (!options.some(([code]) => code === value)) options = [...options, [value, value]];
  return choice(name, options, value);
}

function textArea(name, value, rows) {
  const area = document.createElement("textarea");
  Object.assign(area, { name, value, rows });
  return area;
}

// One language's title, answer and steps (one a line), under its name.
function languageFields(language, text) {
  const box = document.createElement("fieldset");
  box.lang = language === "zh" ? "zh-CN" : "en";
  const legend = document.createElement("legend");
  legend.textContent = t(`help.language_${language}`);
  const title = textInput(`${language}.title`, { value: text.title, required: false, maxLength: 60 });
  const answer = textArea(`${language}.answer`, text.answer, 4);
  const steps = textArea(`${language}.steps`, text.steps.join("\n"), 6);
  steps.placeholder = t("help.steps_placeholder");
  box.append(legend, field(t("help.title_field"), title), field(t("help.answer"), answer), field(t("help.steps"), steps));
  const read = () => ({
    title: title.value.trim(),
    answer: answer.value.trim(),
    steps: steps.value.split("\n").map((step) => step.trim()).filter(Boolean),
  });
  return { box, read };
}

const EMPTY_TEXT = { title: "", answer: "", steps: [] };

// The field HQ's message names ("zh.title is empty", "en.steps[2] ..."),
// marked and focused; the others unmarked.
function markNamedField(dialog, message) {
  const named = message.match(/\b(zh|en)\.(title|answer|steps)\b|\b(service|product|sort)\b/);
  for (const control of dialog.querySelectorAll("[name]")) {
    const marked = named !== null && control.name === named[0];
    control.classList.toggle("invalid", marked);
    if (marked) control.focus();
  }
}

// The editor of one article; `article` null writes a new one. HQ checks it and
// says what is wrong (the dialog stays open, nothing is stored).
function articleDialog(article, lists, draw) {
  const a = article || { id: "", service: lists.services[0]?.code ?? "", product: null, sort: 100, zh: EMPTY_TEXT, en: EMPTY_TEXT, active: true };
  // A new article's id is required here: without one there is no address to PUT to.
  const id = textInput("id", { value: a.id, maxLength: 64, required: !article, disabled: Boolean(article), autocomplete: "off" });
  const service = choiceWith("service", lists.services.map((s) => [s.code, serviceName(lists.services, s.code)]), a.service);
  const product = choiceWith("product", [["", t("help.general")], ...lists.products.list.map((p) => [p.code, p[currentLanguage()]])], a.product || "");
  const sort = textInput("sort", { type: "number", min: 0, max: 9999, step: 1, value: String(a.sort) });
  const active = choice("active", [["true", t("help.shown")], ["false", t("help.retired")]], String(a.active));
  const texts = LANGUAGES.map((l) => languageFields(l, a[l]));
  const row = (className, ...parts) => {
    const box = document.createElement("div");
    box.className = className;
    box.append(...parts);
    return box;
  };
  const dialog = formDialog({
    title: article ? t("help.edit_title", a.id) : t("help.add"),
    parts: [
      row("fields", field(t("help.id"), id), field(t("help.service"), service), field(t("help.product"), product),
        field(t("help.sort"), sort), field(t("help.state"), active)),
      note(t("help.id_rule"), "note"),
      row("languages", ...texts.map((text) => text.box)),
    ],
    confirmText: t("form.save"),
    submit: () => {
      const [zh, en] = texts.map((text) => text.read());
      const body = { id: id.value.trim(), service: service.value, product: product.value || null, sort: Number(sort.value), zh, en, active: active.value === "true" };
      return api(`/kb/${encodeURIComponent(body.id)}`, { method: "PUT", body });
    },
    done: (answer) => draw(t(answer.changed ? "help.saved" : "help.unchanged", answer.article[currentLanguage()].title)),
    refused: (error) => {
      markNamedField(dialog, error.message);
      return false;  // the dialog stays open with HQ's message
    },
  });
  dialog.classList.add("wide");
}

function importDialog(draw) {
  linesDialog({
    title: t("help.import"),
    effect: t("help.import_effect"),
    fileLabel: t("help.file"),
    placeholder: '{"id":"opening-hours","service":"A","sort":10,"zh":{"title":"…","answer":"…","steps":[]},"en":{…}}',
    send: (lines) => api("/kb/import", { method: "POST", body: { lines } }),
    done: (answer) => draw(t("help.imported", answer.articles, answer.changes)),
  });
}

// The list under the search box: a table per category.
function drawList(box, articles, search, lists, admin, draw) {
  const found = categories(articles, search, lists.products);
  const shown = found.reduce((sum, c) => sum + c.articles.length, 0);
  const parts = [note(search ? t("help.found", shown, articles.length) : t("help.count", articles.length), "note")];
  if (articles.length === 0) parts.push(note(t("help.none")));
  else if (shown === 0) parts.push(note(t("help.no_match")));
  const language = currentLanguage();
  const columns = [
    ...(admin ? [{ key: "act", title: "", element: (article) => button(t("help.edit"), () => articleDialog(article, lists, draw)) }] : []),
    { key: "title", title: t("help.title_field"), format: (_, a) => a[language].title, cellClass: () => "title" },
    { key: "id", title: t("help.id"), cellClass: () => "muted" },
    { key: "service", title: t("help.service"), format: (code) => serviceName(lists.services, code) },
    { key: "sort", title: t("help.sort"), numeric: true },
    { key: "active", title: t("help.state"), format: (yes) => t(yes ? "help.shown" : "help.retired"), cellClass: (a) => (a.active ? "" : "muted") },
    { key: "updated_at", title: t("help.updated"), format: (at, a) => `${moment(at)} · ${a.updated_by}` },
  ];
  for (const category of found) {
    const table = figureTable(columns, category.articles, { csvName: null });
    table.classList.add("article-list");  // the same columns in every category
    parts.push(heading(`${category.name}（${category.articles.length}）`, "h3"), table);
  }
  box.replaceChildren(...parts);
}

export async function helpPage(main, context) {
  const admin = context.user.role === "admin";
  let search = "";
  const draw = async (message = "") => {
    const [{ articles }, { services }, products] = await Promise.all([api("/kb"), api("/catalog/services"), productNames()]);
    const lists = { services, products };
    const parts = [heading(t("help.page_title"))];
    if (message) parts.push(note(message, "banner"));
    if (admin)
      parts.push(
        buttons(
          button(t("help.add"), () => articleDialog(null, lists, draw), "primary"),
          button(t("help.import"), () => importDialog(draw)),
          exportLink("/kb/export", "kb-articles.jsonl", t("help.export")),
        ),
      );
    const box = document.createElement("div");
    const input = textInput("search", { type: "search", value: search, required: false, placeholder: t("help.search_placeholder") });
    input.className = "search";
    input.setAttribute("aria-label", t("help.search"));
    input.addEventListener("input", () => {
      search = input.value.trim();
      drawList(box, articles, search, lists, admin, draw);
    });
    parts.push(input, box);
    drawList(box, articles, search, lists, admin, draw);
    main.replaceChildren(...parts);
  };
  await draw();
}
