// A counter's or display's standing with the store node, kept on its worker
// thread: the enrolment it holds (loaded at start, replaced when it enrols
// again, forgotten when the node says the device is unknown or revoked) and
// the client pinned to it. Both roles' workers keep one; their UI learns the
// standing from the actions they post (kit/device_enrolment.h).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/result.h"
#include "remote/node_enrolment.h"
#include "remote/store_node_client.h"

namespace kiosk::remote {

// Who this device is to the node, and where its enrolment is kept.
struct DeviceIdentity {
  std::string node_url;  // checked_node_url's
  std::string data_dir;  // --data: DATA/node-device.json
  std::string kind;      // "counter", "display"
  std::string name;      // sent when the code has no label ("Counter 2")
};

// True for the errors that are about this device, not the call: the node does
// not know it ("device-not-enrolled"), revoked it ("device-revoked"), or is
// not the node it enrolled with ("wrong-server").
bool is_device_refusal(const Error& error);

class NodeDevice {
 public:
  NodeDevice(DeviceIdentity identity, std::optional<NodeEnrolment> enrolment);

  // The client of the enrolled device; nullptr while it is not enrolled.
  StoreNodeClient* client() { return client_.get(); }
  // Enrols with `code` and saves the enrolment, which replaces the old one
  // (and its client, so any staff session too). The old one is kept on failure.
  Result<NodeEnrolment> enrol(const std::string& code);
  // After a call failed with `error`: "device-not-enrolled" and "device-revoked"
  // forget the enrolment (its file too); "wrong-server" keeps it until a new
  // one succeeds. Returns is_device_refusal(error).
  bool refused(const Error& error);

 private:
  DeviceIdentity identity_;
  std::unique_ptr<StoreNodeClient> client_;
};

}  // namespace kiosk::remote
