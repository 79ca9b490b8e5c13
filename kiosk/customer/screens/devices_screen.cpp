// The Devices screen (staff only, from the admin screen): on one side
// "Enrol a device" and the code it makes, very large, with the time it has
// left, the store node's fingerprint and what to do at the device; on the
// other the devices enrolled, each with "Revoke" and a confirmation in its
// row (no hover, big targets). Ids: "back", "devices.enrol",
// "devices.revoke.<device id>", "devices.revoke_yes", "devices.revoke_cancel".
#include <cstdio>

#include "customer/screens/customer_kit.h"

namespace kiosk::customer::kit {
namespace {

constexpr float kGapEm = 1.2f;

// "483 920": two groups of three, easy to read out and type.
std::string grouped(const std::string& code) {
  return code.size() == 6 ? code.substr(0, 3) + " " + code.substr(3) : code;
}

// "4:32" left.
std::string time_left(EpochMs ms) {
  const EpochMs s = (std::max<EpochMs>(0, ms) + 999) / 1000;
  char text[32];
  std::snprintf(text, sizeof text, "%lld:%02lld", static_cast<long long>(s / 60), static_cast<long long>(s % 60));
  return text;
}

std::string fingerprint_text(const CustomerView& view, const DevicesView* read) {
  if (!read) return view.tr("devices.reading");
  if (!read->fingerprint.empty()) return view.tr("devices.fingerprint", {read->fingerprint});
  if (read->fingerprint_error == "no-tls-identity") return view.tr("devices.no_fingerprint");
  return view.tr("devices.fingerprint_error", {read->fingerprint_error});
}

// One wrapped line at the cursor's column, advancing `y`.
void line(ui::TouchUi& ui, std::string_view text, ui::FontRole role, const ImVec4& colour, float x, float& y,
          float width, Align align = Align::left) {
  const float h = wrapped_height(ui, text, role, width);
  text_in_rect(ui, ImGui::GetWindowDrawList(), text, role, u32(colour), ImVec2(x, y), ImVec2(x + width, y + h), align);
  y += h + 0.3f * ui.em();
}

// The code card (or what a code is for) and the button that makes one.
void enrol_part(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, ImVec2 at, float width, float height) {
  const float em = ui.em();
  const Palette& p = palette();
  const DevicesFlow& d = view.state.admin.devices;
  const DevicesView* read = d.read ? &*d.read : nullptr;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float button_h = 3.4f;
  const float card_bottom = at.y + height - (button_h + 0.6f) * em;
  draw->AddRectFilled(at, ImVec2(at.x + width, card_bottom), u32(p.surface), 0.3f * em);
  const float pad = 0.6f * em;
  const float x = at.x + pad, inner = width - 2 * pad;
  float y = at.y + pad;
  line(ui, view.tr("devices.enrol_heading"), ui::FontRole::large, p.text, x, y, inner);
  if (d.code) {
    const std::string code = grouped(d.code->code);
    ImFont* huge = ui.font(ui::FontRole::huge);
    const float size = std::min(huge->FontSize, huge->FontSize * inner / std::max(1.0f, text_width(ui, code, ui::FontRole::huge)));
    ui.note_text(code, ui::FontRole::huge);
    const float code_w = huge->CalcTextSizeA(size, FLT_MAX, 0, code.c_str()).x;
    draw->AddText(huge, size, ImVec2(std::floor(x + (inner - code_w) / 2), y), u32(p.selected), code.c_str());
    y += size * 0.95f;
    const EpochMs left = d.code->expires_at - view.now;
    line(ui, view.tr("devices.code_left", {time_left(left)}), ui::FontRole::large,
         left < 60'000 ? p.warning : p.text, x, y, inner, Align::centre);
    line(ui, fingerprint_text(view, read), ui::FontRole::large, p.text, x, y, inner, Align::centre);
    line(ui, view.tr("devices.code_do"), ui::FontRole::body, p.text_muted, x, y, inner);
  } else {
    line(ui, view.tr("devices.enrol_hint"), ui::FontRole::body, p.text_muted, x, y, inner);
    line(ui, fingerprint_text(view, read), ui::FontRole::large, p.text, x, y, inner);
  }
  if (!d.code_error.empty()) line(ui, view.tr("devices.code_error"), ui::FontRole::body, p.danger, x, y, inner);
  ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + height - button_h * em));
  const char* label = d.issuing ? "devices.issuing" : d.code ? "devices.enrol_again" : "devices.enrol";
  if (button(ui, "devices.enrol", view.tr(label), ImVec2(width / em, button_h),
             d.issuing ? Tone::disabled : d.code ? Tone::normal : Tone::primary))
    emit(EnrolDevice{});
}

// What a device's row says under its name: kind, last seen or revoked.
std::string device_facts(const CustomerView& view, const EnrolledDevice& device) {
  std::string facts = view.tr(std::string("devices.kind.") + to_string(device.kind)) + " · ";
  if (device.revoked_at) return facts + view.tr("devices.revoked", {duration_text(view, view.now - *device.revoked_at)});
  facts += device.last_seen_at ? view.tr("devices.last_seen", {duration_text(view, view.now - *device.last_seen_at)})
                               : view.tr("devices.never_seen");
  return facts + " · " + view.tr("devices.enrolled");
}

// One device: its name and facts, and "Revoke" (or the question and its two answers).
void device_row(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, const EnrolledDevice& device, ImVec2 at,
                float width, float row_h) {
  const float em = ui.em();
  const Palette& p = palette();
  const DevicesFlow& d = view.state.admin.devices;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 end(at.x + width, at.y + row_h - 0.3f * em);
  draw->AddRectFilled(at, end, u32(p.surface), 0.3f * em);
  const float pad = 0.5f * em, button_h = row_h / em - 1.1f;
  if (d.confirming == device.id) {
    const float answers_w = 2 * 6.5f * em + 0.5f * em;
    const float text_w = width - answers_w - 3 * pad;
    text_in_rect(ui, draw, view.tr("devices.revoke_ask", {device.name}), ui::FontRole::body, u32(p.text),
                 ImVec2(at.x + pad, at.y), ImVec2(at.x + pad + text_w, end.y), Align::left);
    ImGui::SetCursorScreenPos(ImVec2(end.x - pad - answers_w, at.y + 0.4f * em));
    if (button(ui, "devices.revoke_yes", view.tr("devices.revoke_yes"), ImVec2(6.5f, button_h), Tone::danger,
               ui::FontRole::body))
      emit(ConfirmRevokeDevice{});
    ImGui::SameLine(0, 0.5f * em);
    if (button(ui, "devices.revoke_cancel", view.tr("devices.revoke_cancel"), ImVec2(6.5f, button_h), Tone::normal,
               ui::FontRole::body))
      emit(CancelRevokeDevice{});
    return;
  }
  const float revoke_w = device.revoked_at ? 0 : 6.0f * em;
  const float text_w = width - revoke_w - 3 * pad;
  const float name_h = line_height(ui, ui::FontRole::large);
  const ImVec4& colour = device.revoked_at ? p.text_muted : p.text;
  const float top = at.y + std::max(0.0f, (end.y - at.y - name_h - line_height(ui, ui::FontRole::body)) / 2);
  text_in_rect(ui, draw, device.name, ui::FontRole::large, u32(colour), ImVec2(at.x + pad, top),
               ImVec2(at.x + pad + text_w, top + name_h), Align::left);
  text_in_rect(ui, draw, device_facts(view, device), ui::FontRole::body, u32(p.text_muted),
               ImVec2(at.x + pad, top + name_h), ImVec2(at.x + pad + text_w, end.y), Align::left);
  if (device.revoked_at) return;
  ImGui::SetCursorScreenPos(ImVec2(end.x - pad - revoke_w, at.y + 0.4f * em));
  const bool busy = d.revoking;
  if (button(ui, "devices.revoke." + device.id, view.tr(busy ? "devices.revoking" : "devices.revoke"),
             ImVec2(revoke_w / em, button_h), busy ? Tone::disabled : Tone::normal, ui::FontRole::body) &&
      !busy)
    emit(AskRevokeDevice{device.id});
}

// The devices, the enrolled ones first (they are the ones to act on), as many
// rows as fit and a line for the rest.
void list_part(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, ImVec2 at, float width, float height) {
  const float em = ui.em();
  const Palette& p = palette();
  const DevicesFlow& d = view.state.admin.devices;
  float y = at.y;
  if (!d.read) {
    line(ui, view.tr("devices.reading"), ui::FontRole::large, p.text_muted, at.x, y, width);
    return;
  }
  std::vector<const EnrolledDevice*> rows;
  for (const EnrolledDevice& device : d.read->devices)
    if (!device.revoked_at) rows.push_back(&device);
  const std::size_t enrolled = rows.size();
  for (const EnrolledDevice& device : d.read->devices)
    if (device.revoked_at) rows.push_back(&device);
  line(ui, view.tr("devices.list_heading", {std::to_string(enrolled)}), ui::FontRole::large, p.text, at.x, y, width);
  if (!d.read->error.empty())
    line(ui, view.tr("devices.error", {d.read->error}), ui::FontRole::body, p.danger, at.x, y, width);
  if (rows.empty()) {
    line(ui, view.tr("devices.none"), ui::FontRole::body, p.text_muted, at.x, y, width);
    return;
  }
  const float row_h = 4.2f * em;
  const float more_h = line_height(ui, ui::FontRole::body);
  std::size_t fit = static_cast<std::size_t>(std::max(0.0f, (at.y + height - y) / row_h));
  if (fit < rows.size()) fit = static_cast<std::size_t>(std::max(0.0f, (at.y + height - y - more_h) / row_h));
  for (std::size_t i = 0; i < rows.size() && i < fit; ++i, y += row_h)
    device_row(ui, view, emit, *rows[i], ImVec2(at.x, y), width, row_h);
  if (fit < rows.size())
    line(ui, view.tr("devices.more", {std::to_string(rows.size() - fit)}), ui::FontRole::body, p.text_muted, at.x, y,
         width);
}

}  // namespace

void draw_devices(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  top_bar(ui, view, emit, view.tr("devices.title"), CloseDevices{});
  const float em = ui.em();
  const float width = avail_x(), height = avail_y();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  if (wide_layout(ui)) {  // the code on the left, the list on the right
    const float enrol_w = (width - kGapEm * em) * 0.45f;
    enrol_part(ui, view, emit, at, enrol_w, height);
    list_part(ui, view, emit, ImVec2(at.x + enrol_w + kGapEm * em, at.y), width - enrol_w - kGapEm * em, height);
  } else {  // the code above, the list below
    const float enrol_h = std::min(height * 0.55f, 22.0f * em);
    enrol_part(ui, view, emit, at, width, enrol_h);
    list_part(ui, view, emit, ImVec2(at.x, at.y + enrol_h + kGapEm * em), width, height - enrol_h - kGapEm * em);
  }
}

}  // namespace kiosk::customer::kit
