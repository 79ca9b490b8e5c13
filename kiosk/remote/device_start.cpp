// The device's flags and its enrolment at start (see device_start.h).
#include "remote/device_start.h"

#include <cstdio>

namespace kiosk::remote {

DeviceArgs read_device_args(CommandLine& cl) {
  Result<std::string> url = checked_node_url(cl.required("store"));
  if (!url) throw UsageError("--store: " + url.error().message);
  DeviceArgs args;
  args.node_url = url.value();
  args.data_dir = cl.required("data");
  args.enrol_code = cl.optional("enrol");
  return args;
}

StartingEnrolment enrolment_at_start(const DeviceIdentity& identity, const std::optional<std::string>& enrol_code) {
  std::string refusal;
  if (enrol_code) {
    NodeDevice device(identity, std::nullopt);
    Result<NodeEnrolment> enrolled = device.enrol(*enrol_code);
    if (enrolled) return {enrolled.value(), ""};
    std::fprintf(stderr, "kiosk: --enrol: the store node at %s did not enrol this device: %s\n",
                 identity.node_url.c_str(), enrolled.error().message.c_str());
    refusal = enrolled.error().code;
  }
  Result<std::optional<NodeEnrolment>> kept = load_enrolment(identity.data_dir, identity.node_url);
  if (!kept) {
    std::fprintf(stderr, "kiosk: %s; enrol this device again\n", kept.error().message.c_str());
    return {std::nullopt, refusal};
  }
  if (kept.value()) return {kept.value(), ""};  // the enrolment it had still stands
  return {std::nullopt, refusal};
}

}  // namespace kiosk::remote
