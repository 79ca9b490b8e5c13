// DeviceEffects: DeviceBook and the node's TLS identity read for the Devices
// screen (see device_effects.h).
#include "customer/device_effects.h"

#include <cstdio>

#include "http/key_pin.h"
#include "http_server/tls_identity.h"
#include "staff/device_book.h"

namespace kiosk::customer {

DevicesView DeviceEffects::view() {
  DevicesView view;
  Result<std::vector<EnrolledDevice>> devices = DeviceBook(store_, clock_).list();
  if (devices)
    view.devices = std::move(devices).value();
  else
    view.error = devices.error().message;
  const Result<http_server::TlsIdentity> identity =
      http_server::load_tls_identity(http_server::node_tls_dir(data_dir_));
  if (identity)
    view.fingerprint = http::fingerprint_of_pin(identity.value().pin);
  else
    view.fingerprint_error = identity.error().code.empty() ? identity.error().message : identity.error().code;
  return view;
}

void DeviceEffects::read() { post_(DevicesRead{view()}); }

void DeviceEffects::issue_code() {
  const Result<EnrolCode> code = DeviceBook(store_, clock_).issue_code("");
  if (!code) {
    std::fprintf(stderr, "kiosk: no enrolment code made: %s\n", code.error().message.c_str());
    post_(DeviceCodeRefused{code.error().code.empty() ? "storage" : code.error().code});
    return;
  }
  std::fprintf(stderr, "kiosk: an enrolment code was made on the staff screen\n");
  post_(DeviceCodeIssued{DeviceCodeView{code.value().code, code.value().expires_at}});
}

void DeviceEffects::revoke(const RevokeDevice& e) {
  const Result<EnrolledDevice> revoked = DeviceBook(store_, clock_).revoke(e.device_id);
  DevicesView after = view();
  if (revoked) {
    std::fprintf(stderr, "kiosk: device %s (%s) revoked on the staff screen\n", revoked.value().id.c_str(),
                 revoked.value().name.c_str());
  } else {
    std::fprintf(stderr, "kiosk: device %s not revoked: %s\n", e.device_id.c_str(), revoked.error().message.c_str());
    after.error = revoked.error().message;
  }
  post_(DevicesRead{after});
}

}  // namespace kiosk::customer
