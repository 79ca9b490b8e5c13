// HQ's console users (admin): name, role, state, lockout; a user is added
// with a role and a password, disabled (their sessions end) or enabled again.
import { api } from "../api.js";
import { t } from "../i18n.js";
import { moment } from "../format.js";
import { figureTable } from "../table.js";
import { heading, note } from "../parts.js";
import { button, buttons, choice, field, formDialog, textInput } from "../form.js";

function addDialog(draw) {
  const name = textInput("name", { maxLength: 64, autocomplete: "off" });
  const role = choice("role", ["manager", "dispatcher", "admin"].map((r) => [r, t(`role.${r}`)]), "manager");
  const password = textInput("password", { type: "password", minLength: 10, maxLength: 128, autocomplete: "new-password" });
  formDialog({
    title: t("users.add"),
    parts: [field(t("users.name"), name), field(t("users.role"), role), field(t("users.password"), password), note(t("users.password_rule"), "note")],
    confirmText: t("users.add"),
    submit: () => api("/users", { method: "POST", body: { name: name.value, role: role.value, password: password.value } }),
    done: (answer) => draw(t("users.added", answer.name)),
  });
}

function switchDialog(user, draw) {
  const action = user.active ? "disable" : "enable";
  formDialog({
    title: t(`users.${action}_title`, user.name),
    parts: user.active ? [note(t("users.disable_effect"), "note")] : [],
    confirmText: t(`users.${action}`),
    danger: user.active,
    submit: () => api(`/users/${encodeURIComponent(user.id)}/${action}`, { method: "POST", body: {} }),
    done: () => draw(t(`users.${action}d`, user.name)),
  });
}

export async function usersPage(main, context) {
  const draw = async (message = "") => {
    const { users } = await api("/users");
    const parts = [heading(t("users.title"))];
    if (message) parts.push(note(message, "banner"));
    parts.push(buttons(button(t("users.add"), () => addDialog(draw), "primary")));
    const columns = [
      { key: "name", title: t("users.name") },
      { key: "role", title: t("users.role"), format: (role) => t(`role.${role}`) },
      {
        key: "active",
        title: t("users.active"),
        format: (active, user) =>
          user.locked_until && user.locked_until > Date.now()
            ? t("users.locked", moment(user.locked_until))
            : t(active ? "users.is_active" : "users.is_disabled"),
      },
      {
        key: "act",
        title: "",
        element: (user) =>
          user.name === context.user.name
            ? ""
            : button(t(user.active ? "users.disable" : "users.enable"), () => switchDialog(user, draw), user.active ? "danger" : ""),
      },
    ];
    parts.push(figureTable(columns, users, { csvName: "users" }));
    main.replaceChildren(...parts);
  };
  await draw();
}
