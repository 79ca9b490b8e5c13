// Follow-up calls (dispatcher; docs/follow-up.md): the calls to make now
// (due today, then overdue), then those waiting for a later try, of every
// store or one; the open complaints with their clock. A call is recorded in a
// large dialog: reached or not, solved or not, the customer's score and a
// note. "Not solved" reopens the request at HQ; a request that moved
// meanwhile is refused and said so.
import { api } from "../api.js";
import { t } from "../i18n.js";
import { moment } from "../format.js";
import { figureTable } from "../table.js";
import { heading, listFilters, note } from "../parts.js";
import { formDialog, line } from "../form.js";
import { productNames } from "../products.js";
import { complaintsSection } from "../complaints.js";

const shows = ["due", "all"];

// What the call is about: a request's product and problem, or a complaint ticket.
function what(task, names) {
  if (task.kind === "ticket") return t("followups.complaint_ticket");
  return `${names.product(task.product)} · ${names.problem(task.problem)}`;
}

function status(task) {
  if (task.state === "due") {
    if (task.tries === 0) return t("followups.state.due");
    return task.call_now
      ? t("followups.state.retry_now", task.tries)
      : t("followups.state.retry_at", task.tries, moment(task.next_try_at));
  }
  if (task.state === "cancelled") return t("followups.state.cancelled");
  return t(`followups.outcome.${task.outcome}`);
}

// A row of large choices (radio buttons styled as buttons): `changed(value)` on a pick.
function choices(name, options, changed = () => {}) {
  const box = document.createElement("div");
  box.className = "choices";
  box.setAttribute("role", "radiogroup");
  for (const [value, text] of options) {
    const label = document.createElement("label");
    const input = document.createElement("input");
    Object.assign(input, { type: "radio", name, value, required: true });
    input.addEventListener("change", () => changed(value));
    label.append(input, document.createTextNode(text));
    box.append(label);
  }
  return box;
}

function group(title, control) {
  const box = document.createElement("fieldset");
  const legend = document.createElement("legend");
  legend.textContent = title;
  box.append(legend, control);
  return box;
}

function picked(dialogForm, name) {
  const input = dialogForm.querySelector(`input[name=${name}]:checked`);
  return input ? input.value : null;
}

function callDialog(task, names, done) {
  const solvedGroup = group(t("followups.solved"), choices("solved", [["yes", t("followups.solved_yes")], ["no", t("followups.solved_no")]], (value) => {
    warning.hidden = !(value === "no" && task.kind === "request");
  }));
  const scoreGroup = group(t("followups.score"), choices("score", [1, 2, 3, 4, 5].map((n) => [String(n), `${n} ★`])));
  const warning = note(t("followups.reopen_warning"), "banner error");
  warning.hidden = true;
  const reachedOnly = [solvedGroup, scoreGroup];
  const showReached = (reached) => {
    for (const part of reachedOnly) {
      part.hidden = !reached;
      for (const input of part.querySelectorAll("input")) input.required = reached && part === solvedGroup;
    }
    if (!reached) warning.hidden = true;
  };
  const reachedGroup = group(t("followups.reached"), choices("reached", [["yes", t("followups.reached_yes")], ["no", t("followups.reached_no")]], (value) => showReached(value === "yes")));
  showReached(false);
  const text = document.createElement("textarea");
  Object.assign(text, { name: "note", rows: 3, maxLength: 500, placeholder: t("followups.note_hint") });
  const noteLabel = document.createElement("label");
  noteLabel.append(document.createTextNode(t("followups.note")), text);
  const phone = document.createElement("p");
  phone.className = "phone";
  phone.textContent = `${task.contact_name || ""} ${task.phone || t("followups.no_phone")}`;
  const dialog = formDialog({
    title: t("followups.dialog_title", task.code || task.subject, task.store_name),
    parts: [
      phone,
      line(t("followups.what"), what(task, names)),
      line(t("dispatch.technician"), task.technician ? task.technician.name : "–"),
      line(t("followups.done_at"), moment(task.done_at)),
      line(t("followups.tries"), String(task.tries)),
      reachedGroup,
      solvedGroup,
      scoreGroup,
      noteLabel,
      warning,
    ],
    confirmText: t("followups.record"),
    submit: () => {
      const form = dialog.querySelector("form");
      const reached = picked(form, "reached") === "yes";
      const body = { reached, note: text.value.trim() };
      if (reached) {
        body.solved = picked(form, "solved") === "yes";
        const score = picked(form, "score");
        if (score) body.score = Number(score);
      }
      return api(`/followups/${encodeURIComponent(task.id)}/calls`, { method: "POST", body });
    },
    done: ({ followup, request }) => {
      if (request) return done(t("followups.reopened", followup.code));
      return done(t("followups.recorded", followup.code || followup.subject, status(followup)));
    },
    refused: async (e) => {
      if (e.status !== 409) return false;
      await done(t("followups.moved", task.code || task.subject, e.message), true);
      return true;
    },
  });
  dialog.classList.add("call");
}

export async function followupsPage(main, context, query) {
  const show = shows.includes(query.get("show")) ? query.get("show") : "due";
  const store = query.get("store") || "";
  const names = await productNames();
  const draw = async (message = "", refused = false) => {
    const params = new URLSearchParams({ show });
    if (store) params.set("store", store);
    const [{ followups }, complaints] = await Promise.all([api(`/followups?${params}`), complaintsSection(store)]);
    const parts = [heading(t("followups.title")), listFilters(context, "followups", shows, show, store), note(t("followups.rule"), "note")];
    if (message) parts.push(note(message, refused ? "banner error" : "banner"));
    const act = (task) => {
      if (task.state !== "due") return "";
      const button = document.createElement("button");
      button.type = "button";
      button.className = "primary";
      button.textContent = t("followups.act");
      button.addEventListener("click", () => callDialog(task, names, draw));
      return button;
    };
    const columns = [
      { key: "act", title: "", element: act },
      {
        key: "due_day",
        title: t("followups.due"),
        format: (day, r) => (r.overdue ? t("followups.overdue", day) : day),
        cellClass: (r) => (r.overdue ? "overdue" : ""),
      },
      { key: "store", title: t("dispatch.store"), format: (id, r) => `${id} ${r.store_name}` },
      {
        key: "code",
        title: t("followups.subject"),
        format: (code, r) => (r.complaint ? `${code || r.subject} · ${t("followups.complaint")}` : code),
        cellClass: (r) => (r.complaint ? "complaint" : ""),
      },
      { key: "contact_name", title: t("followups.contact") },
      { key: "phone", title: t("followups.phone"), cellClass: () => "phone" },
      { key: "state", title: t("followups.status"), format: (_, r) => status(r) },
      { key: "product", title: t("followups.what"), format: (_, r) => what(r, names) },
      { key: "technician", title: t("dispatch.technician"), format: (person) => (person ? person.name : "–") },
      { key: "done_at", title: t("followups.done_at"), format: moment },
    ];
    if (followups.length === 0) parts.push(note(t(show === "due" ? "followups.none_due" : "followups.none")));
    else parts.push(figureTable(columns, followups, { csvName: `followups-${show}` }));
    main.replaceChildren(...parts, ...complaints);
  };
  await draw();
}
