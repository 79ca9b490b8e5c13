// Welcome: the four things a walk-in customer can do, as big tiles, Help
// (answers without a ticket) as a wide tile under them, and how busy each
// service is right now (waiting count and estimated wait).
#include "customer/screens/customer_kit.h"

namespace kiosk::customer::kit {
namespace {

struct Choice {
  const char* id;
  const char* title_key;
  const char* hint_key;
  Action action;
  Tone tone;
};

void choice_tile(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, const Choice& choice, ImVec2 size_em,
                 ui::FontRole title_role) {
  const Tile t = tile(ui, choice.id, size_em, choice.tone);
  const float em = ui.em();
  const float pad = 0.6f * em;
  const float inner = t.max.x - t.min.x - 2 * pad;
  const std::string& title = view.tr(choice.title_key);
  const std::string& hint = view.tr(choice.hint_key);
  const float title_h = wrapped_height(ui, title, title_role, inner);
  const float hint_h = wrapped_height(ui, hint, ui::FontRole::body, inner);
  const float top = (t.min.y + t.max.y - title_h - 0.2f * em - hint_h) / 2;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  text_in_rect(ui, draw, title, title_role, u32(palette().text), ImVec2(t.min.x + pad, top),
               ImVec2(t.max.x - pad, top + title_h), Align::centre);
  const float hint_top = top + title_h + 0.2f * em;
  text_in_rect(ui, draw, hint, ui::FontRole::body, u32(ImVec4(0.85f, 0.89f, 0.95f, 1.0f)),
               ImVec2(t.min.x + pad, hint_top), ImVec2(t.max.x - pad, hint_top + hint_h), Align::centre);
  if (t.clicked) emit(choice.action);
}

// One service's row in the queue table: its name (wrapping if it must) on the
// left, how many wait how long on the right. Returns the row's height.
float queue_row(ui::TouchUi& ui, const CustomerView& view, const ServiceView& service, ImVec2 min, float width,
                float scale, bool draw_it) {
  const float em = ui.em();
  const Palette& p = palette();
  const std::string& name = service_name(view, service);
  const bool no_counter = !service.estimated_wait_min;
  const std::string status =
      no_counter             ? view.tr("welcome.no_counter")
      : service.waiting == 0 ? view.tr("welcome.queue_empty")
                             : view.tr("welcome.queue_row",
                                       {std::to_string(service.waiting), std::to_string(*service.estimated_wait_min)});
  const float status_w = text_width(ui, status, ui::FontRole::body, scale);
  const float name_w = width - status_w - 0.6f * em;
  const float row_h = line_height(ui, ui::FontRole::body, scale);
  const float height = std::max(row_h, wrapped_height(ui, name, ui::FontRole::body, name_w, scale));
  if (!draw_it) return height;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 status_colour = u32(no_counter             ? p.warning
                                  : service.waiting == 0 ? ImVec4(0.55f, 0.88f, 0.62f, 1.0f)
                                                         : p.text_muted);
  text_in_rect(ui, draw, name, ui::FontRole::body, u32(p.text), min, ImVec2(min.x + name_w, min.y + height),
               Align::left, scale);
  text_in_rect(ui, draw, status, ui::FontRole::body, status_colour, ImVec2(min.x + width - status_w, min.y),
               ImVec2(min.x + width, min.y + height), Align::left, scale);
  return height;
}

void queue_card(ui::TouchUi& ui, const CustomerView& view, float width, float height) {
  const float em = ui.em();
  const Palette& p = palette();
  const float pad = 0.7f * em;
  const float inner = width - 2 * pad;
  const std::vector<ServiceView>& services = view.state.services;
  const float heading_h = line_height(ui, ui::FontRole::large);
  const float row_gap = 0.3f * em;
  // Full-size text if every row fits the card, else a little smaller.
  auto rows_height = [&](float scale) {
    float total = 0;
    for (const ServiceView& service : services)
      total += queue_row(ui, view, service, ImVec2(), inner, scale, false) + row_gap;
    return total;
  };
  const float room = height - 2 * pad - heading_h - 0.2f * em;
  float scale = 1.0f;
  for (float candidate : {1.0f, 0.9f, 0.8f}) {
    scale = candidate;
    if (rows_height(candidate) <= room) break;
  }
  const float needed = 2 * pad + heading_h + 0.2f * em + rows_height(scale) +
                       (services.empty() ? line_height(ui, ui::FontRole::body) : 0.0f);
  height = std::min(height, needed);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + width, min.y + height);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, u32(p.surface), 0.3f * em);
  draw->PushClipRect(min, max, true);
  text_in_rect(ui, draw, view.tr("welcome.queue_heading"), ui::FontRole::large, u32(p.text),
               ImVec2(min.x + pad, min.y + pad), ImVec2(max.x - pad, min.y + pad + heading_h), Align::left);
  float y = min.y + pad + heading_h + 0.2f * em;
  if (services.empty())
    text_in_rect(ui, draw, view.tr("app.loading_services"), ui::FontRole::body, u32(p.text_muted),
                 ImVec2(min.x + pad, y), ImVec2(max.x - pad, y + line_height(ui, ui::FontRole::body)), Align::left);
  for (std::size_t i = 0; i < services.size(); ++i) {
    const float h = queue_row(ui, view, services[i], ImVec2(min.x + pad, y), inner, scale, true);
    y += h + row_gap;
    if (i + 1 < services.size())
      draw->AddLine(ImVec2(min.x + pad, y - row_gap / 2), ImVec2(max.x - pad, y - row_gap / 2), u32(p.tile),
                    0.05f * em);
  }
  draw->PopClipRect();
  ImGui::Dummy(ImVec2(width, height));
}

