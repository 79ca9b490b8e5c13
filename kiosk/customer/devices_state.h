// The staff corner's Devices screen (opened from the admin screen): the
// one-time code that enrols a counter PC or a display with this kiosk's store
// node, the node's fingerprint to compare on the device, and the devices
// enrolled, each revocable after a confirmation (docs/store-node-api.md "TLS
// and enrolled devices"). Plain data owned by the UI thread; device_reducer changes it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "staff/device_book.h"

namespace kiosk::customer {

// A code made on this screen: shown until it expires (never stored here longer).
struct DeviceCodeView {
  std::string code;  // 6 digits
  EpochMs expires_at = 0;
};

// What the worker read: the devices and the node's fingerprint.
struct DevicesView {
  std::vector<EnrolledDevice> devices;  // newest first, revoked ones too
  std::string fingerprint;              // "AB12-CD34"; empty: no key (fingerprint_error says why)
  std::string fingerprint_error;        // "no-tls-identity": no store node has started on this store yet
  std::string error;                    // the devices could not be read, or a revoke failed (English)
};

struct DevicesFlow {
  std::optional<DevicesView> read;  // nullopt: being read
  std::optional<DeviceCodeView> code;
  bool issuing = false;    // a code is being made: "Enrol a device" waits
  std::string code_error;  // error code of the last code that could not be made
  std::string confirming;  // the device whose "Revoke" was tapped: asks "sure?"
  bool revoking = false;   // a revoke is on its way: the list waits
};

}  // namespace kiosk::customer
