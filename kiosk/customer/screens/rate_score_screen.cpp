// Rate, step two: five large faces from a red frown (1) to a green smile (5),
// drawn with ImDrawList and captioned; optional reason tags as toggles; send.
// "Already rated" is told kindly, as a thank-you, not as an error.
#include "customer/screens/screen_kit.h"
#include "ratings/rating_book.h"

namespace kiosk::customer::kit {
namespace {

void faces(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, float width, float height) {
  const float em = ui.em();
  const Palette& p = palette();
  const int chosen = view.state.rate.score;
  const float face_w = cell_width(ui, width, 5, 0.5f);
  const float x = ImGui::GetCursorPosX();
  for (int score = 1; score <= 5; ++score) {
    if (score > 1) ImGui::SameLine();
    else ImGui::SetCursorPosX(x);
    const bool selected = chosen == score;
    const Tile t = tile(ui, "score." + std::to_string(score), ImVec2(face_w / em, height / em),
                        selected ? Tone::selected : Tone::normal);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const std::string& caption = view.tr("rate.score_" + std::to_string(score));
    const float caption_h = wrapped_height(ui, caption, ui::FontRole::body, face_w - 0.6f * em);
    const float radius = std::min(face_w * 0.36f, (height - caption_h - 1.0f * em) * 0.5f);
    const ImVec2 centre((t.min.x + t.max.x) / 2, t.min.y + 0.45f * em + radius);
    if (selected) draw->AddCircle(centre, radius + 0.22f * em, u32(p.text_on_selected), 48, 0.16f * em);
    draw_face(draw, centre, radius, score, chosen != 0 && !selected);
    text_in_rect(ui, draw, caption, ui::FontRole::body, u32(selected ? p.text_on_selected : p.text),
                 ImVec2(t.min.x + 0.3f * em, centre.y + radius + 0.2f * em), ImVec2(t.max.x - 0.3f * em, t.max.y - 0.2f * em),
                 Align::centre);
    if (selected) draw_check_badge(draw, ImVec2(t.max.x - 0.8f * em, t.min.y + 0.8f * em), 0.55f * em);
    if (t.clicked) emit(PickScore{score});
  }
}

void reasons(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, float width) {
  const float em = ui.em();
  const std::vector<std::string>& codes = rating_reason_codes();
  const int columns = columns_for(ui, width, 8.0f, 0.5f, static_cast<int>(codes.size()), 4);
  const float reason_w = cell_width(ui, width, columns, 0.5f) / em;
  const float x = ImGui::GetCursorPosX();
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (i % columns != 0) ImGui::SameLine();
    else ImGui::SetCursorPosX(x);
    const std::string& code = codes[i];
    if (toggle(ui, "reason." + code, view.tr("reason." + code), view.state.rate.reasons.count(code) > 0,
               ImVec2(reason_w, 2.6f)))
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
  const int reason_columns = columns_for(ui, width, 8.0f, 0.5f, static_cast<int>(rating_reason_codes().size()), 4);
  const int reason_rows = (static_cast<int>(rating_reason_codes().size()) + reason_columns - 1) / reason_columns;
  const float below_faces = 0.6f * em + line_height(ui, ui::FontRole::body) + 0.5f * em +
                            static_cast<float>(reason_rows) * 3.1f * em + 3.9f * em;
  const float face_h = std::clamp(std::min(cell_width(ui, width, 5, 0.5f) * 1.15f, avail_y() - below_faces), 4.5f * em,
                                  8.0f * em);
  faces(ui, view, emit, width, face_h);
  gap(ui, 0.1f);
  paragraph(ui, view.tr("rate.reasons"), ui::FontRole::body, p.text_muted, Align::left, width);
  reasons(ui, view, emit, width);

  // The message (refusal or hint) and the send button at the bottom.
  std::string message;
  ImVec4 fill = p.surface;
  if (rate.error == "already-rated") message = view.tr("error.already-rated"), fill = p.success;
  else if (!rate.error.empty()) message = error_text(view, rate.error), fill = p.warning;
  else if (rate.score == 0) message = view.tr("rate.pick_score");
  const float send_w = std::min(width / em, std::max(12.0f, text_width(ui, view.tr("rate.submit"), ui::FontRole::large) / em + 3));
  const float below = 3.4f * em;
  if (avail_y() > below) ImGui::SetCursorPosY(ImGui::GetCursorPosY() + avail_y() - below);
  const float message_w = width - send_w * em - 0.5f * em;
  if (!message.empty() && message_w > 6 * em) {
    const float message_h = wrapped_height(ui, message, ui::FontRole::body, message_w - 1.2f * em) + 1.2f * em;
    const ImVec2 at = ImGui::GetCursorPos();
    ImGui::SetCursorPosY(at.y + std::max(0.0f, (below - message_h) / 2));
    banner(ui, message, fill, ui::FontRole::body, message_w);
    ImGui::SetCursorPos(ImVec2(at.x + width - send_w * em, at.y));
  } else {
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + width - send_w * em);
  }
  const bool ready = rate.score > 0 && !rate.busy && rate.error != "already-rated";
  if (button(ui, "rate.submit", rate.busy ? view.tr("rate.sending") : view.tr("rate.submit"), ImVec2(send_w, 3.4f),
             ready ? Tone::primary : Tone::disabled))
    emit(SubmitRating{});
}

}  // namespace kiosk::customer::kit
