// Completion: what was done (a resolution), "the customer confirms", and the
// customer's rating on the same device (five faces and reasons, optional),
// and one button at the top that stores done + confirmation + rating together.
#include "kit/rating_picker.h"
#include "ratings/rating_book.h"
#include "technician/screens/technician_kit.h"

namespace kiosk::technician::screens {
namespace {

void resolutions(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit, float width) {
  const float em = ui.em();
  paragraph(ui, view.tr("tech.complete.resolution"), ui::FontRole::body, palette().text_muted, Align::left, width);
  const std::vector<std::string>& keys = resolution_keys();
  const int columns = columns_for(ui, width, 8.0f, 0.5f, static_cast<int>(keys.size()), 5);
  const float cell_w = cell_width(ui, width, columns, 0.5f) / em;
  const float x = ImGui::GetCursorPosX();
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i % static_cast<std::size_t>(columns) != 0)
      ImGui::SameLine();
    else
      ImGui::SetCursorPosX(x);
    const bool on = view.state.completion.resolution == keys[i];
    if (toggle(ui, "resolution." + keys[i], view.tr("tech.resolution." + keys[i]), on, ImVec2(cell_w, 2.8f)))
      emit(PickResolution{keys[i]});
  }
}

}  // namespace

void draw_complete(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit) {
  const TechnicianState& s = view.state;
  if (!s.job) return;
  const CompletionForm& c = s.completion;
  top_bar(ui, view, emit, view.tr("tech.complete.title", {s.job->line.code}));
  link_band(ui, view);
  message_bands(ui, view);
  const float em = ui.em();
  const float width = avail_x();
  // Back, the customer's confirmation, and the one button that finishes the
  // job: always in reach at the top, however long the form below.
  const float third = (width / em - 9.0f) / 2;
  if (button(ui, "complete.back", view.tr("tech.job.back"), ImVec2(8.0f, 3.0f), Tone::normal, ui::FontRole::body))
    emit(BackToJob{});
  ImGui::SameLine(0, 0.5f * em);
  if (toggle(ui, "complete.confirmed", view.tr("tech.complete.confirmed"), c.confirmed, ImVec2(third, 3.0f)))
    emit(ToggleConfirmed{});
  ImGui::SameLine(0, 0.5f * em);
  const std::string& submit = view.tr(s.busy                ? "tech.complete.sending"
                                      : c.unconfirmed_asked ? "tech.complete.submit_unconfirmed"
                                                            : "tech.complete.submit");
  if (button(ui, "complete.submit", submit, ImVec2(third, 3.0f), s.busy ? Tone::disabled : Tone::primary) && !s.busy)
    emit(SubmitCompletion{});
  resolutions(ui, view, emit, width);
  paragraph(ui, view.tr("tech.complete.rating"), ui::FontRole::body, palette().text_muted, Align::left, width);
  const float face_h = std::clamp(avail_y() - (c.score > 0 ? 7.2f : 0.5f) * em, 3.6f * em, 6.0f * em);
  if (const int score = rating_faces(
          ui, c.score, [&](int n) { return view.tr("rate.score_" + std::to_string(n)); }, width, face_h))
    emit(PickScore{score});
  if (c.score > 0) {
    const std::string reason = rating_reasons(
        ui, rating_reason_codes(), c.reasons, [&](const std::string& code) { return view.tr("reason." + code); }, width,
        columns_for(ui, width, 7.5f, 0.5f, 7, 4));
    if (!reason.empty()) emit(ToggleReason{reason});
  }
}

}  // namespace kiosk::technician::screens
