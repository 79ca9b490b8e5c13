// One job: what and where, the customer (name, phone and address, as HQ
// sent them with the job; "details removed" once the purge took them), a
// quick note, and a big button for each step the technician may take next,
// "done" leading to completion and "scheduled" to agreeing the day and time
// of day of the visit. Every step is stored on the tablet at once.
#include <algorithm>

#include "kit/choice_tiles.h"
#include "kit/date_picker.h"
#include "technician/screens/technician_kit.h"

namespace kiosk::technician::screens {
namespace {

// "Label   value" on one row, the value wrapped beside its label.
void fact(ui::TouchUi& ui, const TechnicianView& view, std::string_view label_key, const std::string& value,
          float width) {
  if (value.empty()) return;
  const float em = ui.em();
  const float label_w = 6.0f * em;
  const float x = ImGui::GetCursorPosX();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  text_in_rect(ui, ImGui::GetWindowDrawList(), view.tr(label_key), ui::FontRole::body, u32(palette().text_muted), at,
               ImVec2(at.x + label_w, at.y + line_height(ui, ui::FontRole::body)), Align::left);
  ImGui::SetCursorPosX(x + label_w);
  paragraph(ui, value, ui::FontRole::body, palette().text, Align::left, width - label_w);
  ImGui::SetCursorPosX(x);
}

void quick_notes(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit, float width) {
  const float em = ui.em();
  paragraph(ui, view.tr("tech.job.note"), ui::FontRole::body, palette().text_muted, Align::left, width);
  const std::vector<std::string>& keys = step_note_keys();
  const int columns = columns_for(ui, width, 8.0f, 0.5f, static_cast<int>(keys.size()), 4);
  const float cell_w = cell_width(ui, width, columns, 0.5f) / em;
  const float x = ImGui::GetCursorPosX();
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i % static_cast<std::size_t>(columns) != 0)
      ImGui::SameLine();
    else
      ImGui::SetCursorPosX(x);
    if (toggle(ui, "note." + keys[i], view.tr("tech.note." + keys[i]), view.state.step_note == keys[i],
               ImVec2(cell_w, 2.8f)))
      emit(PickStepNote{keys[i]});
  }
}

void steps(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit, const JobDetail& job, float width) {
  const float em = ui.em();
  if (job.next.empty()) {
    paragraph(ui, view.tr("tech.job.no_steps"), ui::FontRole::body, palette().text_muted, Align::left, width);
    return;
  }
  const int count = static_cast<int>(job.next.size());
  const float cell_w = cell_width(ui, width, count, 0.5f) / em;
  for (int i = 0; i < count; ++i) {
    if (i) ImGui::SameLine(0, 0.5f * em);
    const std::string& to = job.next[static_cast<std::size_t>(i)];
    const bool done = to == "done";
    const std::string label = view.tr(done ? "tech.job.complete" : "tech.job.to", {state_name(view, to)});
    const Tone tone = view.state.busy ? Tone::disabled : done ? Tone::primary : Tone::normal;
    if (button(ui, done ? "job.complete" : "to." + to, label, ImVec2(cell_w, 3.4f), tone,
               fitting_role(ui, label, cell_w * em - em, 2)) &&
        !view.state.busy)
      emit(done ? Action{OpenCompletion{}} : Action{ChangeState{to}});
  }
}

