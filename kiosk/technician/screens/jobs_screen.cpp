// My jobs: the sync line ("Last synced 14:02 · 3 waiting to send", Sync now),
// the oldest step HQ did not keep told in words until OK is tapped, then one
// big row per job (code and visit; kind, product and problem; "waiting to
// send" while HQ has not got its steps; its state), open jobs first, then
// the finished ones; "Earlier" / "Later" page through them when they do not
// all fit (no scrolling under a finger). Tap a row for its details. No
// customer's details here.
#include <algorithm>

#include "technician/screens/technician_kit.h"

namespace kiosk::technician::screens {
namespace {

// The oldest notice on a red band (a step was lost), its OK button inside on the right.
void notice_band(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit, float width) {
  const std::vector<Notice>& notices = view.state.notices;
  const Notice& n = notices.front();
  std::string words = view.tr("tech.notice." + n.reason, {n.code, state_name(view, n.step)});
  if (notices.size() > 1) words += view.tr("tech.notice.more", {std::to_string(notices.size() - 1)});
  const float em = ui.em();
  const Palette& p = palette();
  const std::string& ok = view.tr("tech.notice.ok");
  const float button_em = std::max(6.0f, (text_width(ui, ok, ui::FontRole::large) + 2.0f * em) / em);
  constexpr float kButtonHeightEm = 2.8f;
  const float pad = 0.6f * em;
  const float text_w = width - button_em * em - 3 * pad;
  const float height = std::max(wrapped_height(ui, words, ui::FontRole::body, text_w), kButtonHeightEm * em) + 2 * pad;
  const ImVec2 min = ImGui::GetCursorScreenPos(), max(min.x + width, min.y + height);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, u32(p.danger), 0.25f * em);
  text_in_rect(ui, draw, words, ui::FontRole::body, u32(p.text), ImVec2(min.x + pad, min.y),
               ImVec2(min.x + pad + text_w, max.y), Align::left);
  ImGui::SetCursorScreenPos(ImVec2(max.x - pad - button_em * em, min.y + (height - kButtonHeightEm * em) / 2));
  if (button(ui, "notice.ok", ok, ImVec2(button_em, kButtonHeightEm), Tone::normal)) emit(DismissNotice{n.step_id});
  ImGui::SetCursorScreenPos(ImVec2(min.x, max.y));
  ImGui::Dummy(ImVec2(width, 0));
}

// A rounded badge with centred words.
void badge(ui::TouchUi& ui, ImDrawList* draw, const std::string& words, const ImVec4& fill, const ImVec4& ink,
           ImVec2 min, ImVec2 max) {
  draw->AddRectFilled(min, max, u32(fill), 0.3f * ui.em());
  text_in_rect(ui, draw, words, ui::FontRole::body, u32(ink), min, max, Align::centre);
}

void job_row(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit, const JobLine& job, float width) {
  const float em = ui.em();
  const Palette& p = palette();
  const bool urgent = job.urgency == "urgent";
  const Tile t = tile(ui, "job." + job.request_id, ImVec2(width / em, 5.0f), urgent ? Tone::selected : Tone::normal);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 ink = u32(urgent ? p.text_on_selected : p.text);
  const float pad = 0.7f * em, mid_y = (t.min.y + t.max.y) / 2;
  const std::string& waiting = view.tr("tech.jobs.waiting");
  const float code_w = 7.5f * em, state_w = 7.5f * em;
  const float waiting_w =
      job.waiting ? std::max(5.0f * em, text_width(ui, waiting, ui::FontRole::body) + 1.6f * em) : 0;
  text_in_rect(ui, draw, job.code, ui::FontRole::large, ink, ImVec2(t.min.x + pad, t.min.y),
               ImVec2(t.min.x + pad + code_w, mid_y), Align::left);
  text_in_rect(ui, draw, visit_of(view, job), ui::FontRole::body, ink, ImVec2(t.min.x + pad, mid_y),
               ImVec2(t.min.x + pad + code_w, t.max.y), Align::left);
  const float text_x = t.min.x + pad + code_w + pad;
  const float text_right = t.max.x - pad - state_w - (job.waiting ? waiting_w + 0.5f * em : 0.0f) - pad;
  text_in_rect(ui, draw, product_of(view, job), ui::FontRole::body, ink, ImVec2(text_x, t.min.y),
               ImVec2(text_right, mid_y), Align::left);
  text_in_rect(ui, draw, problem_of(view, job), ui::FontRole::body, ink, ImVec2(text_x, mid_y),
               ImVec2(text_right, t.max.y), Align::left);
  const float badge_top = t.min.y + 1.2f * em, badge_bottom = t.max.y - 1.2f * em;
  const float state_x = t.max.x - pad - state_w;
  badge(ui, draw, state_name(view, job.state), p.info, p.text, ImVec2(state_x, badge_top),
        ImVec2(t.max.x - pad, badge_bottom));
  if (job.waiting)
    badge(ui, draw, waiting, p.warning, p.text_on_selected, ImVec2(state_x - 0.5f * em - waiting_w, badge_top),
          ImVec2(state_x - 0.5f * em, badge_bottom));
  if (t.clicked) emit(OpenJob{job.request_id});
}

}  // namespace

