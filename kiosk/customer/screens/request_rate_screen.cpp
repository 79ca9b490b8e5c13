// "Rate this job": the request's code in the question, five large faces
// (kit/rating_picker, as technicians' devices show them) and optional reason
// tags, then send. "Already rated" is told kindly, as a thank-you.
#include "customer/screens/customer_kit.h"
#include "kit/rating_picker.h"
#include "ratings/rating_book.h"

namespace kiosk::customer::kit {

void draw_rate_request(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  const RequestRateFlow& rate = view.state.request_rate;
  top_bar(ui, view, emit, view.tr("rate.job_title", {rate.code}), CloseRequestRating{});
  const float em = ui.em();
  const Palette& p = palette();
  const float width = avail_x();
  const float face_h =
      std::clamp(std::min(cell_width(ui, width, 5, 0.5f) * 1.1f, avail_y() - 13.0f * em), 4.5f * em, 8.0f * em);
  if (const int score = kiosk::kit::rating_faces(
          ui, rate.score, [&](int n) { return view.tr("rate.score_" + std::to_string(n)); }, width, face_h))
    emit(PickRequestScore{score});
  if (!rate.error.empty())
    banner(ui,
           view.tr(rate.error == "already-rated" || is_disk_refusal(rate.error) ? "error." + rate.error
                                                                                : "rate.request_failed"),
           rate.error == "already-rated" ? p.info : p.danger, ui::FontRole::body, width);
  else
    paragraph(ui, view.tr(rate.score ? "rate.reasons" : "rate.pick_score"), ui::FontRole::body, p.text_muted,
              Align::left, width);
  const std::string reason = kiosk::kit::rating_reasons(
      ui, rating_reason_codes(), rate.reasons, [&](const std::string& code) { return view.tr("reason." + code); },
      width, columns_for(ui, width, 7.5f, 0.5f, static_cast<int>(rating_reason_codes().size()), 4));
  if (!reason.empty()) emit(ToggleRequestReason{reason});
  const bool ready = rate.score > 0 && !rate.busy && rate.error != "already-rated";
  const std::string& label = view.tr(rate.busy ? "rate.sending" : "rate.submit");
  if (button(ui, "rate.submit", label, ImVec2(width / em, 3.2f), ready ? Tone::primary : Tone::disabled))
    emit(SubmitRequestRating{});
}

}  // namespace kiosk::customer::kit
