// The request form's last two steps: consent after a short privacy notice
// (PIPL: what is collected, why, who keeps it, how long), and the review of
// everything entered (phone masked) with "change" per part and the submit.
#include "core/phone.h"
#include "core/store_time_zone.h"
#include "customer/screens/customer_kit.h"
#include "paper/request_wording.h"

namespace kiosk::customer::kit {

using paper::day_text;
using paper::request_summary;
using paper::window_text;
namespace {

// One review row: label, value (wrapped), and a "change" button to its step.
void review_row(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, const char* id, std::string_view label,
                const std::string& value, FormStep step, float width) {
  const float em = ui.em();
  const Palette& p = palette();
  const float label_w = 6.0f * em, change_w = 5.0f * em;
  const float value_w = width - label_w - change_w - 0.8f * em;
  const float h = std::max(2.5f * em, wrapped_height(ui, value, ui::FontRole::body, value_w) + 0.3f * em);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  text_in_rect(ui, draw, label, ui::FontRole::body, u32(p.text_muted), at, ImVec2(at.x + label_w, at.y + h),
               Align::left);
  text_in_rect(ui, draw, value, ui::FontRole::body, u32(p.text), ImVec2(at.x + label_w, at.y),
               ImVec2(at.x + label_w + value_w, at.y + h), Align::left);
  ImGui::SetCursorScreenPos(ImVec2(at.x + width - change_w, at.y + (h - 2.5f * em) / 2));
  if (button(ui, id, view.tr("request.review_edit"), ImVec2(change_w / em, 2.5f), Tone::normal, ui::FontRole::body))
    emit(EditStep{step});
  draw->AddLine(ImVec2(at.x, at.y + h + 0.06f * em), ImVec2(at.x + width, at.y + h + 0.06f * em), u32(p.surface),
                0.06f * em);
  ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + h + 0.12f * em));  // the next row right below, no item spacing
}

// "型号 KFR-35GW · 序列号 SN1 · 购于 2024-06-01 · 加急": what was given of the optional details, and the urgency.
std::string details_text(const CustomerView& view, const RequestDraft& d) {
  std::string text;
  auto add = [&](const std::string& part) { text += (text.empty() ? "" : " · ") + part; };
  if (!d.model.empty()) add(view.tr("request.review_model", {d.model}));
  if (!d.serial.empty()) add(view.tr("request.review_serial", {d.serial}));
  if (!d.purchase_date.empty()) add(view.tr("request.review_purchase", {d.purchase_date}));
  add(view.tr(std::string("request.urgency.") + to_string(d.urgency)));
  return text;
}

}  // namespace

void draw_consent_step(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  const float em = ui.em();
  step_heading(ui, view, view.tr("request.consent_title"));
  const float width = avail_x();
  const float text_w = std::min(width, 30.0f * em);
  paragraph(ui, view.tr("request.consent_body"), ui::FontRole::body, palette().text, Align::left, text_w);
  gap(ui, 0.6f);
  if (toggle(ui, "request.consent", view.tr("request.consent_agree"), view.state.request.draft.consent,
             ImVec2(text_w / em, 3.0f), ui::FontRole::large))
    emit(ToggleConsent{});
  if (avail_y() > 2.6f * em) ImGui::SetCursorPosY(ImGui::GetCursorPosY() + avail_y() - 2.6f * em);
  const float buttons_w = std::min(width, 26.0f * em);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + width - buttons_w);
  step_buttons(ui, view, emit, buttons_w);
}

void draw_review_step(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  const float em = ui.em();
  const RequestFlow& r = view.state.request;
  const RequestDraft& d = r.draft;
  const Language l = view.state.language;
  // The title is on the top bar (request_screen.cpp); a refusal that names no step is said here.
  if (!r.error.empty()) step_heading(ui, view, view.tr("request.review_title"), ui::FontRole::body);
  const float width = avail_x();
  const int weekday = weekday_of(d.date);
  // The product's details (model, serial, purchase date, urgency) with what it is: one row, wrapped where long.
  review_row(ui, view, emit, "review.what", view.tr("request.review_what"),
             request_summary(view.texts, l, d.kind.value_or(RequestKind::Repair), d.product, d.problem, r.products) +
                 " · " + details_text(view, d),
             FormStep::Kind, width);
  review_row(ui, view, emit, "review.description", view.tr("request.review_description"),
             d.description.empty() ? view.tr("request.none") : d.description, FormStep::Description, width);
  review_row(ui, view, emit, "review.contact", view.tr("request.review_contact"), d.name + "  " + mask_phone(d.phone),
             FormStep::Contact, width);
  review_row(ui, view, emit, "review.address", view.tr("request.review_address"), d.address, FormStep::Address, width);
  review_row(ui, view, emit, "review.when", view.tr("request.review_visit"),
             day_text(view.texts, l, d.date, weekday) + " " + (d.window ? window_text(view.texts, l, *d.window) : ""),
             FormStep::When, width);
  if (avail_y() > 2.6f * em) ImGui::SetCursorPosY(ImGui::GetCursorPosY() + avail_y() - 2.6f * em);
  const float w = cell_width(ui, std::min(width, 30.0f * em), 2, 0.4f) / em;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + width - (2 * w + 0.4f) * em);
  if (button(ui, "request.previous", view.tr("request.previous"), ImVec2(w, 2.5f), Tone::normal, ui::FontRole::body))
    emit(PreviousStep{});
  ImGui::SameLine(0, 0.4f * em);
  const std::string& label = view.tr(r.submitting ? "request.submitting" : "request.submit");
  if (button(ui, "request.submit", label, ImVec2(w, 2.5f), r.submitting ? Tone::disabled : Tone::primary))
    emit(SubmitRequest{});
}

}  // namespace kiosk::customer::kit
