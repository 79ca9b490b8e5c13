// HQ's users (admin): name, role, state, lockout.
import { api } from "../api.js";
import { t } from "../i18n.js";
import { moment } from "../format.js";
import { figureTable } from "../table.js";
import { heading } from "../parts.js";

export async function usersPage(main) {
  const { users } = await api("/users");
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
  ];
  main.append(heading(t("users.title")), figureTable(columns, users, { csvName: "users" }));
}
