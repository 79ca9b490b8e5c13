// The request form's visit step: the day (today and the next two weeks as
// tiles, the weekday over the date: no typing of dates), the time of day, and
// back/next pinned to the bottom.
#include "customer/screens/customer_kit.h"
#include "paper/request_wording.h"

namespace kiosk::customer::kit {

using paper::window_text;
namespace {

void day_tiles(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, float width, float height) {
  const float em = ui.em();
  const Palette& p = palette();
  const RequestFlow& r = view.state.request;
  if (r.days.empty()) return;
  const int columns = std::min<int>(7, static_cast<int>(r.days.size()));
  const int rows = (static_cast<int>(r.days.size()) + columns - 1) / columns;
  const float tile_w = cell_width(ui, width, columns, 0.4f);
  const float tile_h =
      std::clamp((height - static_cast<float>(rows - 1) * 0.4f * em) / static_cast<float>(rows), 2.5f * em, 3.6f * em);
  const ImVec2 origin = ImGui::GetCursorPos();
  for (std::size_t i = 0; i < r.days.size(); ++i) {
    const DayOption& day = r.days[i];
    const int col = static_cast<int>(i) % columns, row = static_cast<int>(i) / columns;
    ImGui::SetCursorPos(ImVec2(origin.x + static_cast<float>(col) * (tile_w + 0.4f * em),
                               origin.y + static_cast<float>(row) * (tile_h + 0.4f * em)));
    const bool chosen = r.draft.date == day.date;
    const Tile t =
        tile(ui, "day." + day.date, ImVec2(tile_w / em, tile_h / em), chosen ? Tone::selected : Tone::normal);
    const std::string top = i == 0 ? view.tr("request.today") : view.tr("weekday." + std::to_string(day.weekday));
    const std::string date = view.tr("date.day", {std::to_string(std::stoi(day.date.substr(5, 2))),
                                                  std::to_string(std::stoi(day.date.substr(8, 2)))});
    const ImU32 ink = u32(chosen ? p.text_on_selected : p.text);
    const float mid = (t.min.y + t.max.y) / 2;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    text_in_rect(ui, draw, top, ui::FontRole::body, ink, ImVec2(t.min.x, t.min.y), ImVec2(t.max.x, mid + 0.1f * em),
                 Align::centre);
    text_in_rect(ui, draw, date, ui::FontRole::body, ink, ImVec2(t.min.x, mid - 0.1f * em), ImVec2(t.max.x, t.max.y),
                 Align::centre, 0.85f);
    if (t.clicked) emit(ChooseDay{day.date});
  }
  ImGui::SetCursorPos(ImVec2(origin.x, origin.y + static_cast<float>(rows) * (tile_h + 0.4f * em)));
}

}  // namespace

void draw_when_step(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  const float em = ui.em();
  const RequestFlow& r = view.state.request;
  step_heading(ui, view, view.tr("request.date_label"), ui::FontRole::body);
  const float width = avail_x();
  const float label_h = line_height(ui, ui::FontRole::body) + 0.4f * em;
  const float below = label_h + 2.6f * em + 0.6f * em + 2.6f * em + 0.2f * em;  // time label, windows, nav
  day_tiles(ui, view, emit, width, avail_y() - below);
  paragraph(ui, view.tr("request.window_label"), ui::FontRole::body, palette().text, Align::left);
  std::vector<PickerTile> windows;
  for (TimeWindow w : {TimeWindow::Morning, TimeWindow::Afternoon, TimeWindow::Evening})
    windows.push_back({std::string("window.") + to_string(w), window_text(view.texts, view.state.language, w),
                       r.draft.window == w, ChooseWindow{w}});
  choice_grid(ui, emit, windows, width, 2.6f * em, 3, 5.0f);
  if (avail_y() > 2.7f * em) ImGui::SetCursorPosY(ImGui::GetCursorPosY() + avail_y() - 2.7f * em);
  const float buttons_w = std::min(width, 26.0f * em);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + width - buttons_w);
  step_buttons(ui, view, emit, buttons_w);
}

}  // namespace kiosk::customer::kit
