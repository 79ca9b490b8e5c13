// The store worker's side of the staff corner: the staff PIN checked by
// StaffBook (argon2id and its lockout, never a second check), and the admin
// screen's figures: version, printer and sync state first, then the slow part
// (database size, disk, quick_check integrity). Runs on the store worker's
// thread with its connection; answers are posted as actions.
#pragma once

#include <functional>

#include "core/clock.h"
#include "customer/customer_actions.h"
#include "store/store_db.h"

namespace kiosk::customer {

class AdminEffects {
 public:
  using Post = std::function<void(Action)>;
  AdminEffects(StoreDb& store, const Clock& clock, const Post& post) : store_(store), clock_(clock), post_(post) {}

  void check_pin(const CheckStaffPin& effect);
  void read_figures();

 private:
  StoreDb& store_;
  const Clock& clock_;
  const Post& post_;
};

}  // namespace kiosk::customer
