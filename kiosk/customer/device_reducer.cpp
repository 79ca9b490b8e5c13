// The Devices screen's reducer (see device_reducer.h). Answers arriving after
// the screen has gone (Back, idle wipe) are dropped: a code is shown only to
// the staff member who asked for it.
#include "customer/device_reducer.h"

#include <algorithm>

namespace kiosk::customer {
namespace {

void show(CustomerState& s, Screen screen, EpochMs now) {
  s.screen = screen;
  s.screen_since = now;
}

// A device that is listed and not revoked yet: the only kind "Revoke" is offered for.
bool revocable(const DevicesFlow& d, const std::string& id) {
  if (!d.read) return false;
  return std::any_of(d.read->devices.begin(), d.read->devices.end(),
                     [&](const EnrolledDevice& e) { return e.id == id && !e.revoked_at; });
}

}  // namespace

std::optional<std::vector<Effect>> reduce_devices(CustomerState& s, const Action& action, EpochMs now) {
  DevicesFlow& d = s.admin.devices;
  const bool shown = s.screen == Screen::Devices;
  if (std::holds_alternative<OpenDevices>(action)) {
    if (s.screen != Screen::Admin) return std::vector<Effect>{};
    d = {};
    show(s, Screen::Devices, now);
    return std::vector<Effect>{ReadDevices{}};
  }
  if (std::holds_alternative<CloseDevices>(action)) {
    if (!shown) return std::vector<Effect>{};
    d = {};  // the code is not shown again
    show(s, Screen::Admin, now);
    return std::vector<Effect>{};
  }
  if (std::holds_alternative<EnrolDevice>(action)) {
    if (!shown || d.issuing) return std::vector<Effect>{};
    d.issuing = true;
    d.code_error.clear();
    d.confirming.clear();
    return std::vector<Effect>{IssueDeviceCode{}};
  }
  if (const DeviceCodeIssued* issued = std::get_if<DeviceCodeIssued>(&action)) {
    if (shown && d.issuing) d.code = issued->code;
    d.issuing = false;
    return std::vector<Effect>{};
  }
  if (const DeviceCodeRefused* refused = std::get_if<DeviceCodeRefused>(&action)) {
    if (shown && d.issuing) d.code_error = refused->error_code;
    d.issuing = false;
    return std::vector<Effect>{};
  }
  if (const AskRevokeDevice* ask = std::get_if<AskRevokeDevice>(&action)) {
    if (shown && !d.revoking && revocable(d, ask->device_id)) d.confirming = ask->device_id;
    return std::vector<Effect>{};
  }
  if (std::holds_alternative<CancelRevokeDevice>(action)) {
    d.confirming.clear();
    return std::vector<Effect>{};
  }
  if (std::holds_alternative<ConfirmRevokeDevice>(action)) {
    if (!shown || d.revoking || !revocable(d, d.confirming)) return std::vector<Effect>{};
    d.revoking = true;
    const std::string id = std::move(d.confirming);
    d.confirming.clear();
    return std::vector<Effect>{RevokeDevice{id}};
  }
  if (const DevicesRead* read = std::get_if<DevicesRead>(&action)) {
    if (shown) {
      d.read = read->view;
      d.revoking = false;
    }
    return std::vector<Effect>{};
  }
  return std::nullopt;
}

void devices_tick(CustomerState& s, EpochMs now) {
  std::optional<DeviceCodeView>& code = s.admin.devices.code;
  if (code && now >= code->expires_at) code.reset();
}

std::optional<EpochMs> devices_deadline(const CustomerState& s, EpochMs now) {
  const std::optional<DeviceCodeView>& code = s.admin.devices.code;
  if (s.screen != Screen::Devices || !code) return std::nullopt;
  const EpochMs left = std::max<EpochMs>(0, code->expires_at - now);
  return now + (left % 1000 == 0 ? std::min<EpochMs>(left, 1000) : left % 1000);  // each second shown, then the end
}

}  // namespace kiosk::customer
