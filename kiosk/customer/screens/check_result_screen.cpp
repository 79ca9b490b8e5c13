// The status of a request: what it is for, where it stands now (large), the
// visit once scheduled, and the timeline of its changes; nothing personal.
#include "customer/screens/customer_kit.h"
#include "paper/request_wording.h"

namespace kiosk::customer::kit {

using paper::kind_text;
using paper::state_text;
using paper::visit_text;

TimelineFit fit_timeline(std::size_t steps, std::size_t rows) {
  if (steps <= rows) return {steps, 0};
  const std::size_t shown = rows > 1 ? rows - 1 : 1;  // one row says how many more
  return {shown, steps - shown};
}

void draw_request_status(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  top_bar(ui, view, emit, view.tr("check.title"), BackToWelcome{});
  const float em = ui.em();
  const Palette& p = palette();
  const Language l = view.state.language;
  if (!view.state.check.status) return;
  const StatusView& s = *view.state.check.status;
  const float width = avail_x();
  const bool zh = l == Language::Zh;
  paragraph(ui,
            s.code + "  " + kind_text(view.texts, l, s.kind) + " · " + (zh ? s.product_zh : s.product_en) + " · " +
                (zh ? s.problem_zh : s.problem_en),
            ui::FontRole::body, p.text_muted, Align::left, width);
  banner(ui, state_text(view.texts, l, s.state), p.info, ui::FontRole::large, width);
  if (!s.scheduled_date.empty())
    paragraph(ui, view.tr("check.scheduled", {visit_text(view.texts, l, s.scheduled_date, s.scheduled_window)}),
              ui::FontRole::body, p.text, Align::left, width);
  // The timeline, newest first, a dot per change.
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float row_h = 1.5f * em;
  const float row_step = row_h + ImGui::GetStyle().ItemSpacing.y;  // each row is a Dummy item
  const TimelineFit fit =
      fit_timeline(s.timeline.size(), static_cast<std::size_t>(std::max(1.0f, (avail_y() - 3.2f * em) / row_step)));
  const std::size_t rows = fit.shown;
  for (std::size_t i = 0; i < rows; ++i) {
    const TimelineStep& step = s.timeline[s.timeline.size() - 1 - i];
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 dot(at.x + 0.6f * em, at.y + row_h / 2);
    if (i + 1 < rows) draw->AddLine(dot, ImVec2(dot.x, dot.y + row_step), u32(p.tile), 0.12f * em);
    draw->AddCircleFilled(dot, 0.3f * em, u32(i == 0 ? p.selected : p.text_muted), 24);
    text_in_rect(ui, draw, state_text(view.texts, l, step.state), ui::FontRole::body, u32(p.text),
                 ImVec2(at.x + 1.6f * em, at.y), ImVec2(at.x + width * 0.55f, at.y + row_h), Align::left);
    text_in_rect(ui, draw, step.local_time, ui::FontRole::body, u32(p.text_muted), ImVec2(at.x + width * 0.55f, at.y),
                 ImVec2(at.x + width, at.y + row_h), Align::left);
    ImGui::Dummy(ImVec2(width, row_h));
  }
  if (fit.earlier > 0) {  // what did not fit is said, with when it began
    const std::string more = view.tr("check.earlier", {std::to_string(fit.earlier), s.timeline.front().local_time});
    ui.note_text(more);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    text_in_rect(ui, draw, more, ui::FontRole::body, u32(p.text_muted), ImVec2(at.x + 1.6f * em, at.y),
                 ImVec2(at.x + width, at.y + row_h), Align::left);
    ImGui::Dummy(ImVec2(width, row_h));
  }
  if (avail_y() > 3.4f * em) ImGui::SetCursorPosY(ImGui::GetCursorPosY() + avail_y() - 3.4f * em);
  // A finished job not rated yet: "Rate this job" beside the other two.
  const float w = cell_width(ui, width, s.ratable ? 3 : 2, 0.5f) / em;
  if (button(ui, "check.again", view.tr("check.again"), ImVec2(w, 3.2f), Tone::normal)) emit(OpenCheck{});
  ImGui::SameLine(0, 0.5f * em);
  if (s.ratable) {
    if (button(ui, "check.rate", view.tr("check.rate"), ImVec2(w, 3.2f), Tone::selected)) emit(OpenRequestRating{});
    ImGui::SameLine(0, 0.5f * em);
  }
  if (button(ui, "check.done", view.tr("app.done"), ImVec2(w, 3.2f), Tone::primary)) emit(BackToWelcome{});
}

}  // namespace kiosk::customer::kit
