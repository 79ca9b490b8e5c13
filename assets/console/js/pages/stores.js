// Stores and devices (admin): every store with its time zone and devices;
// a store is added, a device added to a store or a technician's tablet to one
// of its technicians (its token shown this once, with the command that gives
// it to the device), and a device revoked. Each device shows when it last
// reported (a tablet: last synced) and the problems HQ sees in it.
import { api } from "../api.js";
import { known, t } from "../i18n.js";
import { moment } from "../format.js";
import { figureTable } from "../table.js";
import { heading, note } from "../parts.js";
import { button, buttons, choice, field, formDialog, line, textInput } from "../form.js";

function addStoreDialog(draw) {
  const id = textInput("id", { maxLength: 64, placeholder: "SH-002" });
  const name = textInput("name", { maxLength: 160 });
  const zone = textInput("time_zone", { value: "Asia/Shanghai", maxLength: 64 });
  formDialog({
    title: t("stores.add"),
    parts: [field(t("stores.id"), id), field(t("stores.name"), name), field(t("stores.time_zone"), zone)],
    confirmText: t("stores.add"),
    submit: () => api("/stores", { method: "POST", body: { id: id.value, name: name.value, time_zone: zone.value } }),
    done: (answer) => draw(t("stores.added", answer.store, answer.name)),
  });
}

// The new device's token, shown once: the command that gives it to the device.
function tokenDialog(answer, draw) {
  const command = document.createElement("pre");
  command.className = "token";
  const tablet = Boolean(answer.technician);
  command.textContent = tablet
    ? `kioskctl --data DIR tablet set --url ${location.origin} --token ${answer.token}`
    : `kioskctl --data DIR hq set --url ${location.origin} --token ${answer.token}`;
  formDialog({
    title: t("stores.device_added", answer.store),
    parts: [note(t(tablet ? "stores.tablet_token_once" : "stores.token_once"), "note"), command],
    confirmText: t("stores.token_noted"),
    submit: async () => null,
    done: () => draw(t("stores.device_added", answer.store)),
  });
}

// A device of the store, or a tablet of one of its technicians.
async function addDeviceDialog(store, draw) {
  const { staff } = await api(`/stores/${encodeURIComponent(store.store)}/staff`);
  const technicians = staff.filter((member) => member.active && member.role === "technician");
  const owner = choice("owner", [
    ["", t("stores.for_store")],
    ...technicians.map((member) => [member.id, t("stores.for_technician", member.name)]),
  ]);
  const label = textInput("label", { required: false, maxLength: 160, placeholder: t("stores.label_example") });
  formDialog({
    title: t("stores.add_device_to", store.store, store.name),
    parts: [field(t("stores.device_for"), owner), field(t("stores.label"), label)],
    confirmText: t("stores.add_device"),
    submit: () =>
      api(`/stores/${encodeURIComponent(store.store)}/devices`, {
        method: "POST",
        body: owner.value ? { label: label.value, technician: owner.value } : { label: label.value },
      }),
    done: (answer) => tokenDialog(answer, draw),
  });
}

function revokeDialog(device, draw) {
  formDialog({
    title: t("stores.revoke_title", device.label || device.device),
    parts: [
      line(t("stores.store"), device.store),
      note(t(device.technician ? "stores.revoke_tablet_effect" : "stores.revoke_effect"), "note"),
    ],
    confirmText: t("stores.revoke"),
    danger: true,
    submit: () => api(`/devices/${encodeURIComponent(device.device)}/revoke`, { method: "POST", body: {} }),
    done: () => draw(t("stores.revoked", device.label || device.device)),
  });
}

function deviceState(device) {
  if (device.revoked_at) return t("stores.revoked_at", moment(device.revoked_at));
  if (device.problems.length === 0) return t("stores.ok");
  return device.problems.map((problem) => `⚠ ${known(`problem.${problem}`, problem)}`).join("，");
}

export async function storesPage(main) {
  const draw = async (message = "") => {
    const [{ stores }, { devices }] = await Promise.all([api("/stores"), api("/devices")]);
    const parts = [heading(t("stores.title"))];
    if (message) parts.push(note(message, "banner"));
    parts.push(buttons(button(t("stores.add"), () => addStoreDialog(draw), "primary")));
    const storeColumns = [
      { key: "store", title: t("stores.id") },
      { key: "name", title: t("stores.name") },
      { key: "time_zone", title: t("stores.time_zone") },
      { key: "devices", title: t("stores.devices"), numeric: true },
      { key: "records", title: t("stores.records"), numeric: true },
      { key: "act", title: "", element: (store) => button(t("stores.add_device"), () => addDeviceDialog(store, draw)) },
    ];
    parts.push(figureTable(storeColumns, stores, { csvName: "stores" }));
    parts.push(heading(t("stores.devices_title"), "h3"));
    const deviceColumns = [
      { key: "store", title: t("stores.store") },
      { key: "label", title: t("stores.label"), format: (label) => label || "–" },
      {
        key: "technician_name",
        title: t("stores.device_kind"),
        format: (name) => (name ? t("stores.for_technician", name) : t("stores.for_store")),
      },
      { key: "created_at", title: t("stores.created"), format: moment },
      { key: "reported_at", title: t("stores.reported"), format: moment },
      { key: "version", title: t("stores.version"), format: (version) => version || "–" },
      {
        key: "problems",
        title: t("stores.state"),
        format: (problems, device) => deviceState(device),
        cellClass: (device) => (!device.revoked_at && device.problems.length ? "overdue" : ""),
      },
      {
        key: "act",
        title: "",
        element: (device) => (device.revoked_at ? "" : button(t("stores.revoke"), () => revokeDialog(device, draw), "danger")),
      },
    ];
    if (devices.length === 0) parts.push(note(t("stores.no_devices")));
    else parts.push(figureTable(deviceColumns, devices, { csvName: "devices" }));
    main.replaceChildren(...parts);
  };
  await draw();
}
