// Welcome: the four things a walk-in customer can do, as big tiles, and how
// busy each service is right now (waiting count and estimated wait).
#include "customer/screens/screen_kit.h"

namespace kiosk::customer::kit {
namespace {

struct Choice {
  const char* id;
  const char* title_key;
  const char* hint_key;
  Action action;
  Tone tone;
};

void choice_tile(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, const Choice& choice, ImVec2 size_em) {
  const Tile t = tile(ui, choice.id, size_em, choice.tone);
  const float em = ui.em();
  const float pad = 0.6f * em;
  const float inner = t.max.x - t.min.x - 2 * pad;
  const std::string& title = view.tr(choice.title_key);
  const std::string& hint = view.tr(choice.hint_key);
  const ui::FontRole title_role = fitting_role(ui, title, inner, 2);
  const float title_h = wrapped_height(ui, title, title_role, inner);
  const float hint_h = wrapped_height(ui, hint, ui::FontRole::body, inner);
  const float top = (t.min.y + t.max.y - title_h - 0.2f * em - hint_h) / 2;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  text_in_rect(ui, draw, title, title_role, u32(palette().text), ImVec2(t.min.x + pad, top),
               ImVec2(t.max.x - pad, top + title_h), Align::centre);
  const float hint_top = top + title_h + 0.2f * em;
  text_in_rect(ui, draw, hint, ui::FontRole::body, u32(ImVec4(0.85f, 0.89f, 0.95f, 1.0f)), ImVec2(t.min.x + pad, hint_top),
               ImVec2(t.max.x - pad, hint_top + hint_h), Align::centre);
  if (t.clicked) emit(choice.action);
}

// One service's line in the queue table: its name, and how many wait how long.
float queue_row(ui::TouchUi& ui, const CustomerView& view, const ServiceView& service, ImVec2 min, float width,
                bool measure_only) {
  const float em = ui.em();
  const Palette& p = palette();
  const std::string& name = service_name(view, service);
  const std::string status = service.waiting == 0
                                 ? view.tr("welcome.queue_empty")
                                 : view.tr("welcome.queue_row", {std::to_string(service.waiting),
                                                                 std::to_string(service.estimated_wait_min)});
  const float status_w = text_width(ui, status, ui::FontRole::body);
  const float name_w = text_width(ui, name, ui::FontRole::body);
  const float row_h = line_height(ui, ui::FontRole::body);
  const bool one_line = name_w + status_w + 1.0f * em <= width;
  const float height = one_line ? row_h : row_h + wrapped_height(ui, name, ui::FontRole::body, width);
  if (measure_only) return height;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 status_colour = u32(service.waiting == 0 ? ImVec4(0.55f, 0.88f, 0.62f, 1.0f) : p.text_muted);
  if (one_line) {
    text_in_rect(ui, draw, name, ui::FontRole::body, u32(p.text), min, ImVec2(min.x + width - status_w, min.y + row_h),
                 Align::left);
    text_in_rect(ui, draw, status, ui::FontRole::body, status_colour, ImVec2(min.x + width - status_w, min.y),
                 ImVec2(min.x + width, min.y + row_h), Align::left);
  } else {
    const float name_h = wrapped_height(ui, name, ui::FontRole::body, width);
    text_in_rect(ui, draw, name, ui::FontRole::body, u32(p.text), min, ImVec2(min.x + width, min.y + name_h), Align::left);
    text_in_rect(ui, draw, status, ui::FontRole::body, status_colour, ImVec2(min.x + width - status_w, min.y + name_h),
                 ImVec2(min.x + width, min.y + name_h + row_h), Align::left);
  }
  return height;
}

void queue_card(ui::TouchUi& ui, const CustomerView& view, float width, float max_height) {
  const float em = ui.em();
  const Palette& p = palette();
  const float pad = 0.7f * em;
  const float inner = width - 2 * pad;
  const std::vector<ServiceView>& services = view.state.services;
  const int columns = columns_for(ui, inner, 15, 1.5f, static_cast<int>(services.size()), 2);
  const float column_w = cell_width(ui, inner, columns, 1.5f);
  const float row_gap = 0.25f * em;
  // Measure: each table row is as tall as its tallest cell.
  std::vector<float> row_heights;
  for (std::size_t i = 0; i < services.size(); i += columns) {
    float h = 0;
    for (std::size_t j = i; j < std::min(services.size(), i + columns); ++j)
      h = std::max(h, queue_row(ui, view, services[j], ImVec2(), column_w, true));
    row_heights.push_back(h);
  }
  const float heading_h = line_height(ui, ui::FontRole::large);
  float height = 2 * pad + heading_h + 0.3f * em;
  for (float h : row_heights) height += h + row_gap;
  if (services.empty()) height += line_height(ui, ui::FontRole::body);
  height = std::min(std::max(height, 0.0f), std::max(max_height, 4 * em));

  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, ImVec2(min.x + width, min.y + height), u32(p.surface), 0.3f * em);
  draw->PushClipRect(min, ImVec2(min.x + width, min.y + height), true);
  text_in_rect(ui, draw, view.tr("welcome.queue_heading"), ui::FontRole::large, u32(p.text),
               ImVec2(min.x + pad, min.y + pad), ImVec2(min.x + width - pad, min.y + pad + heading_h), Align::left);
  float y = min.y + pad + heading_h + 0.3f * em;
  if (services.empty()) {
    text_in_rect(ui, draw, view.tr("app.loading_services"), ui::FontRole::body, u32(p.text_muted), ImVec2(min.x + pad, y),
                 ImVec2(min.x + width - pad, y + line_height(ui, ui::FontRole::body)), Align::left);
  }
  for (std::size_t row = 0; row < row_heights.size(); ++row) {
    for (int c = 0; c < columns; ++c) {
      const std::size_t i = row * columns + c;
      if (i >= services.size()) break;
      const float x = min.x + pad + static_cast<float>(c) * (column_w + 1.5f * em);
      queue_row(ui, view, services[i], ImVec2(x, y), column_w, false);
    }
    y += row_heights[row];
    if (row + 1 < row_heights.size())
      draw->AddLine(ImVec2(min.x + pad, y + row_gap / 2), ImVec2(min.x + width - pad, y + row_gap / 2),
                    u32(p.tile), 0.05f * em);
    y += row_gap;
  }
  draw->PopClipRect();
  ImGui::Dummy(ImVec2(width, height));
}

}  // namespace

