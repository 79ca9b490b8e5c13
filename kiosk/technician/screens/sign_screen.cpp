// The customer's signature: the whole page is the pad (kit/signature_pad.h),
// as wide as the screen and as tall as it allows, under what signing means;
// Back and Done (once there is enough ink) return to the completion with the
// strokes kept. Nothing is stored until the completion is finished.
#include <algorithm>

#include "kit/signature_pad.h"
#include "technician/screens/technician_kit.h"

namespace kiosk::technician::screens {

void draw_sign(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit) {
  const TechnicianState& s = view.state;
  if (!s.job) return;
  top_bar(ui, view, emit, view.tr("tech.sign.title", {s.job->line.code}));
  const float em = ui.em();
  const float width = avail_x();
  const bool signed_enough = kit::looks_signed(s.completion.signature.strokes);
  if (button(ui, "sign.back", view.tr("tech.job.back"), ImVec2(8.0f, 3.0f), Tone::normal, ui::FontRole::body))
    emit(CloseSignature{});
  ImGui::SameLine(0, 0.5f * em);
  if (button(ui, "sign.done", view.tr("tech.sign.done"), ImVec2(width / em - 8.5f, 3.0f),
             signed_enough ? Tone::primary : Tone::disabled) &&
      signed_enough)
    emit(CloseSignature{});
  paragraph(ui, view.tr("tech.sign.hint"), ui::FontRole::body, palette().text_muted, Align::left, width);
  const float pad_h = std::clamp(avail_y() - (kSignatureButtonRowEm + 0.5f) * em, 5.0f * em, width / 2);
  if (std::optional<SignatureInput> ink =
          signature_pad(ui, s.completion.signature, view.texts, view.state.language, width, pad_h))
    emit(*ink);
}

}  // namespace kiosk::technician::screens
