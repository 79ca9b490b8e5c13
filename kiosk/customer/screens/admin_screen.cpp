// The admin screen (staff only, after the PIN): what to check on a kiosk that
// misbehaves, large enough to read from a step away: program version, disk
// space, database size and integrity, printer state, sync with HQ. No personal
// data. Ids: "admin.refresh", "admin.devices" (devices_screen.cpp), "admin.close", "back".
#include <cstdio>

#include "customer/screens/customer_kit.h"

namespace kiosk::customer::kit {
namespace {

struct Row {
  std::string label;
  std::string value;
  ImVec4 colour;
};

std::string bytes_text(std::int64_t bytes) {
  char text[32];
  const double mib = double(bytes) / (1024.0 * 1024.0);
  if (mib >= 1024)
    std::snprintf(text, sizeof text, "%.1f GB", mib / 1024);
  else
    std::snprintf(text, sizeof text, "%.1f MB", mib);
  return text;
}

std::string when_text(const CustomerView& view, const std::string& local, EpochMs at) {
  return view.tr("admin.when", {local, duration_text(view, view.now - at)});
}

std::vector<Row> health_rows(const CustomerView& view) {
  const Palette& p = palette();
  const std::optional<AdminHealth>& health = view.state.admin.health;
  if (!health) {
    const std::string& checking = view.tr("admin.checking");
    return {{view.tr("admin.disk"), checking, p.text_muted}, {view.tr("admin.database"), checking, p.text_muted}};
  }
  const bool intact = health->integrity == "ok";
  const bool disk_low = health->disk_total_bytes > 0 && health->disk_free_bytes * 10 < health->disk_total_bytes;
  return {{view.tr("admin.disk"),
           view.tr("admin.disk_value", {bytes_text(health->disk_free_bytes), bytes_text(health->disk_total_bytes)}),
           disk_low ? p.warning : p.text},
          {view.tr("admin.database"),
           view.tr(intact ? "admin.database_ok" : "admin.database_damaged",
                   {bytes_text(health->database_bytes), health->integrity}),
           intact ? p.text : p.danger}};
}

Row printer_row(const CustomerView& view, const AdminFigures& f) {
  const Palette& p = palette();
  if (f.printer_state.empty()) return {view.tr("admin.printer"), view.tr("admin.printer_not_checked"), p.text_muted};
  std::string value = view.tr("admin.printer." + f.printer_state);
  if (!f.printer_message.empty()) value += " · " + f.printer_message;
  value += " · " + when_text(view, f.printer_checked_local, f.printer_checked_at);
  const ImVec4 colour = f.printer_state == "ok"               ? p.text
                        : f.printer_state == "paper-near-end" ? p.warning
                        : f.printer_state == "unknown"        ? p.text_muted
                                                              : p.danger;
  return {view.tr("admin.printer"), value, colour};
}

// The sync with HQ in three rows at most: the last sync (and the clocks'
// difference), what waits to be sent, the last error.
std::vector<Row> sync_rows(const CustomerView& view, const AdminFigures& f) {
  const Palette& p = palette();
  std::vector<Row> rows;
  if (!f.hq_configured) {
    rows.push_back({view.tr("admin.sync"), view.tr("admin.sync_off"), p.text_muted});
  } else {
    std::string last =
        f.last_sync_at ? when_text(view, f.last_sync_local, *f.last_sync_at) : view.tr("admin.sync_never");
    if (f.clock_offset_ms) {
      char offset[32];
      std::snprintf(offset, sizeof offset, "%+.1f", double(*f.clock_offset_ms) / 1000);
      last += " · " + view.tr("admin.clock_value", {offset});
    }
    rows.push_back({view.tr("admin.sync"), last, f.last_error.empty() ? p.text : p.warning});
  }
  std::string pending = view.tr("admin.pending_value", {std::to_string(f.pending)});
  if (f.oldest_pending_age_ms)
    pending += " · " + view.tr("admin.oldest", {duration_text(view, *f.oldest_pending_age_ms)});
  if (f.commands_waiting || f.commands_refused)
    pending += " · " + view.tr("admin.commands_value",
                               {std::to_string(f.commands_waiting), std::to_string(f.commands_refused)});
  rows.push_back({view.tr("admin.pending"), pending, f.commands_refused ? p.warning : p.text});
  if (!f.last_error.empty()) rows.push_back({view.tr("admin.last_error"), f.last_error, p.warning});
  if (!f.read_error.empty()) rows.push_back({view.tr("admin.read_error"), f.read_error, p.danger});
  return rows;
}

// This kiosk itself: version, disk, database, printer.
std::vector<Row> device_rows(const CustomerView& view) {
  const Palette& p = palette();
  const std::optional<AdminFigures>& figures = view.state.admin.figures;
  const std::string& checking = view.tr("admin.checking");
  std::vector<Row> rows;
  rows.push_back({view.tr("admin.version"), figures ? figures->version : checking, figures ? p.text : p.text_muted});
  for (Row& row : health_rows(view)) rows.push_back(std::move(row));
  rows.push_back(figures ? printer_row(view, *figures) : Row{view.tr("admin.printer"), checking, p.text_muted});
  return rows;
}

// Each row: its label small above, its value below (wrapped).
float row_height(ui::TouchUi& ui, const Row& row, float width, ui::FontRole role) {
  return line_height(ui, ui::FontRole::body) + wrapped_height(ui, row.value, role, width) + 0.6f * ui.em();
}

float rows_height(ui::TouchUi& ui, const std::vector<Row>& rows, float width, ui::FontRole role) {
  float total = 0;
  for (const Row& row : rows) total += row_height(ui, row, width, role);
  return total;
}

void draw_rows(ui::TouchUi& ui, const std::vector<Row>& rows, ImVec2 at, float width, ui::FontRole role) {
  const Palette& p = palette();
  const float em = ui.em();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float label_h = line_height(ui, ui::FontRole::body);
  for (const Row& row : rows) {
    const float value_h = wrapped_height(ui, row.value, role, width);
    text_in_rect(ui, draw, row.label, ui::FontRole::body, u32(p.text_muted), at, ImVec2(at.x + width, at.y + label_h),
                 Align::left);
    text_in_rect(ui, draw, row.value, role, u32(row.colour), ImVec2(at.x, at.y + label_h),
                 ImVec2(at.x + width, at.y + label_h + value_h), Align::left);
    at.y += label_h + value_h + 0.3f * em;
    draw->AddLine(ImVec2(at.x, at.y), ImVec2(at.x + width, at.y), u32(p.surface), 0.05f * em);
    at.y += 0.3f * em;
  }
}

}  // namespace

void draw_admin(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  top_bar(ui, view, emit, view.tr("admin.title"), BackToWelcome{});
  const float em = ui.em();
  const float width = avail_x();
  const float buttons_h = 3.4f * em;
  const float room = avail_y() - buttons_h - 0.6f * em;
  // Wide: this kiosk on the left, sync on the right. Narrow: one column.
  std::vector<Row> device = device_rows(view);
  std::vector<Row> sync{{view.tr("admin.sync"), view.tr("admin.checking"), palette().text_muted}};
  if (view.state.admin.figures) sync = sync_rows(view, *view.state.admin.figures);
  const bool wide = wide_layout(ui);
  if (!wide) {
    for (Row& row : sync) device.push_back(std::move(row));
    sync.clear();
  }
  const float column_w = wide ? (width - 1.2f * em) / 2 : width;
  // Values large where both columns fit, else body size.
  ui::FontRole role = ui::FontRole::large;
  if (std::max(rows_height(ui, device, column_w, role), rows_height(ui, sync, column_w, role)) > room)
    role = ui::FontRole::body;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  draw_rows(ui, device, at, column_w, role);
  draw_rows(ui, sync, ImVec2(at.x + column_w + 1.2f * em, at.y), column_w, role);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + std::max(0.0f, avail_y() - buttons_h));
  const float button_w = cell_width(ui, width, 3, 0.8f) / em;
  const bool reading = !view.state.admin.figures || !view.state.admin.health;
  if (button(ui, "admin.refresh", view.tr(reading ? "admin.checking" : "admin.refresh"), ImVec2(button_w, 3.4f),
             reading ? Tone::disabled : Tone::normal) &&
      !reading)
    emit(RefreshAdmin{});
  ImGui::SameLine(0, 0.8f * em);
  if (button(ui, "admin.devices", view.tr("devices.open"), ImVec2(button_w, 3.4f), Tone::normal)) emit(OpenDevices{});
  ImGui::SameLine(0, 0.8f * em);
  if (button(ui, "admin.close", view.tr("admin.close"), ImVec2(button_w, 3.4f), Tone::primary)) emit(BackToWelcome{});
}

}  // namespace kiosk::customer::kit
