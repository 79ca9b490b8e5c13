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

// The node's fingerprint ("AB12-CD34"), or why there is none; `plain`: the
// fingerprint alone, for a line of its own under "Node fingerprint".
std::string fingerprint_text(const CustomerView& view, const DevicesView* read, bool plain) {
  if (!read) return view.tr("devices.reading");
  if (!read->fingerprint.empty())
    return plain ? read->fingerprint : view.tr("devices.fingerprint", {read->fingerprint});
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
  if (!d.code) line(ui, view.tr("devices.enrol_heading"), ui::FontRole::large, p.text, x, y, inner);
  if (d.code) {
    // The lines under the code first; the code takes the room left (never below half size).
    const EpochMs left = d.code->expires_at - view.now;
    const std::string left_text = view.tr("devices.code_left", {time_left(left)});
    // The fingerprint on one line where it fits, else its label small above it.
    std::string fingerprint_label = view.tr("devices.fingerprint_label");
    std::string fingerprint = fingerprint_text(view, read, false);
    if (text_width(ui, fingerprint, ui::FontRole::large) <= inner)
      fingerprint_label.clear();
    else
      fingerprint = fingerprint_text(view, read, true);
    const std::string what_to_do = view.tr("devices.code_do");
    auto height_of = [&](std::string_view text, ui::FontRole role) {
      return text.empty() ? 0.0f : wrapped_height(ui, text, role, inner) + 0.3f * em;
    };
    const float below = height_of(left_text, ui::FontRole::large) + height_of(fingerprint_label, ui::FontRole::body) +
                        height_of(fingerprint, ui::FontRole::large) + height_of(what_to_do, ui::FontRole::body);
    const std::string code = grouped(d.code->code);
    ImFont* huge = ui.font(ui::FontRole::huge);
    const float fit_width = huge->FontSize * inner / std::max(1.0f, text_width(ui, code, ui::FontRole::huge));
    const float fit_height = (card_bottom - pad - y - below) / 0.95f;
    const float size = std::max(huge->FontSize * 0.5f, std::min({huge->FontSize, fit_width, fit_height}));
    ui.note_text(code, ui::FontRole::huge);
    const float code_w = huge->CalcTextSizeA(size, FLT_MAX, 0, code.c_str()).x;
    draw->AddText(huge, size, ImVec2(std::floor(x + (inner - code_w) / 2), y), u32(p.selected), code.c_str());
    y += size * 0.95f;
    line(ui, left_text, ui::FontRole::large, left < 60'000 ? p.warning : p.text, x, y, inner, Align::centre);
    if (!fingerprint_label.empty())
      line(ui, fingerprint_label, ui::FontRole::body, p.text_muted, x, y, inner, Align::centre);
    line(ui, fingerprint, ui::FontRole::large, p.text, x, y, inner, Align::centre);
    line(ui, what_to_do, ui::FontRole::body, p.text_muted, x, y, inner);
  } else {
    line(ui, view.tr("devices.enrol_hint"), ui::FontRole::body, p.text_muted, x, y, inner);
    line(ui, fingerprint_text(view, read, false), ui::FontRole::large, p.text, x, y, inner);
  }
  if (!d.code_error.empty()) line(ui, view.tr("devices.code_error"), ui::FontRole::body, p.danger, x, y, inner);
  ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + height - button_h * em));
  const char* label = d.issuing ? "devices.issuing" : d.code ? "devices.enrol_again" : "devices.enrol";
  if (button(ui, "devices.enrol", view.tr(label), ImVec2(width / em, button_h),
             d.issuing ? Tone::disabled
             : d.code  ? Tone::normal
                       : Tone::primary))
    emit(EnrolDevice{});
}

// What a device's row says under its name: kind, last seen or revoked.
std::string device_facts(const CustomerView& view, const EnrolledDevice& device) {
  std::string facts = view.tr(std::string("devices.kind.") + to_string(device.kind)) + " · ";
  if (device.revoked_at)
    return facts + view.tr("devices.revoked", {duration_text(view, view.now - *device.revoked_at)});
  return facts + (device.last_seen_at
                      ? view.tr("devices.last_seen", {duration_text(view, view.now - *device.last_seen_at)})
                      : view.tr("devices.never_seen"));
}

