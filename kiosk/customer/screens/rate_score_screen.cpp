// Rate, step two: five large faces from a red frown (1) to a green smile (5)
// (kit/rating_picker, shared with "Rate this job" and the technician's
// device); optional reason tags as toggles; send.
// "Already rated" is told kindly, as a thank-you, not as an error.
#include "customer/screens/customer_kit.h"
#include "kit/rating_picker.h"
#include "ratings/rating_book.h"

namespace kiosk::customer::kit {
namespace {

// The reason toggles in a grid whose last cell is the send button.
void reasons_and_send(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, float width, int columns) {
  const float em = ui.em();
  const RateFlow& rate = view.state.rate;
  const std::vector<std::string>& codes = rating_reason_codes();
  const float cell_w = cell_width(ui, width, columns, 0.5f) / em;
  const float x = ImGui::GetCursorPosX();
  for (std::size_t i = 0; i <= codes.size(); ++i) {
    if (i % columns != 0)
      ImGui::SameLine();
    else
      ImGui::SetCursorPosX(x);
    if (i == codes.size()) {
      const bool ready = rate.score > 0 && !rate.busy && rate.error != "already-rated";
      const std::string& label = rate.busy ? view.tr("rate.sending") : view.tr("rate.submit");
      if (button(ui, "rate.submit", label, ImVec2(cell_w, 2.8f), ready ? Tone::primary : Tone::disabled,
                 fitting_role(ui, label, cell_w * em - 1.0f * em, 1)))
        emit(SubmitRating{});
      break;
    }
    const std::string& code = codes[i];
    if (toggle(ui, "reason." + code, view.tr("reason." + code), rate.reasons.count(code) > 0, ImVec2(cell_w, 2.8f)))
      emit(ToggleReason{code});
  }
}

}  // namespace

void draw_rate_score(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  const RateFlow& rate = view.state.rate;
  top_bar(ui, view, emit, view.tr("rate.how_was_it", {rate.visit.label}), OpenRate{});
  const float em = ui.em();
  const Palette& p = palette();
  const float width = avail_x();
  const int cells = static_cast<int>(rating_reason_codes().size()) + 1;
  const int columns = columns_for(ui, width, 7.5f, 0.5f, cells, 4);
  const int rows = (cells + columns - 1) / columns;
  const float below_faces =
      0.5f + line_height(ui, ui::FontRole::body) + 0.5f * em + static_cast<float>(rows) * 3.3f * em;
  const float face_h = std::clamp(std::min(cell_width(ui, width, 5, 0.5f) * 1.15f, avail_y() - below_faces - 0.5f * em),
                                  4.5f * em, 8.0f * em);
  if (const int score = kiosk::kit::rating_faces(
          ui, rate.score, [&](int n) { return view.tr("rate.score_" + std::to_string(n)); }, width, face_h))
    emit(PickScore{score});

  // The reasons heading, and beside it (or instead of it) the message: a
  // refusal, the kind "already rated", or the hint to pick a face first.
  std::string message;
  ImVec4 colour = p.text_muted;
  if (rate.error == "already-rated")
    message = view.tr("error.already-rated"), colour = ImVec4(0.55f, 0.88f, 0.62f, 1.0f);
  else if (!rate.error.empty())
    message = error_text(view, rate.error), colour = ImVec4(1.0f, 0.75f, 0.35f, 1.0f);
  else if (rate.score == 0)
    message = view.tr("rate.pick_score"), colour = p.selected;
  const std::string& heading = view.tr("rate.reasons");
  const float heading_w = text_width(ui, heading, ui::FontRole::body);
  const float message_w = text_width(ui, message, ui::FontRole::body);
  const ImVec2 row = ImGui::GetCursorScreenPos();
  const float row_h = line_height(ui, ui::FontRole::body);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  if (message.empty() || heading_w + message_w + 1.5f * em <= width) {
    text_in_rect(ui, draw, heading, ui::FontRole::body, u32(p.text_muted), row, ImVec2(row.x + width, row.y + row_h),
                 Align::left);
    if (!message.empty())
      text_in_rect(ui, draw, message, ui::FontRole::body, u32(colour), ImVec2(row.x + width - message_w, row.y),
                   ImVec2(row.x + width, row.y + row_h), Align::left);
    ImGui::Dummy(ImVec2(width, row_h));
  } else {
    paragraph(ui, message, ui::FontRole::body, colour, Align::left, width);
  }
  reasons_and_send(ui, view, emit, width, columns);
}

}  // namespace kiosk::customer::kit
