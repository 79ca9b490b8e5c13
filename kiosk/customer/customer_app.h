// The customer kiosk put together, independent of any window: the state and
// its reducer, the worker, the inbox the worker answers into, and the screens.
// The real window (kiosk main) and the headless tests drive it the same way:
//   app.update(now);                         // worker results, timers
//   ui.draw([&](TouchUi& t) { app.draw(t, now); });
//   app.apply_taps(now);                     // what the finger did this frame
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/action_inbox.h"
#include "app/role_app.h"
#include "app/translations.h"
#include "customer/customer_actions.h"
#include "customer/customer_state.h"
#include "customer/customer_worker.h"
#include "app/ime_worker.h"
#include "ui/touch_widgets.h"

namespace kiosk::customer {

struct CustomerAppConfig {
  std::string data_dir;
  std::string store_id;
  std::optional<printer::PrinterTarget> printer;
  Language language = Language::Zh;
  CustomerTimings timings;
  std::string rime_data_dir;  // the deployed pinyin schema; empty: platform/ime's default
};

class CustomerApp final : public app::RoleApp {
 public:
  // `wake` is called from the worker thread when a result is waiting.
  CustomerApp(CustomerAppConfig config, app::Translations texts, EpochMs now, std::function<void()> wake);

  // Applies the worker's results, then the passage of time.
  void update(EpochMs now) override;
  // Draws the current screen; taps are kept for apply_taps().
  void draw(ui::TouchUi& ui, EpochMs now) override;
  void apply_taps(EpochMs now) override;
  // Applies one action directly (scripted screenshots, tests).
  void dispatch(const Action& action, EpochMs now);
  // Applies an action without running the effects it asks for (scripted
  // screenshots show a worker's answer without acting on the store).
  void show_sample(const Action& action, EpochMs now);

  std::optional<EpochMs> next_deadline(EpochMs now) const override;
  const CustomerState& state() const { return state_; }
  const app::Translations& texts() const { return texts_; }
  const CustomerTimings& timings() const { return config_.timings; }
  // Everything the screens may show, for the font atlas.
  std::vector<std::string> texts_to_show() const override;
  // Waits, up to `max_ms`, until the workers have answered everything asked
  // so far (answers that ask for more included) and applies the answers at
  // `now`. False if they were still busy at the end.
  bool settle(EpochMs now, int max_ms = 2000);
  // True when neither the store worker nor the IME has anything left to do.
  bool worker_idle() const { return worker_->idle() && ime_->idle(); }

 private:
  CustomerAppConfig config_;
  app::Translations texts_;
  CustomerState state_;
  app::ActionInbox<Action> inbox_;
  std::vector<Action> taps_;
  std::unique_ptr<CustomerWorker> worker_;  // the workers last: they stop before the inbox goes
  std::unique_ptr<app::ImeWorker> ime_;
};

}  // namespace kiosk::customer
