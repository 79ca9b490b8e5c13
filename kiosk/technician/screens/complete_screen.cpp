// Completion: what was done (a resolution), the customer's rating on the same
// tablet (five faces and reasons, optional), and the customer's confirmation
// with their signature: ticking "the customer confirms and signs" opens the
// signature page (sign_screen.cpp), and the signature then shows here, small,
// with a button to sign again; a confirmation needs a signature. Back, the
// confirmation and the one button that stores it all stay at the top.
#include <algorithm>
#include <cfloat>

#include "kit/rating_picker.h"
#include "kit/signature_ink.h"
#include "ratings/rating_book.h"
#include "technician/screens/technician_kit.h"

namespace kiosk::technician::screens {
namespace {

constexpr float kGapEm = 0.5f;

void resolutions(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit, float width) {
  const float em = ui.em();
  paragraph(ui, view.tr("tech.complete.resolution"), ui::FontRole::body, palette().text_muted, Align::left, width);
  const std::vector<std::string>& keys = resolution_keys();
  const int columns = columns_for(ui, width, 8.0f, kGapEm, static_cast<int>(keys.size()), 5);
  const float cell_w = cell_width(ui, width, columns, kGapEm) / em;
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

// The faces (as tall as `face_h`) across `width`.
void faces(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit, float width, float face_h) {
  paragraph(ui, view.tr("tech.complete.rating"), ui::FontRole::body, palette().text_muted, Align::left, width);
  if (const int score = rating_faces(
          ui, view.state.completion.score, [&](int n) { return view.tr("rate.score_" + std::to_string(n)); }, width,
          face_h))
    emit(PickScore{score});
}

// The reasons, once a face is chosen, in `columns`.
void reasons(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit, float width, int columns) {
  const CompletionForm& c = view.state.completion;
  if (c.score == 0) return;
  const std::string reason = rating_reasons(
      ui, rating_reason_codes(), c.reasons, [&](const std::string& code) { return view.tr("reason." + code); }, width,
      columns);
  if (!reason.empty()) emit(ToggleReason{reason});
}

// The strokes fitted into a small white card, as on paper.
void ink_preview(ui::TouchUi& ui, const std::vector<kit::InkStroke>& strokes, ImVec2 min, ImVec2 max) {
  const float em = ui.em();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, IM_COL32_WHITE, 0.2f * em);
  ImVec2 lo(FLT_MAX, FLT_MAX), hi(-FLT_MAX, -FLT_MAX);
  for (const kit::InkStroke& stroke : strokes)
    for (kit::InkPoint p : stroke) {
      lo = ImVec2(std::min(lo.x, p.x), std::min(lo.y, p.y));
      hi = ImVec2(std::max(hi.x, p.x), std::max(hi.y, p.y));
    }
  if (lo.x > hi.x) return;
  const float margin = 0.3f * em;
  const float room_w = max.x - min.x - 2 * margin, room_h = max.y - min.y - 2 * margin;
  const float scale = std::min({room_w / std::max(hi.x - lo.x, 0.01f), room_h / std::max(hi.y - lo.y, 0.01f), em});
  const ImVec2 origin(min.x + margin + (room_w - (hi.x - lo.x) * scale) / 2,
                      min.y + margin + (room_h - (hi.y - lo.y) * scale) / 2);
  std::vector<ImVec2> points;
  for (const kit::InkStroke& stroke : strokes) {
    points.clear();
    for (kit::InkPoint p : stroke)
      points.emplace_back(origin.x + (p.x - lo.x) * scale, origin.y + (p.y - lo.y) * scale);
    draw->AddPolyline(points.data(), static_cast<int>(points.size()), IM_COL32(13, 18, 28, 255), 0,
                      std::max(1.5f, 0.08f * em));
  }
}

// Once the customer confirms: their signature as it stands (`card_h` tall)
// and under it the button that opens the pad; until then, that they sign
// once they confirm.
void signature_box(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit, float width, float card_h) {
  const CompletionForm& c = view.state.completion;
  const float em = ui.em();
  if (!c.confirmed) {
    paragraph(ui, view.tr("tech.complete.sign_hint"), ui::FontRole::body, palette().text_muted, Align::left, width);
    return;
  }
  const bool signed_enough = kit::looks_signed(c.signature.strokes);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const ImVec2 card_max(at.x + width, at.y + card_h);
  if (signed_enough) {
    ink_preview(ui, c.signature.strokes, at, card_max);
  } else {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRect(at, card_max, u32(palette().selected), 0.2f * em, 0, 0.1f * em);
    text_in_rect(ui, draw, view.tr("tech.sign.missing"), ui::FontRole::body, u32(palette().selected), at, card_max,
                 Align::centre);
  }
  ImGui::Dummy(ImVec2(width, card_h));
  if (button(ui, "complete.sign", view.tr(signed_enough ? "tech.sign.again" : "tech.sign.open"),
             ImVec2(width / em, 2.8f), signed_enough ? Tone::normal : Tone::primary, ui::FontRole::body))
    emit(OpenSignature{});
}

}  // namespace

void draw_complete(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit) {
  const TechnicianState& s = view.state;
  if (!s.job) return;
  const CompletionForm& c = s.completion;
  top_bar(ui, view, emit, view.tr("tech.complete.title", {s.job->line.code}));
  message_bands(ui, view);
  const float em = ui.em();
  const float width = avail_x();
  // Back, the customer's confirmation, and the one button that finishes the
  // job: always in reach at the top, however long the page below.
  const float half = (width / em - 8.0f - 2 * kGapEm) / 2;
  if (button(ui, "complete.back", view.tr("tech.job.back"), ImVec2(8.0f, 3.0f), Tone::normal, ui::FontRole::body))
    emit(BackToJob{});
  ImGui::SameLine(0, kGapEm * em);
  if (toggle(ui, "complete.confirmed", view.tr("tech.complete.confirmed"), c.confirmed, ImVec2(half, 3.0f)))
    emit(ToggleConfirmed{});
  ImGui::SameLine(0, kGapEm * em);
  const std::string& submit = view.tr(s.busy                ? "tech.complete.sending"
                                      : c.unconfirmed_asked ? "tech.complete.submit_unconfirmed"
                                                            : "tech.complete.submit");
  if (button(ui, "complete.submit", submit, ImVec2(half, 3.0f), s.busy ? Tone::disabled : Tone::primary) && !s.busy)
    emit(SubmitCompletion{});
  resolutions(ui, view, emit, width);
  gap(ui, 0.2f);
  const int columns = columns_for(ui, width, 8.0f, kGapEm, 7, 4);
  const float reason_rows = static_cast<float>((7 + columns - 1) / columns);
  if (!wide_layout(ui)) {  // portrait: one under the other
    faces(ui, view, emit, width, 5.0f * em);
    reasons(ui, view, emit, width, columns);
    gap(ui, 0.3f);
    signature_box(ui, view, emit, std::min(width, 18.0f * em), 5.0f * em);
    return;
  }
  // Landscape: the faces with the signature beside them, as tall as the
  // room left above the reasons' rows allows (kept free before a face is
  // chosen, so nothing jumps), then the reasons.
  const float side_w = 11.0f * em, faces_w = width - side_w - 0.8f * em;
  const float face_h = std::clamp(avail_y() - (reason_rows * (2.8f + kGapEm) + 2.4f) * em, 3.6f * em, 6.0f * em);
  const ImVec2 top = ImGui::GetCursorPos();
  ImGui::BeginGroup();
  faces(ui, view, emit, faces_w, face_h);
  ImGui::EndGroup();
  const float faces_bottom = ImGui::GetCursorPosY();
  ImGui::SetCursorPos(ImVec2(top.x + faces_w + 0.8f * em, top.y));
  ImGui::BeginGroup();
  const float label_h = line_height(ui, ui::FontRole::body) + kGapEm * em;  // beside the faces' label and faces
  signature_box(ui, view, emit, side_w, std::max(2.0f * em, label_h + face_h - (2.8f + kGapEm) * em));
  ImGui::EndGroup();
  ImGui::SetCursorPos(ImVec2(top.x, std::max(faces_bottom, ImGui::GetCursorPosY())));
  reasons(ui, view, emit, width, columns);
}

}  // namespace kiosk::technician::screens