// "Scheduled" tapped: the day and time of day agreed with the customer, theirs at first.
void schedule_panel(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit, const JobDetail& job, float width) {
  const float em = ui.em();
  const ScheduleForm& visit = *view.state.schedule;
  paragraph(ui, view.tr("tech.schedule.title"), ui::FontRole::large, palette().text, Align::left, width);
  paragraph(ui,
            view.tr("tech.schedule.wanted", {visit_of(view, job.line)}) + " · " + job.contact_name + " " + job.phone,
            ui::FontRole::body, palette().text_muted, Align::left, width);
  gap(ui, 0.3f);
  // The day (year, month, day side by side across the width), then the time of day.
  const DatePickerLabels labels{view.tr("tech.schedule.year"), view.tr("tech.schedule.month"),
                                view.tr("tech.schedule.date")};
  if (std::optional<std::string> date =
          date_picker(ui, "schedule", visit.date, job.today, job.last_visit_day, labels, width))
    emit(SetScheduleDate{*date});
  const char* const windows[] = {"morning", "afternoon", "evening"};
  std::vector<ChoiceTile> tiles;
  for (const char* w : windows)
    tiles.push_back({std::string("schedule.window.") + w, view.tr(std::string("tech.window.") + w), visit.window == w});
  const int tapped = choice_tiles(ui, tiles, width, 2.8f * em, 3, 4.0f);
  if (tapped >= 0) emit(ChooseScheduleWindow{windows[tapped]});
  gap(ui, 0.4f);
  const float cell_w = cell_width(ui, width, 2, 0.5f) / em;
  if (button(ui, "schedule.cancel", view.tr("tech.schedule.cancel"), ImVec2(cell_w, 3.4f), Tone::normal,
             ui::FontRole::body))
    emit(CancelSchedule{});
  ImGui::SameLine(0, 0.5f * em);
  const std::string label =
      view.tr("tech.schedule.confirm", {visit.date + " " + view.tr("tech.window." + visit.window)});
  const Tone tone = view.state.busy ? Tone::disabled : Tone::primary;
  if (button(ui, "schedule.confirm", label, ImVec2(cell_w, 3.4f), tone, fitting_role(ui, label, cell_w * em - em, 2)) &&
      !view.state.busy)
    emit(ConfirmSchedule{});
}

}  // namespace

void draw_job(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit) {
  const TechnicianState& s = view.state;
  if (!s.job) return;
  const JobDetail& job = *s.job;
  std::string title = view.tr("tech.job.title", {job.line.code, state_name(view, job.line.state)});
  if (job.line.waiting) title += " · " + view.tr("tech.jobs.waiting");
  top_bar(ui, view, emit, title);
  message_bands(ui, view);
  const float em = ui.em();
  const float width = avail_x();
  if (button(ui, "job.back", view.tr("tech.job.back"), ImVec2(8.0f, 2.6f), Tone::normal, ui::FontRole::body))
    emit(BackToJobs{});
  gap(ui, 0.3f);
  if (s.schedule) return schedule_panel(ui, view, emit, job, width);  // the whole page: its buttons stay in reach
  const bool wide = wide_layout(ui);
  const float column_w = wide ? (width - 1.2f * em) / 2 : width;
  const ImVec2 top = ImGui::GetCursorPos();
  ImGui::BeginGroup();
  fact(ui, view, "tech.job.what", product_of(view, job.line), column_w);
  fact(ui, view, "tech.job.problem", problem_of(view, job.line), column_w);
  fact(ui, view, "tech.job.description", job.description, column_w);
  fact(ui, view, "tech.job.visit", visit_of(view, job.line), column_w);
  ImGui::EndGroup();
  const float left_bottom = ImGui::GetItemRectMax().y;
  if (wide) ImGui::SetCursorPos(ImVec2(top.x + column_w + 1.2f * em, top.y));
  ImGui::BeginGroup();
  fact(ui, view, "tech.job.customer", job.contact_name, column_w);
  fact(ui, view, "tech.job.phone", job.phone, column_w);
  fact(ui, view, "tech.job.address", job.address, column_w);
  if (job.purged)
    paragraph(ui, view.tr("tech.job.purged"), ui::FontRole::body, palette().text_muted, Align::left, column_w);
  ImGui::EndGroup();
  // Below the taller of the two columns.
  const float bottom = std::max(left_bottom, ImGui::GetItemRectMax().y);
  ImGui::SetCursorScreenPos(ImVec2(ImGui::GetWindowPos().x + top.x, bottom));
  ImGui::Dummy(ImVec2(width, 0));
  gap(ui, 0.4f);
  if (!job.next.empty() && job.next != std::vector<std::string>{"done"}) quick_notes(ui, view, emit, width);
  gap(ui, 0.4f);
  steps(ui, view, emit, job, width);
}

}  // namespace kiosk::technician::screens
