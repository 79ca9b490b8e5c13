// The enrol screens' drawing (see enrol_screen.h).
#include "kit/enrol_screen.h"

#include <algorithm>
#include <functional>
#include <string>

#include "kit/login_keys.h"
#include "kit/touch_kit.h"

namespace kiosk::kit {
namespace {

constexpr float kColumnGapEm = 1.2f;
constexpr float kPadWidthEm = 18.0f;

// A keyboard types the code too (a counter's, or one plugged into a display):
// a digit, Backspace, Enter.
std::optional<EnrolInput> keyboard_input() {
  for (ImWchar c : ImGui::GetIO().InputQueueCharacters)
    if (c >= '0' && c <= '9') return EnrolKey{static_cast<char>(c)};
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace), false)) return EnrolKey{'<'};
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false))
    return SubmitEnrol{};
  return std::nullopt;
}

using Tr = std::function<std::string(std::string_view, std::initializer_list<std::string>)>;

std::optional<EnrolInput> code_entry(ui::TouchUi& ui, const DeviceEnrolment& e, const Tr& tr,
                                     std::string_view node_url) {
  const float em = ui.em();
  const Palette& p = palette();
  std::optional<EnrolInput> tapped = keyboard_input();
  paragraph(ui, tr("device.enrol.title", {}), ui::FontRole::large, p.text, Align::left);
  gap(ui, 0.3f);
  paragraph(ui, tr("device.enrol.ask", {}), ui::FontRole::body, p.text, Align::left);
  paragraph(ui, tr("device.enrol.node", {std::string(node_url)}), ui::FontRole::body, p.text_muted, Align::left);
  gap(ui, 0.6f);

  const float width = avail_x();
  const bool wide = wide_layout(ui);
  const float pad_w = std::min(width, kPadWidthEm * em);
  const float form_w = wide ? std::max(width - pad_w - kColumnGapEm * em, 0.35f * width) : width;
  const ImVec2 top = ImGui::GetCursorPos();
  ImGui::BeginGroup();
  login_field(ui, "enrol.code", tr("device.enrol.code", {}), e.code, false, tr("device.enrol.code_hint", {}), true,
              form_w);
  gap(ui, 0.4f);
  if (!e.refusal.empty()) {
    banner(ui, tr("device.enrol.error." + e.refusal, {}), p.danger, ui::FontRole::body, form_w);
    gap(ui, 0.4f);
  }
  const std::string submit = tr(e.busy ? "device.enrol.checking" : "device.enrol.submit", {});
  const bool ready = !e.busy && e.code.size() == kEnrolCodeDigits;
  if (button(ui, "enrol.submit", submit, ImVec2(form_w / em, 3.2f), ready ? Tone::primary : Tone::disabled) && !e.busy)
    tapped = SubmitEnrol{};
  ImGui::EndGroup();

  if (wide) {
    ImGui::SetCursorPos(ImVec2(top.x + form_w + kColumnGapEm * em, top.y + 1.4f * em));
  } else {
    gap(ui, 0.6f);
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - pad_w) / 2);
  }
  const std::string space = tr("staff.login.key.space", {}), del = tr("staff.login.key.delete", {}),
                    clear = tr("staff.login.key.clear", {});
  ImGui::BeginGroup();
  const char key = digit_keys(ui, KeyLabels{space, del, clear}, pad_w);
  ImGui::EndGroup();
  if (key) tapped = EnrolKey{key};
  return tapped;
}

std::optional<EnrolInput> wrong_server(ui::TouchUi& ui, const DeviceEnrolment& e, const Tr& tr,
                                       std::string_view node_url) {
  const Palette& p = palette();
  const std::string title = tr("device.wrong.title", {});
  banner(ui, title, p.danger, fitting_role(ui, title, avail_x() - 2 * ui.em(), 1));  // one line, smaller if need be
  gap(ui, 0.6f);
  paragraph(ui, tr("device.wrong.expected", {}), ui::FontRole::body, p.text_muted, Align::left);
  paragraph(ui, e.fingerprint, ui::FontRole::large, p.text, Align::left);
  paragraph(ui, tr("device.enrol.node", {std::string(node_url)}), ui::FontRole::body, p.text_muted, Align::left);
  gap(ui, 0.6f);
  paragraph(ui, tr("device.wrong.staff", {}), ui::FontRole::body, p.text, Align::left);
  gap(ui, 1.0f);
  if (button(ui, "enrol.again", tr("device.wrong.again", {}), ImVec2(std::min(avail_x() / ui.em(), 20.0f), 3.2f),
             Tone::primary))
    return EnrolAgain{};
  return std::nullopt;
}

void just_enrolled(ui::TouchUi& ui, const DeviceEnrolment& e, const Tr& tr) {
  const Palette& p = palette();
  banner(ui, tr("device.enrolled.title", {}), p.success, ui::FontRole::large);
  gap(ui, 0.8f);
  paragraph(ui, tr("device.enrolled.fingerprint", {}), ui::FontRole::body, p.text_muted, Align::centre);
  paragraph(ui, e.fingerprint, ui::FontRole::large, p.text, Align::centre);
  gap(ui, 0.8f);
  paragraph(ui, tr("device.enrolled.compare", {}), ui::FontRole::body, p.text, Align::centre);
}

}  // namespace

std::optional<EnrolInput> enrol_panel(ui::TouchUi& ui, const DeviceEnrolment& enrolment, const app::Translations& texts,
                                      app::Language language, std::string_view node_url) {
  const Tr tr = [&](std::string_view key, std::initializer_list<std::string> values) {
    return texts.format(key, language, values);
  };
  switch (enrolment.standing) {
    case DeviceStanding::NotEnrolled:
      return code_entry(ui, enrolment, tr, node_url);
    case DeviceStanding::WrongServer:
      return wrong_server(ui, enrolment, tr, node_url);
    case DeviceStanding::Enrolled:
      just_enrolled(ui, enrolment, tr);
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace kiosk::kit
