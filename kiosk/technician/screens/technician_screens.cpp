// The technician's screens: the dispatcher and the parts every screen shares.
#include <algorithm>

#include "technician/screens/technician_kit.h"
#include "technician/technician_reducer.h"

namespace kiosk::technician {
namespace screens {

void top_bar(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit, std::string_view title) {
  const float em = ui.em();
  constexpr float kBarEm = 2.8f;
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float width = avail_x();
  const bool logged_in = !view.state.staff_name.empty();
  const std::string& language_label = view.tr("app.language_switch");
  const std::string& logout_label = view.tr("tech.logout");
  const float button_em = std::max({5.0f, (text_width(ui, language_label, ui::FontRole::body) + 1.4f * em) / em,
                                    (text_width(ui, logout_label, ui::FontRole::body) + 1.4f * em) / em});
  const float buttons_w = (logged_in ? 2 * button_em + 0.5f : button_em) * em;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 title_min(start.x, start.y), title_max(start.x + width - buttons_w - 0.5f * em, start.y + kBarEm * em);
  text_in_rect(ui, draw, title, fitting_role(ui, title, title_max.x - title_min.x, 1), u32(palette().text), title_min,
               title_max, Align::left);
  ImGui::SetCursorScreenPos(ImVec2(start.x + width - buttons_w, start.y));
  if (button(ui, "lang", language_label, ImVec2(button_em, kBarEm), Tone::normal, ui::FontRole::body))
    emit(SwitchLanguage{});
  if (logged_in) {
    ImGui::SameLine();
    if (button(ui, "logout", logout_label, ImVec2(button_em, kBarEm), Tone::normal, ui::FontRole::body)) emit(Logout{});
  }
  const float line_y = start.y + kBarEm * em + 0.3f * em;
  draw->AddLine(ImVec2(start.x, line_y), ImVec2(start.x + width, line_y), u32(palette().surface), 0.08f * em);
  ImGui::SetCursorScreenPos(ImVec2(start.x, line_y + 0.3f * em));
  ImGui::Dummy(ImVec2(width, 0));
}

void link_band(ui::TouchUi& ui, const TechnicianView& view) {
  if (!view.state.link.down || view.state.staff_name.empty()) return;
  const int seconds = retry_seconds_left(view.state, view.now);
  banner(ui,
         seconds > 0 ? view.tr("tech.link.down", {view.store_url, std::to_string(seconds)})
                     : view.tr("tech.link.retrying", {view.store_url}),
         palette().danger);
}

void message_bands(ui::TouchUi& ui, const TechnicianView& view) {
  const TechnicianState& s = view.state;
  if (!s.error.empty() && !(s.link.down && s.error.key == "tech.error.unreachable"))
    banner(ui, view.tr(s.error.key), palette().danger);
  if (!s.done.empty()) {
    const std::string value = s.done.key == "tech.done.changed" ? view.tr(s.done.value) : s.done.value;
    banner(ui, view.tr(s.done.key, {value}), palette().success);
  }
}

std::string product_of(const TechnicianView& view, const JobLine& job) {
  std::string product = view.zh() ? job.product_zh : job.product_en;
  if (!job.model.empty()) product += " · " + job.model;
  return view.tr("tech.kind." + job.kind) + " · " + product;
}

std::string problem_of(const TechnicianView& view, const JobLine& job) {
  return view.zh() ? job.problem_zh : job.problem_en;
}

std::string visit_of(const TechnicianView& view, const JobLine& job) {
  if (job.date.empty()) return view.tr("tech.visit.none");
  return job.time_window.empty() ? job.date : job.date + " " + view.tr("tech.window." + job.time_window);
}

const std::string& state_name(const TechnicianView& view, const std::string& state) {
  return view.tr("tech.state." + state);
}

}  // namespace screens

void draw_technician_screen(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit) {
  const kit::ScreenStyle style(ui.em());
  const ui::ScreenPanel panel("technician");
  switch (view.state.screen) {
    case Screen::Login:
      screens::draw_login(ui, view, emit);
      break;
    case Screen::Jobs:
      screens::draw_jobs(ui, view, emit);
      break;
    case Screen::Job:
      screens::draw_job(ui, view, emit);
      break;
    case Screen::Complete:
      screens::draw_complete(ui, view, emit);
      break;
  }
}

}  // namespace kiosk::technician
