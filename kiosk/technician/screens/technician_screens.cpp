// The technician's screens: the dispatcher and the parts every screen shares.
#include <algorithm>
#include <ctime>

#include "technician/screens/technician_kit.h"

namespace kiosk::technician {
namespace screens {
namespace {

// When the last round went through, by the tablet's own clock and zone:
// "14:02" today, "12-05 14:02" on an earlier day.
std::string sync_time(EpochMs at, EpochMs now) {
  const std::time_t at_s = static_cast<std::time_t>(at / 1000), now_s = static_cast<std::time_t>(now / 1000);
  std::tm at_tm{}, now_tm{};
  localtime_r(&at_s, &at_tm);
  localtime_r(&now_s, &now_tm);
  const bool today = at_tm.tm_year == now_tm.tm_year && at_tm.tm_yday == now_tm.tm_yday;
  char text[32];
  std::strftime(text, sizeof text, today ? "%H:%M" : "%m-%d %H:%M", &at_tm);
  return text;
}

// "Last synced 14:02 · 3 waiting to send", "Never synced", "... · everything sent".
std::string sync_words(const TechnicianView& view) {
  const TabletStatus& t = view.state.tablet;
  std::string words =
      t.last_sync_at ? view.tr("tech.sync.last", {sync_time(*t.last_sync_at, view.now)}) : view.tr("tech.sync.never");
  if (t.waiting > 0)
    words += " · " + view.tr("tech.sync.waiting", {std::to_string(t.waiting)});
  else if (t.last_sync_at)
    words += " · " + view.tr("tech.sync.all_sent");
  return words;
}

}  // namespace

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

void message_bands(ui::TouchUi& ui, const TechnicianView& view) {
  const TechnicianState& s = view.state;
  if (!s.error.empty()) banner(ui, view.tr(s.error.key), palette().danger);
  if (!s.done.empty()) {
    const std::string value = s.done.key == "tech.done.changed" ? view.tr(s.done.value) : s.done.value;
    banner(ui, view.tr(s.done.key, {value}), palette().success);
  }
}

void sync_line(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit) {
  const TechnicianState& s = view.state;
  const float em = ui.em();
  const float width = avail_x();
  const std::string& label = view.tr(s.syncing ? "tech.sync.running" : "tech.sync.now");
  const float button_em = std::max(8.0f, (text_width(ui, label, ui::FontRole::body) + 1.6f * em) / em);
  constexpr float kButtonHeightEm = 2.8f;
  const float text_w = width - (button_em + 0.8f) * em;
  const std::string words = sync_words(view);
  const std::string error = s.sync_error.empty() ? std::string() : view.tr(s.sync_error);
  const float text_h = wrapped_height(ui, words, ui::FontRole::body, text_w) +
                       (error.empty() ? 0.0f : wrapped_height(ui, error, ui::FontRole::body, text_w));
  const ImVec2 start = ImGui::GetCursorScreenPos();
  // The words beside the button, centred on it while they are shorter.
  ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + std::max(0.0f, (kButtonHeightEm * em - text_h) / 2)));
  ImGui::BeginGroup();
  paragraph(ui, words, ui::FontRole::body, palette().text_muted, Align::left, text_w);
  if (!error.empty()) paragraph(ui, error, ui::FontRole::body, palette().selected, Align::left, text_w);
  ImGui::EndGroup();
  const float text_bottom = ImGui::GetItemRectMax().y;
  ImGui::SetCursorScreenPos(ImVec2(start.x + width - button_em * em, start.y));
  if (button(ui, "sync.now", label, ImVec2(button_em, kButtonHeightEm), s.syncing ? Tone::disabled : Tone::normal,
             ui::FontRole::body) &&
      !s.syncing)
    emit(RequestSync{});
  const float bottom = std::max(text_bottom, ImGui::GetItemRectMax().y);
  ImGui::SetCursorScreenPos(ImVec2(start.x, bottom));
  ImGui::Dummy(ImVec2(width, 0));
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
    case Screen::Sign:
      screens::draw_sign(ui, view, emit);
      break;
  }
}

}  // namespace kiosk::technician
