// The store worker's side of the request form and "check my request": the
// product catalogue and the days the visit picker offers, creating the request
// (RequestBook: one transaction) and printing its receipt, and the status
// lookup (RequestLookup: slowed down after wrong attempts). Runs on the store
// worker's thread with its connection; answers are posted as actions.
#pragma once

#include <functional>
#include <optional>

#include "app/translations.h"
#include "core/clock.h"
#include "customer/customer_actions.h"
#include "printer/printer_port.h"
#include "store/store_db.h"

namespace kiosk::customer {

// The visit picker's days: today and the next `count - 1` in the store's zone.
std::vector<DayOption> visit_days(const StoreTimeZone& zone, EpochMs now, int count);

// "... try again in 30 seconds" -> 30000; 0 when the message says no wait.
EpochMs wait_in_message(const std::string& message);

class RequestEffects {
 public:
  using Post = std::function<void(Action)>;
  RequestEffects(StoreDb& store, const Clock& clock, const std::optional<printer::PrinterTarget>& printer,
                 const app::Translations& texts, const Post& post)
      : store_(store), clock_(clock), printer_(printer), texts_(texts), post_(post) {}

  void load_options();
  void create(const CreateRequest& effect);
  void look_up(const LookUpStatus& effect);
  void rate(const RateRequest& effect);

 private:
  StoreDb& store_;
  const Clock& clock_;
  const std::optional<printer::PrinterTarget>& printer_;
  const app::Translations& texts_;
  const Post& post_;
};

}  // namespace kiosk::customer