void draw_jobs(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit) {
  const TechnicianState& s = view.state;
  top_bar(ui, view, emit, view.tr("tech.jobs.title", {s.staff_name}));
  sync_line(ui, view, emit);
  gap(ui, 0.2f);
  const float em = ui.em();
  const float width = avail_x();
  if (!s.notices.empty()) {
    notice_band(ui, view, emit, width);
    gap(ui, 0.2f);
  }
  message_bands(ui, view);
  if (s.jobs.empty()) {
    paragraph(ui, view.tr("tech.jobs.none"), ui::FontRole::large, palette().text_muted, Align::left, width);
    return;
  }
  // As many rows as fit; when they do not all fit, a row of Earlier / Later under them.
  constexpr float kRowEm = 5.0f, kPagerEm = 2.8f;
  const float spacing = ImGui::GetStyle().ItemSpacing.y;  // between rows, and above the pager
  const std::size_t count = s.jobs.size();
  const auto rows_in = [&](float height) {
    return static_cast<std::size_t>(std::max(1.0f, (height + spacing) / (kRowEm * em + spacing)));
  };
  const bool paged = rows_in(avail_y()) < count;
  const std::size_t rows = paged ? rows_in(avail_y() - kPagerEm * em - spacing) : count;
  const std::size_t first = std::min(s.jobs_first, count - 1);
  const std::size_t last = std::min(count, first + rows);
  for (std::size_t i = first; i < last; ++i) job_row(ui, view, emit, s.jobs[i], width);
  if (!paged) return;
  ImGui::SetCursorPosY(ImGui::GetWindowHeight() - ImGui::GetStyle().WindowPadding.y - kPagerEm * em);
  const float button_em = std::max(8.0f, (width / em - 1.0f) / 3);
  const bool earlier = first > 0, later = last < count;
  if (button(ui, "jobs.earlier", view.tr("tech.jobs.earlier"), ImVec2(button_em, kPagerEm),
             earlier ? Tone::normal : Tone::disabled, ui::FontRole::body) &&
      earlier)
    emit(ShowJobsFrom{first > rows ? first - rows : 0});
  ImGui::SameLine(0, 0.5f * em);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float middle_w = width - 2 * button_em * em - 1.0f * em;
  text_in_rect(ui, ImGui::GetWindowDrawList(),
               view.tr("tech.jobs.range", {std::to_string(first + 1), std::to_string(last), std::to_string(count)}),
               ui::FontRole::body, u32(palette().text_muted), at, ImVec2(at.x + middle_w, at.y + kPagerEm * em),
               Align::centre);
  ImGui::SetCursorScreenPos(ImVec2(at.x + middle_w + 0.5f * em, at.y));
  if (button(ui, "jobs.later", view.tr("tech.jobs.later"), ImVec2(button_em, kPagerEm),
             later ? Tone::normal : Tone::disabled, ui::FontRole::body) &&
      later)
    emit(ShowJobsFrom{last});
}

}  // namespace kiosk::technician::screens
