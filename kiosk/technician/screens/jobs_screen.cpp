// My jobs: one big row per open job assigned to me (code, kind, product,
// problem, visit date and window, status), newest first; tap a row for its
// details. No personal data here.
#include "technician/screens/technician_kit.h"

namespace kiosk::technician::screens {
namespace {

void job_row(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit, const JobLine& job, float width) {
  const float em = ui.em();
  const Palette& p = palette();
  const Tile t =
      tile(ui, "job." + job.code, ImVec2(width / em, 5.0f), job.urgency == "urgent" ? Tone::selected : Tone::normal);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 ink = u32(job.urgency == "urgent" ? p.text_on_selected : p.text);
  const float pad = 0.7f * em, mid_y = (t.min.y + t.max.y) / 2;
  const float code_w = 7.5f * em, state_w = 8.0f * em;
  text_in_rect(ui, draw, job.code, ui::FontRole::large, ink, ImVec2(t.min.x + pad, t.min.y),
               ImVec2(t.min.x + pad + code_w, mid_y), Align::left);
  text_in_rect(ui, draw, visit_of(view, job), ui::FontRole::body, ink, ImVec2(t.min.x + pad, mid_y),
               ImVec2(t.min.x + pad + code_w, t.max.y), Align::left);
  const float text_x = t.min.x + pad + code_w + pad, text_right = t.max.x - state_w - pad;
  text_in_rect(ui, draw, product_of(view, job), ui::FontRole::body, ink, ImVec2(text_x, t.min.y),
               ImVec2(text_right, mid_y), Align::left);
  text_in_rect(ui, draw, problem_of(view, job), ui::FontRole::body, ink, ImVec2(text_x, mid_y),
               ImVec2(text_right, t.max.y), Align::left);
  const ImVec2 badge_min(t.max.x - state_w, t.min.y + 1.2f * em), badge_max(t.max.x - pad, t.max.y - 1.2f * em);
  draw->AddRectFilled(badge_min, badge_max, u32(p.info), 0.3f * em);
  text_in_rect(ui, draw, state_name(view, job.state), ui::FontRole::body, u32(p.text), badge_min, badge_max,
               Align::centre);
  if (t.clicked) emit(OpenJob{job.code});
}

}  // namespace

void draw_jobs(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit) {
  const TechnicianState& s = view.state;
  top_bar(ui, view, emit, view.tr("tech.jobs.title", {s.staff_name}));
  link_band(ui, view);
  message_bands(ui, view);
  const float em = ui.em();
  const float width = avail_x();
  if (button(ui, "jobs.refresh", view.tr(s.jobs_loading ? "tech.jobs.loading" : "tech.jobs.refresh"),
             ImVec2(10.0f, 2.6f), Tone::normal, ui::FontRole::body))
    emit(RefreshJobs{});
  gap(ui, 0.3f);
  if (s.jobs.empty()) {
    paragraph(ui, view.tr(s.jobs_loading ? "tech.jobs.loading" : "tech.jobs.none"), ui::FontRole::large,
              palette().text_muted, Align::left, width);
    return;
  }
  ImGui::BeginChild("jobs.list", ImVec2(width, avail_y()), false, ImGuiWindowFlags_NoScrollbar);
  for (const JobLine& job : s.jobs) {
    job_row(ui, view, emit, job, width - 0.2f * em);
    gap(ui, 0.3f);
  }
  ImGui::EndChild();
}

}  // namespace kiosk::technician::screens
