// The request form: the top bar with the step count and Home (which asks
// before wiping what was entered), the current step with its own Back (one
// step back, from the first step to Welcome), or the phone keypad over the
// contact step; and the parts every step shares (heading, back/next, a
// grid of choice tiles).
#include "customer/screens/customer_kit.h"
#include "kit/choice_tiles.h"

namespace kiosk::customer::kit {

void step_heading(ui::TouchUi& ui, const CustomerView& view, std::string_view question, ui::FontRole role) {
  // A refusal takes the question's place: it says what to do on this step.
  const std::string error = error_text(view, view.state.request.error);
  if (!error.empty())
    banner(ui, error, palette().danger, ui::FontRole::body);
  else
    paragraph(ui, question, fitting_role(ui, question, avail_x(), 1, role), palette().text, Align::left);
}

void step_buttons(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, float width) {
  const float em = ui.em();
  const float w = cell_width(ui, width, 2, 0.4f) / em;
  if (button(ui, "request.previous", view.tr("request.previous"), ImVec2(w, 2.6f), Tone::normal, ui::FontRole::body))
    emit(PreviousStep{});
  ImGui::SameLine(0, 0.4f * em);
  if (button(ui, "request.next", view.tr("request.next"), ImVec2(w, 2.6f), Tone::primary, ui::FontRole::body))
    emit(NextStep{});
}

void choice_grid(ui::TouchUi& ui, const Emit& emit, const std::vector<PickerTile>& tiles, float width, float height,
                 int max_columns, float min_em) {
  std::vector<ChoiceTile> shown;
  for (const PickerTile& t : tiles) shown.push_back({t.id, t.label, t.chosen});
  const int tapped = choice_tiles(ui, shown, width, height, max_columns, min_em);
  if (tapped >= 0) emit(tiles[static_cast<std::size_t>(tapped)].action);
}

namespace {

// Home tapped with something entered: leaving wipes it, so ask; staying is the big button.
void draw_leave_question(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  const float em = ui.em();
  const float width = std::min(avail_x(), 36.0f * em);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 2.0f * em);
  paragraph(ui, view.tr("request.leave_question"), ui::FontRole::large, palette().text, Align::centre);
  paragraph(ui, view.tr("request.leave_body"), ui::FontRole::body, palette().text_muted, Align::centre);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 1.5f * em);
  const float w = cell_width(ui, width, 2, 0.8f) / em;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail_x() - width) / 2);
  if (button(ui, "request.leave", view.tr("request.leave"), ImVec2(w, 3.2f), Tone::normal, ui::FontRole::body))
    emit(LeaveRequest{});
  ImGui::SameLine(0, 0.8f * em);
  if (button(ui, "request.stay", view.tr("request.stay"), ImVec2(w, 3.2f), Tone::primary, ui::FontRole::body))
    emit(StayOnRequest{});
}

}  // namespace

void draw_request(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  const RequestFlow& r = view.state.request;
  if (r.phone_pad_open) {
    draw_phone_pad(ui, view, emit, {r.phone_typed, r.phone_error, "request.phone_why"});
    return;
  }
  // The review's title in the step count's place: the review needs every line below the bar.
  const std::string step =
      r.step == FormStep::Review
          ? view.tr("request.review_bar")
          : view.tr("request.step", {std::to_string(static_cast<int>(r.step) + 1), std::to_string(kFormSteps)});
  if (r.confirming_leave) {
    top_bar(ui, view, emit, view.tr("request.title"), std::nullopt, step);
    draw_leave_question(ui, view, emit);
    return;
  }
  if (!top_bar(ui, view, emit, view.tr("request.title"), LeaveRequest{}, step, "app.home"))
    paragraph(ui, step, ui::FontRole::body, palette().text_muted, Align::left);
  switch (r.step) {
    case FormStep::Kind:
      draw_kind_step(ui, view, emit);
      break;
    case FormStep::Product:
      draw_product_step(ui, view, emit);
      break;
    case FormStep::Problem:
      draw_problem_step(ui, view, emit);
      break;
    case FormStep::Details:
      draw_details_step(ui, view, emit);
      break;
    case FormStep::Model:
    case FormStep::Description:
    case FormStep::Contact:
    case FormStep::Address:
      draw_text_step(ui, view, emit);
      break;
    case FormStep::When:
      draw_when_step(ui, view, emit);
      break;
    case FormStep::Consent:
      draw_consent_step(ui, view, emit);
      break;
    case FormStep::Review:
      draw_review_step(ui, view, emit);
      break;
  }
}

}  // namespace kiosk::customer::kit
