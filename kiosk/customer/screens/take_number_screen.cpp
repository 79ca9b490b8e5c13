// Take a number: the store's services as big tiles (tap to choose), priority
// where the service allows it, an optional phone number for a text reminder
// (only while HQ sends them), and the big "get my number" button. The phone
// keypad is phone_pad.cpp.
#include "core/phone.h"
#include "customer/customer_reducer.h"
#include "customer/screens/customer_kit.h"

namespace kiosk::customer::kit {
namespace {

// The inside width of a service tile `tile_w` px wide (room for the check badge kept).
float tile_inner(const ui::TouchUi& ui, float tile_w) { return tile_w - 2.4f * ui.em(); }

void service_tile(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, const ServiceView& service,
                  ImVec2 size_em, ui::FontRole name_role) {
  const bool chosen = view.state.form.service_code == service.code;
  const Tile t = tile(ui, "service." + service.code, size_em, chosen ? Tone::selected : Tone::normal);
  const Palette& p = palette();
  const float em = ui.em();
  const float pad = 0.6f * em;
  const float inner = tile_inner(ui, t.max.x - t.min.x);
  const std::string& name = service_name(view, service);
  const std::string status = !service.estimated_wait_min ? view.tr("welcome.no_counter")
                             : service.waiting == 0      ? view.tr("welcome.queue_empty")
                                                         : view.tr("take.waiting", {std::to_string(service.waiting)});
  const float name_h = wrapped_height(ui, name, name_role, inner);
  const float status_h = line_height(ui, ui::FontRole::body);
  const float top = (t.min.y + t.max.y - name_h - status_h) / 2;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float x0 = t.min.x + 1.2f * em, x1 = t.max.x - 1.2f * em;
  (void)pad;
  text_in_rect(ui, draw, name, name_role, u32(chosen ? p.text_on_selected : p.text), ImVec2(x0, top),
               ImVec2(x1, top + name_h), Align::centre);
  text_in_rect(ui, draw, status, ui::FontRole::body, u32(chosen ? ImVec4(0.25f, 0.22f, 0.12f, 1.0f) : p.text_muted),
               ImVec2(x0, top + name_h), ImVec2(x1, top + name_h + status_h), Align::centre);
  if (chosen) draw_check_badge(draw, ImVec2(t.max.x - 0.9f * em, t.min.y + 0.9f * em), 0.6f * em);
  if (t.clicked) emit(ChooseService{service.code});
}

void service_grid(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, float width, float height) {
  const float em = ui.em();
  const std::vector<ServiceView>& services = view.state.services;
  if (services.empty()) {
    paragraph(ui, view.tr("app.loading_services"), ui::FontRole::large, palette().text_muted, Align::centre, width);
    return;
  }
  const int count = static_cast<int>(services.size());
  const int columns = columns_for(ui, width, 7.5f, 0.5f, count, 4);
  const int rows = (count + columns - 1) / columns;
  const float tile_w = cell_width(ui, width, columns, 0.5f) / em;
  const float tile_h =
      std::clamp((height - static_cast<float>(rows - 1) * 0.5f * em) / static_cast<float>(rows) / em, 3.4f, 6.0f);
  // One name size for every tile: large where all names fit, else body.
  const float inner = tile_inner(ui, tile_w * em);
  const float status_h = line_height(ui, ui::FontRole::body);
  ui::FontRole name_role = ui::FontRole::large;
  for (const ServiceView& service : services) {
    const std::string& name = service_name(view, service);
    if (fitting_role(ui, name, inner, 2) != ui::FontRole::large ||
        wrapped_height(ui, name, ui::FontRole::large, inner) + status_h > (tile_h - 0.6f) * em)
      name_role = ui::FontRole::body;
  }
  const float x = ImGui::GetCursorPosX();
  for (int i = 0; i < count; ++i) {
    if (i % columns != 0)
      ImGui::SameLine();
    else
      ImGui::SetCursorPosX(x);
    service_tile(ui, view, emit, services[static_cast<std::size_t>(i)], ImVec2(tile_w, tile_h), name_role);
  }
}

// The phone for a reminder: add, or shown masked with change and remove
// (stacked under it in a narrow column starting at `x`).
void phone_row(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, float width, float x) {
  const float em = ui.em();
  const Palette& p = palette();
  const CustomerState& state = view.state;
  if (state.form.phone_accepted.empty()) {
    const Tile t = tile(ui, "take.phone", ImVec2(width / em, 3.4f), Tone::normal);
    text_in_rect(ui, ImGui::GetWindowDrawList(), view.tr("take.phone_add"), ui::FontRole::body, u32(p.text),
                 ImVec2(t.min.x + 0.6f * em, t.min.y), ImVec2(t.max.x - 0.6f * em, t.max.y), Align::centre);
    if (t.clicked) emit(OpenPhonePad{});
  } else {
    // Side by side where the masked number fits on one line next to "remove", else stacked.
    const bool stacked = width < 18 * em;
    const float remove_w =
        stacked
            ? width / em
            : std::min(width / em * 0.4f,
                       std::max(5.0f, text_width(ui, view.tr("take.phone_remove"), ui::FontRole::body) / em + 1.4f));
    const Tile t =
        tile(ui, "take.phone", ImVec2(stacked ? width / em : width / em - remove_w - 0.5f, 3.4f), Tone::normal);
    text_in_rect(ui, ImGui::GetWindowDrawList(), view.tr("take.phone_added", {mask_phone(state.form.phone_accepted)}),
                 ui::FontRole::body, u32(p.text), ImVec2(t.min.x + 0.6f * em, t.min.y),
                 ImVec2(t.max.x - 0.6f * em, t.max.y), Align::centre);
    if (t.clicked) emit(OpenPhonePad{});
    if (stacked)
      ImGui::SetCursorPosX(x);
    else
      ImGui::SameLine();
    const Tile remove = tile(ui, "take.phone_remove", ImVec2(remove_w, stacked ? 2.6f : 3.4f), Tone::normal);
    text_in_rect(ui, ImGui::GetWindowDrawList(), view.tr("take.phone_remove"), ui::FontRole::body, u32(p.text),
                 ImVec2(remove.min.x + 0.4f * em, remove.min.y), ImVec2(remove.max.x - 0.4f * em, remove.max.y),
                 Align::centre);
    if (remove.clicked) emit(RemovePhone{});
  }
}

// Priority, phone and the confirm button, in a column `width` wide.
void options_column(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, float width, bool fill_height,
                    bool with_error) {
  const float em = ui.em();
  const Palette& p = palette();
  const CustomerState& state = view.state;
  const ServiceView* service = chosen_service(state);
  const float x = ImGui::GetCursorPosX();
  auto row_start = [&] { ImGui::SetCursorPosX(x); };

  // Priority: a toggle only where the service allows it.
  row_start();
  if (service && service->priority_allowed) {
    if (toggle(ui, "take.priority", view.tr("take.priority"), state.form.priority, ImVec2(width / em, 3.4f)))
      emit(TogglePriority{});
  } else if (service) {
    banner(ui, view.tr("take.priority_not_offered"), p.surface, ui::FontRole::body, width);
  } else {
    banner(ui, view.tr("take.choose_first"), p.surface, ui::FontRole::body, width);
  }

  // The phone for a reminder, only while HQ sends them: nobody would text it otherwise.
  row_start();
  if (state.reminders) phone_row(ui, view, emit, width, x);

  // Confirm, pinned to the bottom of the column when there is room.
  const std::string error = with_error ? error_text(view, state.issue_error) : std::string();
  float below = 3.6f * em;
  if (!error.empty()) below += wrapped_height(ui, error, ui::FontRole::body, width - 1.2f * em) + 1.7f * em;
  if (fill_height && avail_y() > below) ImGui::SetCursorPosY(ImGui::GetCursorPosY() + avail_y() - below);
  if (!error.empty()) {
    row_start();
    banner(ui, error, p.danger, ui::FontRole::body, width);
  }
  row_start();
  const bool ready = service && !state.issuing;
  const std::string& label = state.issuing ? view.tr("take.issuing") : view.tr("take.confirm");
  if (button(ui, "take.confirm", label, ImVec2(width / em, 3.6f), ready ? Tone::primary : Tone::disabled,
             fitting_role(ui, label, width - 1.0f * em, 1)))
    emit(ConfirmTakeNumber{});
}

}  // namespace

void draw_take_number(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  top_bar(ui, view, emit, view.tr("take.title"), BackToWelcome{});
  const float em = ui.em();
  const float width = avail_x();
  if (wide_layout(ui)) {
    // Services on the left (an issue error under them), the choices and the button on the right.
    const float right_w = std::max(12.0f * em, width * 0.36f);
    const float left_w = width - right_w - 1.0f * em;
    const ImVec2 top = ImGui::GetCursorPos();
    const float height = avail_y();
    const std::string error = error_text(view, view.state.issue_error);
    const float error_h =
        error.empty() ? 0 : wrapped_height(ui, error, ui::FontRole::body, left_w - 1.2f * em) + 1.7f * em;
    ImGui::BeginGroup();
    service_grid(ui, view, emit, left_w, height - error_h);
    if (!error.empty()) {
      ImGui::SetCursorPosY(top.y + height - error_h + 0.5f * em);
      banner(ui, error, palette().danger, ui::FontRole::body, left_w);
    }
    ImGui::EndGroup();
    ImGui::SetCursorPos(ImVec2(top.x + left_w + 1.0f * em, top.y));
    ImGui::BeginGroup();
    options_column(ui, view, emit, right_w, true, false);
    ImGui::EndGroup();
  } else {
    service_grid(ui, view, emit, width, avail_y() * 0.5f);
    gap(ui, 0.3f);
    options_column(ui, view, emit, width, true, true);
  }
}

}  // namespace kiosk::customer::kit
