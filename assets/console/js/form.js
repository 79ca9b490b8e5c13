// Forms in dialogs: labelled fields, a line of text, buttons, and a modal
// dialog whose confirm runs a change through the API. A refusal keeps the
// dialog open and says why in words; success closes it and tells the page.
// Also a file's lines (a catalogue, articles) typed, pasted or read into such
// a dialog, and the link that downloads an export.
import { t } from "./i18n.js";
import { heading, note } from "./parts.js";

export function field(labelText, control) {
  const label = document.createElement("label");
  label.append(document.createTextNode(labelText), control);
  return label;
}

export function line(labelText, value) {
  const p = document.createElement("p");
  const name = document.createElement("strong");
  name.textContent = `${labelText}：`;
  p.append(name, document.createTextNode(value || "–"));
  return p;
}

// An <input>; `more` sets its other properties (min, max, maxLength, pattern...).
export function textInput(name, { type = "text", value = "", required = true, ...more } = {}) {
  const input = document.createElement("input");
  Object.assign(input, { name, type, value, required, ...more });
  return input;
}

// A <select> of [value, text] pairs.
export function choice(name, options, value) {
  const select = document.createElement("select");
  select.name = name;
  for (const [optionValue, text] of options) select.append(new Option(text, optionValue));
  if (value !== undefined) select.value = value;
  return select;
}

export function button(text, onClick, className = "") {
  const element = document.createElement("button");
  element.type = "button";
  element.className = className;
  element.textContent = text;
  element.addEventListener("click", onClick);
  return element;
}

// A row of buttons (a table cell's controls).
export function buttons(...elements) {
  const box = document.createElement("div");
  box.className = "row-buttons";
  box.append(...elements);
  return box;
}

// A modal form: `parts` (elements) under `title`; confirming awaits `submit()`
// and then `done(answer)`. `refused(error)` may take an error over (answer
// true to close the dialog); otherwise its message shows in the dialog.
export function formDialog({ title, parts, confirmText, submit, done, refused = () => false, danger = false }) {
  const dialog = document.createElement("dialog");
  dialog.className = "form";
  const form = document.createElement("form");
  const error = note("", "error");
  const confirm = document.createElement("button");
  confirm.type = "submit";
  confirm.className = danger ? "primary danger" : "primary";
  confirm.textContent = confirmText;
  const row = document.createElement("div");
  row.className = "buttons";
  row.append(confirm, button(t("form.cancel"), () => dialog.close()));
  form.append(heading(title, "h3"), ...parts, error, row);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    confirm.disabled = true;
    try {
      const answer = await submit();
      dialog.close();
      await done(answer);
    } catch (e) {
      confirm.disabled = false;
      if (await refused(e)) dialog.close();
      else error.textContent = t("console.error", e.message);
    }
  });
  dialog.append(form);
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

// A file's lines (JSON Lines), typed, pasted or read from a file, sent by
// `send(lines)`.
export function linesDialog({ title, effect, fileLabel, lines = "", placeholder, send, done }) {
  const file = textInput("file", { type: "file", accept: ".jsonl,.json,.txt", required: false });
  const text = document.createElement("textarea");
  text.name = "lines";
  text.rows = 12;
  text.value = lines;
  text.placeholder = placeholder;
  file.addEventListener("change", async () => {
    if (file.files.length) text.value = await file.files[0].text();
  });
  return formDialog({
    title,
    parts: [note(effect, "note"), field(fileLabel, file), field(t("form.paste"), text)],
    confirmText: t("form.save"),
    submit: () => send(text.value),
    done,
  });
}

// A link that downloads the API's `path` as the file `name`.
export function exportLink(path, name, text) {
  const link = document.createElement("a");
  link.className = "button";
  link.href = `/api/console/v1${path}`;
  link.download = name;
  link.textContent = text;
  return link;
}