// The staff's way in: a finger held on the title (the bar's left half, drawn
// as nothing) for CustomerTimings::staff_hold. A tap does nothing there, so a
// customer does not stumble into it, and nothing depends on a hover.
void staff_hold_area(ui::TouchUi& ui, const Emit& emit, ImVec2 at, float width) {
  const ImVec2 after = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(at);
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0, 0, 0, 0));
  ui.big_button("staff.hold", "", ImVec2(width / ui.em(), 2.8f));
  ImGui::PopStyleColor(2);
  if (ImGui::IsItemActivated()) emit(StaffHold{true});
  if (ImGui::IsItemDeactivated()) emit(StaffHold{false});
  ImGui::SetCursorScreenPos(after);
}

}  // namespace

void draw_welcome(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  const std::string& subtitle = view.tr("welcome.subtitle");
  const ImVec2 bar = ImGui::GetCursorScreenPos();
  const float bar_w = avail_x();
  const bool subtitle_on_bar = top_bar(ui, view, emit, view.tr("welcome.title"), std::nullopt, subtitle);
  staff_hold_area(ui, emit, bar, bar_w / 2);
  if (!subtitle_on_bar) paragraph(ui, subtitle, ui::FontRole::body, palette().text_muted, Align::left);
  const float em = ui.em();
  const Choice choices[] = {
      {"welcome.take", "welcome.take_number", "welcome.take_number_hint", OpenTakeNumber{}, Tone::primary},
      {"welcome.request", "welcome.request", "welcome.request_hint", OpenRequest{}, Tone::normal},
      {"welcome.check", "welcome.check", "welcome.check_hint", OpenCheck{}, Tone::normal},
      {"welcome.rate", "welcome.rate", "welcome.rate_hint", OpenRate{}, Tone::normal},
  };
  const Choice help{"welcome.help", "welcome.help", "welcome.help_hint", OpenHelp{}, Tone::normal};
  const float width = avail_x();
  const float height = avail_y();
  const bool wide = wide_layout(ui);
  // Wide: the choices 2x2 on the left, the queue on the right. Narrow: choices above the queue.
  const float choices_w = wide ? width * 0.5f : width;
  const float help_h = 3.6f;
  const float choices_h = wide ? height : std::min(height * 0.45f, 15.0f * em) + (help_h + 0.5f) * em;
  const int columns = 2;
  const float tile_w = cell_width(ui, choices_w, columns, 0.5f) / em;
  const float tile_h = std::min((choices_h - (help_h + 1.0f) * em) / 2 / em, 8.0f);
  const ImVec2 top = ImGui::GetCursorPos();
  // One title size for the four tiles: large where every title fits in two lines.
  ui::FontRole title_role = ui::FontRole::large;
  for (const Choice& choice : choices)
    if (fitting_role(ui, view.tr(choice.title_key), tile_w * em - 1.2f * em, 2) != ui::FontRole::large)
      title_role = ui::FontRole::body;
  ImGui::BeginGroup();
  for (int i = 0; i < 4; ++i) {
    if (i % columns != 0) ImGui::SameLine();
    choice_tile(ui, view, emit, choices[i], ImVec2(tile_w, tile_h), title_role);
  }
  choice_tile(ui, view, emit, help, ImVec2(choices_w / em, help_h), title_role);
  ImGui::EndGroup();
  if (wide) {
    ImGui::SetCursorPos(ImVec2(top.x + choices_w + 0.8f * em, top.y));
    queue_card(ui, view, width - choices_w - 0.8f * em, height);
  } else {
    gap(ui, 0.2f);
    queue_card(ui, view, width, avail_y());
  }
}

}  // namespace kiosk::customer::kit
