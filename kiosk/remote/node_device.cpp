// NodeDevice: the enrolment a worker holds and its pinned client.
#include "remote/node_device.h"

#include <cstdio>
#include <utility>

namespace kiosk::remote {

bool is_device_refusal(const Error& error) {
  return error.code == "device-not-enrolled" || error.code == "device-revoked" || error.code == "wrong-server";
}

NodeDevice::NodeDevice(DeviceIdentity identity, std::optional<NodeEnrolment> enrolment)
    : identity_(std::move(identity)) {
  if (enrolment) client_ = std::make_unique<StoreNodeClient>(client_options(*enrolment));
}

Result<NodeEnrolment> NodeDevice::enrol(const std::string& code) {
  Result<NodeEnrolment> enrolled = enrol_device(identity_.node_url, code, identity_.kind, identity_.name);
  if (!enrolled) return enrolled;
  if (Result<Done> saved = save_enrolment(identity_.data_dir, enrolled.value()); !saved) return saved.error();
  client_ = std::make_unique<StoreNodeClient>(client_options(enrolled.value()));
  std::fprintf(stderr, "kiosk: enrolled with the store node at %s as %s (node fingerprint %s)\n",
               identity_.node_url.c_str(), enrolled.value().device_name.c_str(), enrolled.value().fingerprint.c_str());
  return enrolled;
}

bool NodeDevice::refused(const Error& error) {
  if (!is_device_refusal(error)) return false;
  std::fprintf(stderr, "kiosk: the store node at %s refused this device: %s\n", identity_.node_url.c_str(),
               error.message.c_str());
  if (error.code != "wrong-server" && client_) {
    client_.reset();
    if (Result<Done> forgotten = forget_enrolment(identity_.data_dir); !forgotten)
      std::fprintf(stderr, "kiosk: %s\n", forgotten.error().message.c_str());
  }
  return true;
}

}  // namespace kiosk::remote
