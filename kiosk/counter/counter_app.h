// The counter console put together, independent of any window: the state and
// its reducer, the worker, the inbox the worker answers into, and the
// screens. The real window (counter_role) and the headless tests drive it
// the same way (see app/role_app.h).
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/action_inbox.h"
#include "app/ime_worker.h"
#include "app/role_app.h"
#include "app/translations.h"
#include "counter/counter_actions.h"
#include "counter/counter_state.h"
#include "counter/counter_worker.h"
#include "ui/font_atlas.h"

namespace kiosk::counter {

struct CounterAppConfig {
  std::string store_url;
  int counter = 1;
  Language language = Language::Zh;
  CounterTimings timings;
  std::optional<printer::PrinterTarget> printer;  // --printer: request receipts
  std::string rime_data_dir;  // the deployed pinyin schema; empty: platform/ime's default
};

// The console shows more than a customer screen: somewhat smaller fonts.
ui::FontScale counter_font_scale();

class CounterApp final : public app::RoleApp {
 public:
  // `wake` is called from the worker thread when a result is waiting.
  CounterApp(CounterAppConfig config, app::Translations texts, EpochMs now, std::function<void()> wake);

  void update(EpochMs now) override;
  void draw(ui::TouchUi& ui, EpochMs now) override;
  void apply_taps(EpochMs now) override;
  // Applies one action directly (tests).
  void dispatch(const Action& action, EpochMs now);
  // Applies a worker's result without running the effects it asks for
  // (scripted screenshots show a state without acting on the node).
  void show_sample(const Action& action, EpochMs now);

  std::optional<EpochMs> next_deadline(EpochMs now) const override;
  std::vector<std::string> texts_to_show() const override;
  const CounterState& state() const { return state_; }
  const app::Translations& texts() const { return texts_; }
  // No request queued or running (its answers may still wait for update()).
  bool worker_idle() const { return worker_->idle() && ime_->idle(); }
  // Answers posted by the worker that update() has not taken yet.
  bool answers_waiting() const { return answers_posted_ != answers_taken_; }

 private:
  CounterAppConfig config_;
  app::Translations texts_;
  CounterState state_;
  app::ActionInbox<Action> inbox_;
  std::vector<Action> taps_;
  std::atomic<long> answers_posted_{0};
  long answers_taken_ = 0;
  std::unique_ptr<CounterWorker> worker_;  // last: these stop before the inbox goes
  std::unique_ptr<app::ImeWorker> ime_;
};

}  // namespace kiosk::counter