void draw_welcome(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  top_bar(ui, view, emit, view.tr("welcome.title"), std::nullopt);
  const float em = ui.em();
  paragraph(ui, view.tr("welcome.subtitle"), ui::FontRole::body, palette().text_muted, Align::left);
  const Choice choices[] = {
      {"welcome.take", "welcome.take_number", "welcome.take_number_hint", OpenTakeNumber{}, Tone::primary},
      {"welcome.request", "welcome.request", "welcome.request_hint", OpenComingSoon{ComingSoonTopic::Request}, Tone::normal},
      {"welcome.check", "welcome.check", "welcome.check_hint", OpenComingSoon{ComingSoonTopic::CheckRequest}, Tone::normal},
      {"welcome.rate", "welcome.rate", "welcome.rate_hint", OpenRate{}, Tone::normal},
  };
  const float width = avail_x();
  const int columns = columns_for(ui, width, 7.5f, 0.5f, 4, 4);
  const float tile_w = cell_width(ui, width, columns, 0.5f) / em;
  const int rows = (4 + columns - 1) / columns;
  const float tile_h = std::clamp((avail_y() * 0.42f - static_cast<float>(rows - 1) * 0.5f * em) / rows / em, 4.0f, 6.5f);
  for (int i = 0; i < 4; ++i) {
    if (i % columns != 0) ImGui::SameLine();
    choice_tile(ui, view, emit, choices[i], ImVec2(tile_w, tile_h));
  }
  gap(ui, 0.2f);
  queue_card(ui, view, width, avail_y());
}

}  // namespace kiosk::customer::kit
