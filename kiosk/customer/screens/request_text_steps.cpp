// The request form's typing steps: the model and serial number (both
// optional), the description, the contact (name, and the phone on the keypad,
// masked once entered) and the address. The field(s)
// and back/next share the top row; the keyboard with its candidate bar fills
// the rest.
#include "core/phone.h"
#include "core/text.h"
#include "customer/screens/customer_kit.h"
#include "requests/request_validation.h"

namespace kiosk::customer::kit {
namespace {

void phone_tile(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, float width, float height) {
  const float em = ui.em();
  const std::string& phone = view.state.request.draft.phone;
  const Tile t = tile(ui, "request.phone", ImVec2(width / em, height / em), Tone::normal);
  const std::string label =
      phone.empty() ? view.tr("request.phone_add") : view.tr("request.phone_label") + " " + mask_phone(phone);
  text_in_rect(ui, ImGui::GetWindowDrawList(), label, ui::FontRole::body,
               u32(phone.empty() ? palette().text_muted : palette().text), ImVec2(t.min.x + 0.5f * em, t.min.y),
               ImVec2(t.max.x - 0.5f * em, t.max.y), Align::centre);
  if (t.clicked) emit(OpenPhonePad{});
}

}  // namespace

void draw_text_step(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  const float em = ui.em();
  const RequestFlow& r = view.state.request;
  const RequestDraft& d = r.draft;
  switch (r.step) {
    case FormStep::Model:
      step_heading(ui, view, view.tr("request.model_question", {std::to_string(kMaxModelChars)}), ui::FontRole::body);
      break;
    case FormStep::Description: {
      const std::string count = view.tr("request.chars", {std::to_string(utf8_length(d.description).value_or(0)),
                                                          std::to_string(kMaxDescriptionChars)});
      step_heading(ui, view, view.tr("request.description_question") + "  " + count, ui::FontRole::body);
      break;
    }
    case FormStep::Contact:
      step_heading(ui, view, view.tr("request.name_label") + " · " + view.tr("request.phone_label"),
                   ui::FontRole::body);
      break;
    default:
      step_heading(ui, view, view.tr("request.address_label"), ui::FontRole::body);
      break;
  }
  const float width = avail_x();
  const float buttons_w = std::min(13.0f * em, width * 0.4f);
  const float field_w = width - buttons_w - 0.5f * em;
  const float field_h = 2.6f * em;
  const ImVec2 top = ImGui::GetCursorPos();
  switch (r.step) {
    case FormStep::Model:
      draw_text_field(ui, view, emit, TextTarget::Model, d.model, view.tr("request.model_label"),
                      ImVec2(field_w * 0.5f, field_h), r.target == TextTarget::Model);
      ImGui::SameLine(0, 0.4f * em);
      draw_text_field(ui, view, emit, TextTarget::Serial, d.serial, view.tr("request.serial_label"),
                      ImVec2(field_w * 0.5f - 0.4f * em, field_h), r.target == TextTarget::Serial);
      break;
    case FormStep::Description:
      draw_text_field(ui, view, emit, TextTarget::Description, d.description, view.tr("keys.type_here"),
                      ImVec2(field_w, field_h), true);
      break;
    case FormStep::Contact:
      draw_text_field(ui, view, emit, TextTarget::Name, d.name, view.tr("request.name_label"),
                      ImVec2(field_w * 0.5f, field_h), true);
      ImGui::SameLine(0, 0.4f * em);
      phone_tile(ui, view, emit, field_w * 0.5f - 0.4f * em, field_h);
      break;
    default:
      draw_text_field(ui, view, emit, TextTarget::Address, d.address, view.tr("request.address_label"),
                      ImVec2(field_w, field_h), true);
      break;
  }
  ImGui::SetCursorPos(ImVec2(top.x + field_w + 0.5f * em, top.y));
  ImGui::BeginGroup();
  step_buttons(ui, view, emit, buttons_w);
  ImGui::EndGroup();
  ImGui::SetCursorPos(ImVec2(top.x, top.y + field_h + 0.4f * em));
  draw_text_keyboard(ui, view, emit, r.layout, is_code_field(r.target), width, avail_y());
}

}  // namespace kiosk::customer::kit
