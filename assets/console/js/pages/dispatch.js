// The dispatch board (dispatcher): every store's new and open repair and
// installation requests, the soonest due first, overdue ones marked; a
// request is dispatched in a dialog (a technician of its store, the visit's
// date and window), which HQ sends to the store as its own commands. A
// request that moved meanwhile is refused and said so, with its state now.
import { api } from "../api.js";
import { t } from "../i18n.js";
import { moment } from "../format.js";
import { figureTable } from "../table.js";
import { heading, listFilters, note } from "../parts.js";
import { choice, field, formDialog, line, textInput } from "../form.js";
import { productNames } from "../products.js";

const shows = ["new", "open", "overdue"];

// The states a dispatch starts from: assign and schedule, or schedule only.
const assigns = new Set(["received", "reopened"]);
const schedules = new Set(["assigned", "waiting-for-parts"]);

function visit(date, window) {
  return date ? `${date} ${window ? t(`window.${window}`) : ""}` : "–";
}

// The dialog that dispatches one request; `done(message)` redraws the board.
// What a request is about: its kind, product and problem, named.
function what(request, names) {
  return `${t(`dispatch.kind.${request.kind}`)} · ${names.product(request.product)} · ${names.problem(request.problem)}`;
}

async function dispatchDialog(request, names, done) {
  const withTechnician = assigns.has(request.state);
  const parts = [
    line(t("dispatch.what"), what(request, names)),
    line(t("dispatch.address"), request.address),
    line(t("dispatch.contact"), `${request.contact_name || ""} ${request.phone || ""}`),
    line(t("dispatch.description"), request.description),
    line(t("dispatch.preferred"), visit(request.preferred_date, request.time_window)),
  ];
  let technician = null;
  if (withTechnician) {
    const { technicians } = await api(`/stores/${encodeURIComponent(request.store)}/technicians`);
    technician = choice("technician", [
      ["", t("dispatch.choose_technician")],
      ...technicians.map((person) => [person.id, t("dispatch.jobs", person.name, person.open_jobs)]),
    ]);
    technician.required = true;
    parts.push(field(t("dispatch.technician"), technician));
    if (technicians.length === 0) parts.push(note(t("dispatch.no_technicians"), "error"));
  } else {
    parts.push(line(t("dispatch.technician"), request.assignee ? request.assignee.name : t("dispatch.unassigned")));
  }
  const date = textInput("date", { type: "date", value: request.preferred_date || "" });
  const window = choice(
    "window",
    ["morning", "afternoon", "evening"].map((name) => [name, t(`window.${name}`)]),
    request.time_window || "morning",
  );
  parts.push(field(t("dispatch.date"), date), field(t("dispatch.window"), window));
  formDialog({
    title: t("dispatch.dialog_title", request.code, request.store_name),
    parts,
    confirmText: t(withTechnician ? "dispatch.confirm" : "dispatch.confirm_schedule"),
    submit: () => {
      const order = { version: request.version, date: date.value, window: window.value };
      if (technician) order.technician = technician.value;
      return api(`/requests/${encodeURIComponent(request.store)}/${encodeURIComponent(request.code)}/dispatch`, {
        method: "POST",
        body: order,
      });
    },
    done: ({ request: r }) =>
      done(t("dispatch.done", r.code, r.assignee ? r.assignee.name : "", visit(r.scheduled_date, r.scheduled_window))),
    refused: async (e) => {
      if (e.status !== 409) return false;
      await done(t("dispatch.moved", request.code, e.message), true);
      return true;
    },
  });
}

export async function dispatchPage(main, context, query) {
  const show = shows.includes(query.get("show")) ? query.get("show") : "new";
  const store = query.get("store") || "";
  const names = await productNames();
  const draw = async (message = "", refused = false) => {
    const params = new URLSearchParams({ show });
    if (store) params.set("store", store);
    const board = await api(`/requests?${params}`);
    const parts = [
      heading(t("dispatch.title")),
      listFilters(context, "dispatch", shows, show, store),
      note(t("dispatch.rules", board.overdue_hours.urgent, board.overdue_hours.normal), "note"),
    ];
    if (message) parts.push(note(message, refused ? "banner error" : "banner"));
    const act = (request) => {
      if (!assigns.has(request.state) && !schedules.has(request.state)) return "";
      const button = document.createElement("button");
      button.type = "button";
      button.className = "primary";
      button.textContent = t(assigns.has(request.state) ? "dispatch.act" : "dispatch.act_schedule");
      button.addEventListener("click", () => dispatchDialog(request, names, draw));
      return button;
    };
    const columns = [
      { key: "act", title: "", element: act },
      { key: "code", title: t("dispatch.code") },
      { key: "store", title: t("dispatch.store"), format: (id, r) => `${id} ${r.store_name}` },
      {
        key: "product",
        title: t("dispatch.what"),
        format: (product, r) => what(r, names),
      },
      { key: "urgency", title: t("dispatch.urgency"), format: (urgency) => t(`request.urgency.${urgency}`) },
      { key: "state", title: t("dispatch.state"), format: (state) => t(`state.${state}`) },
      {
        key: "due_at",
        title: t("dispatch.due"),
        format: (due, r) => (r.overdue ? t("dispatch.overdue", moment(due)) : moment(due)),
        cellClass: (r) => (r.overdue ? "overdue" : ""),
      },
      { key: "preferred_date", title: t("dispatch.preferred"), format: (date, r) => visit(date, r.time_window) },
      {
        key: "assignee",
        title: t("dispatch.technician"),
        format: (assignee) => (assignee ? assignee.name : t("dispatch.unassigned")),
      },
      { key: "scheduled_date", title: t("dispatch.visit"), format: (date, r) => visit(date, r.scheduled_window) },
    ];
    if (board.requests.length === 0) parts.push(note(t("dispatch.none")));
    else parts.push(figureTable(columns, board.requests, { csvName: `dispatch-${show}` }));
    main.replaceChildren(...parts);
  };
  await draw();
}
