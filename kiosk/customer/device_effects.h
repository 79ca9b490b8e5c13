// The store worker's side of the Devices screen: DeviceBook's devices and
// codes, and the fingerprint of the store node's key (DATA/tls, made by the
// node this kiosk runs with --listen). Runs on the store worker's thread with
// its connection; answers are posted as actions. Never logs a code.
#pragma once

#include <functional>
#include <string>

#include "core/clock.h"
#include "customer/customer_actions.h"
#include "store/store_db.h"

namespace kiosk::customer {

class DeviceEffects {
 public:
  using Post = std::function<void(Action)>;
  DeviceEffects(StoreDb& store, const Clock& clock, std::string data_dir, const Post& post)
      : store_(store), clock_(clock), data_dir_(std::move(data_dir)), post_(post) {}

  void read();                              // DevicesRead
  void issue_code();                        // DeviceCodeIssued or DeviceCodeRefused
  void revoke(const RevokeDevice& effect);  // then DevicesRead, with the error if it failed

 private:
  DevicesView view();

  StoreDb& store_;
  const Clock& clock_;
  std::string data_dir_;
  const Post& post_;
};

}  // namespace kiosk::customer
