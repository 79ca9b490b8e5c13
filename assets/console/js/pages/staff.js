// Staff of a store (admin): who works there and in which role; staff are
// added with a PIN, given a new PIN, or retired. HQ owns them: each change
// reaches the store with its next sync, where the PIN opens the counter or
// the technician's tablet.
import { api } from "../api.js";
import { t } from "../i18n.js";
import { figureTable } from "../table.js";
import { heading, note } from "../parts.js";
import { button, buttons, choice, field, formDialog, textInput } from "../form.js";

const roles = ["counter", "technician", "admin"];

function pinInput() {
  return textInput("pin", { type: "password", inputMode: "numeric", pattern: "[0-9]{4,8}", minLength: 4, maxLength: 8, autocomplete: "new-password" });
}

function storePath(store) {
  return `/stores/${encodeURIComponent(store)}/staff`;
}

function addDialog(store, draw) {
  const name = textInput("name", { maxLength: 160 });
  const role = choice("role", roles.map((r) => [r, t(`staff.role.${r}`)]), "counter");
  const pin = pinInput();
  formDialog({
    title: t("staff.add_to", store),
    parts: [field(t("staff.name"), name), field(t("staff.role"), role), field(t("staff.pin"), pin), note(t("staff.pin_rule"), "note")],
    confirmText: t("staff.add"),
    submit: () => api(storePath(store), { method: "POST", body: { name: name.value, role: role.value, pin: pin.value } }),
    done: (answer) => draw(t("staff.added", answer.name)),
  });
}

function pinDialog(store, person, draw) {
  const pin = pinInput();
  formDialog({
    title: t("staff.new_pin_for", person.name),
    parts: [field(t("staff.pin"), pin), note(t("staff.pin_rule"), "note")],
    confirmText: t("staff.set_pin"),
    submit: () => api(`${storePath(store)}/pin`, { method: "POST", body: { name: person.name, pin: pin.value } }),
    done: () => draw(t("staff.pin_set", person.name)),
  });
}

function retireDialog(store, person, draw) {
  formDialog({
    title: t("staff.retire_title", person.name),
    parts: [note(t("staff.retire_effect"), "note")],
    confirmText: t("staff.retire"),
    danger: true,
    submit: () => api(`${storePath(store)}/retire`, { method: "POST", body: { name: person.name } }),
    done: () => draw(t("staff.retired", person.name)),
  });
}

export async function staffPage(main, context, query) {
  const { stores } = await api("/stores");
  if (stores.length === 0) return main.append(heading(t("staff.title")), note(t("staff.no_stores")));
  const store = stores.some((s) => s.store === query.get("store")) ? query.get("store") : stores[0].store;
  const draw = async (message = "") => {
    const { staff } = await api(storePath(store));
    const picker = choice("store", stores.map((s) => [s.store, `${s.store} ${s.name}`]), store);
    picker.addEventListener("change", () => (location.hash = `#/staff?store=${encodeURIComponent(picker.value)}`));
    const parts = [heading(t("staff.title")), buttons(field(t("staff.store"), picker))];
    if (message) parts.push(note(message, "banner"));
    parts.push(buttons(button(t("staff.add"), () => addDialog(store, draw), "primary")));
    const columns = [
      { key: "name", title: t("staff.name") },
      { key: "role", title: t("staff.role"), format: (role) => t(`staff.role.${role}`) },
      { key: "active", title: t("staff.state"), format: (active) => t(active ? "staff.active" : "staff.retired_state") },
      {
        key: "act",
        title: "",
        element: (person) =>
          person.active
            ? buttons(
                button(t("staff.set_pin"), () => pinDialog(store, person, draw)),
                button(t("staff.retire"), () => retireDialog(store, person, draw), "danger"),
              )
            : "",
      },
    ];
    if (staff.length === 0) parts.push(note(t("staff.none")));
    else parts.push(figureTable(columns, staff, { csvName: `staff-${store}` }));
    main.replaceChildren(...parts);
  };
  await draw();
}