// `text` on one line of `width`: in `role`, smaller (down to 70 %) where it is long.
void one_line(ui::TouchUi& ui, std::string_view text, ui::FontRole role, const ImVec4& colour, ImVec2 at, float width,
              float height) {
  const float scale = std::clamp(width / std::max(1.0f, text_width(ui, text, role)), 0.7f, 1.0f);
  text_in_rect(ui, ImGui::GetWindowDrawList(), text, role, u32(colour), at, ImVec2(at.x + width, at.y + height),
               Align::left, scale);
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
  const float pad = 0.5f * em;
  if (d.confirming == device.id) {  // a row twice as high: the question, then its two answers side by side
    const float answer_h = (row_h - 0.3f * em) / 2 - pad;
    text_in_rect(ui, draw, view.tr("devices.revoke_ask", {device.name}), ui::FontRole::body, u32(p.text),
                 ImVec2(at.x + pad, at.y), ImVec2(end.x - pad, end.y - answer_h - pad), Align::left);
    const float answer_w = cell_width(ui, width - 2 * pad, 2, 0.5f) / em;
    ImGui::SetCursorScreenPos(ImVec2(at.x + pad, end.y - answer_h - pad));
    if (button(ui, "devices.revoke_yes", view.tr("devices.revoke_yes"), ImVec2(answer_w, answer_h / em), Tone::danger,
               ui::FontRole::body))
      emit(ConfirmRevokeDevice{});
    ImGui::SameLine(0, 0.5f * em);
    if (button(ui, "devices.revoke_cancel", view.tr("devices.revoke_cancel"), ImVec2(answer_w, answer_h / em),
               Tone::normal, ui::FontRole::body))
      emit(CancelRevokeDevice{});
    return;
  }
  // The state on the right: "Revoke" on an enrolled device, "Revoked" on the others.
  const float state_w = 5.0f * em;
  const float text_w = width - state_w - 3 * pad;
  const float name_h = line_height(ui, ui::FontRole::large), facts_h = line_height(ui, ui::FontRole::body);
  const float top = at.y + std::max(0.0f, (end.y - at.y - name_h - facts_h) / 2);
  one_line(ui, device.name, ui::FontRole::large, device.revoked_at ? p.text_muted : p.text, ImVec2(at.x + pad, top),
           text_w, name_h);
  one_line(ui, device_facts(view, device), ui::FontRole::body, p.text_muted, ImVec2(at.x + pad, top + name_h), text_w,
           facts_h);
  const ImVec2 state_at(end.x - pad - state_w, at.y + 0.4f * em);
  if (device.revoked_at) {
    text_in_rect(ui, draw, view.tr("devices.state_revoked"), ui::FontRole::body, u32(p.text_muted), state_at,
                 ImVec2(end.x - pad, end.y - 0.4f * em), Align::centre);
    return;
  }
  ImGui::SetCursorScreenPos(state_at);
  const bool busy = d.revoking;
  if (button(ui, "devices.revoke." + device.id, view.tr(busy ? "devices.revoking" : "devices.revoke"),
             ImVec2(state_w / em, row_h / em - 1.1f), busy ? Tone::disabled : Tone::normal, ui::FontRole::body) &&
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
  const float row_h = 4.2f * em;  // twice that for the row asking "revoke?"
  auto height_of = [&](const EnrolledDevice* device) { return device->id == d.confirming ? 2 * row_h : row_h; };
  const float more_h = line_height(ui, ui::FontRole::body);
  std::size_t fit = 0;
  for (float used = 0; fit < rows.size(); ++fit) {
    const float room = at.y + height - y - (fit + 1 < rows.size() ? more_h : 0);
    if (used + height_of(rows[fit]) > room) break;
    used += height_of(rows[fit]);
  }
  for (std::size_t i = 0; i < fit; ++i) {
    device_row(ui, view, emit, *rows[i], ImVec2(at.x, y), width, height_of(rows[i]));
    y += height_of(rows[i]);
  }
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
    const float enrol_w = (width - kGapEm * em) * 0.52f;
    enrol_part(ui, view, emit, at, enrol_w, height);
    list_part(ui, view, emit, ImVec2(at.x + enrol_w + kGapEm * em, at.y), width - enrol_w - kGapEm * em, height);
  } else {  // the code above, the list below
    const float enrol_h = std::min(height * 0.55f, 22.0f * em);
    enrol_part(ui, view, emit, at, width, enrol_h);
    list_part(ui, view, emit, ImVec2(at.x, at.y + enrol_h + kGapEm * em), width, height - enrol_h - kGapEm * em);
  }
}

}  // namespace kiosk::customer::kit
