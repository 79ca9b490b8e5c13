// The signature pad's drawing and what a finger on it reports (see signature_pad.h).
#include "kit/signature_pad.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "kit/touch_kit.h"

namespace kiosk::kit {
namespace {

// The pad's own colours: paper white, ink near black, guides a quiet grey.
const ImVec4 kPaper{1.0f, 1.0f, 1.0f, 1.0f};
const ImVec4 kInk{0.051f, 0.071f, 0.110f, 1.0f};     // #0d121c
const ImVec4 kGuide{0.545f, 0.580f, 0.639f, 1.0f};   // #8b94a3: baseline, "x", hint
const ImVec4 kBorder{0.400f, 0.451f, 0.525f, 1.0f};  // #667386
constexpr float kBaselineAt = 0.74f;                 // of the pad's height, from its top
constexpr float kBaselineInset = 0.06f;              // of the pad's width, at each end
constexpr float kClearButtonEm = 8.0f;
constexpr float kClearButtonHeightEm = 3.0f;  // as the technician's other buttons

float distance(InkPoint a, InkPoint b) { return std::hypot(a.x - b.x, a.y - b.y); }

void draw_guides(ui::TouchUi& ui, ImDrawList* draw, const SignatureInk& ink, const std::string& hint, ImVec2 min,
                 ImVec2 max) {
  const float em = ui.em();
  const float width = max.x - min.x;
  const float baseline_y = std::floor(min.y + kBaselineAt * (max.y - min.y)) + 0.5f;
  const float left = min.x + kBaselineInset * width;
  const float right = max.x - kBaselineInset * width;
  const float guide = std::max(1.0f, 0.07f * em);
  draw->AddLine(ImVec2(left, baseline_y), ImVec2(right, baseline_y), u32(kGuide), guide);
  // The "x" where a signature starts, just above the baseline's left end.
  const float x_size = 0.45f * em;
  const ImVec2 x_min(left + 0.2f * em, baseline_y - 0.35f * em - x_size);
  const ImVec2 x_max(x_min.x + x_size, x_min.y + x_size);
  draw->AddLine(x_min, x_max, u32(kGuide), 1.5f * guide);
  draw->AddLine(ImVec2(x_min.x, x_max.y), ImVec2(x_max.x, x_min.y), u32(kGuide), 1.5f * guide);
  if (ink.strokes.empty())
    text_in_rect(ui, draw, hint, ui::FontRole::large, u32(kGuide), ImVec2(left, min.y),
                 ImVec2(right, baseline_y - 0.3f * em), Align::centre);
}

// The strokes as a round pen draws them: lines with a disc at every point,
// so corners and dots are round.
void draw_ink(ui::TouchUi& ui, ImDrawList* draw, const SignatureInk& ink, ImVec2 origin) {
  const float em = ui.em();
  const float thickness = std::max(2.0f, 0.15f * em);
  const ImU32 colour = u32(kInk);
  std::vector<ImVec2> points;
  for (const InkStroke& stroke : ink.strokes) {
    points.clear();
    for (InkPoint p : stroke) points.emplace_back(origin.x + p.x * em, origin.y + p.y * em);
    if (points.size() > 1) draw->AddPolyline(points.data(), static_cast<int>(points.size()), colour, 0, thickness);
    for (const ImVec2& p : points) draw->AddCircleFilled(p, thickness / 2, colour, 12);
  }
}

}  // namespace

std::optional<SignatureInput> signature_pad(ui::TouchUi& ui, const SignatureInk& ink, const app::Translations& texts,
                                            app::Language language, float width, float pad_height) {
  const float em = ui.em();

  // The pad: a big button painted white (its rectangle recorded under its id)
  // whose press, hold and release are the pen.
  ImGui::PushStyleColor(ImGuiCol_Button, kPaper);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, kPaper);
  ui.big_button("signature.pad", "", ImVec2(width / em, pad_height / em));
  ImGui::PopStyleColor(2);
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const InkPoint at{std::clamp(mouse.x, min.x, max.x - 1) - min.x, std::clamp(mouse.y, min.y, max.y - 1) - min.y};
  const InkPoint at_em{at.x / em, at.y / em};
  std::optional<SignatureInput> input;
  if (ImGui::IsItemActivated()) {
    input = PenDown{at_em};
  } else if (ImGui::IsItemDeactivated()) {
    if (ink.drawing) input = PenUp{at_em};
  } else if (ImGui::IsItemActive() && ink.drawing && !ink.strokes.empty() && !ink.strokes.back().empty() &&
             distance(ink.strokes.back().back(), at_em) >= kMinInkStepEm) {
    input = PenMove{at_em};
  }

  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->PushClipRect(min, max, true);
  draw_guides(ui, draw, ink, texts.text("signature.hint", language), min, max);
  draw_ink(ui, draw, ink, min);
  draw->PopClipRect();
  const float border = std::max(1.0f, 0.06f * em);
  draw->AddRect(ImVec2(min.x + border / 2, min.y + border / 2), ImVec2(max.x - border / 2, max.y - border / 2),
                u32(kBorder), 0.25f * em, 0, border);

  // Clear, under the pad's right end.
  ImGui::SetCursorScreenPos(
      ImVec2(max.x - kClearButtonEm * em, max.y + (kSignatureButtonRowEm - kClearButtonHeightEm) * em));
  const bool empty = ink.strokes.empty();
  if (button(ui, "signature.clear", texts.text("signature.clear", language),
             ImVec2(kClearButtonEm, kClearButtonHeightEm), empty ? Tone::disabled : Tone::normal) &&
      !empty)
    input = ClearSignature{};
  return input;
}

}  // namespace kiosk::kit
