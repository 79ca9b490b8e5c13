// The technician's device put together, independent of any window: the state
// and its reducer, the worker, the inbox the worker answers into, and the
// screens. The real window (technician_role) and the headless tests drive it
// the same way (see app/role_app.h).
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/action_inbox.h"
#include "app/role_app.h"
#include "app/translations.h"
#include "technician/technician_actions.h"
#include "technician/technician_state.h"
#include "technician/technician_worker.h"
#include "ui/font_atlas.h"

namespace kiosk::technician {

struct TechnicianAppConfig {
  std::string store_url;
  Language language = Language::Zh;
  TechnicianTimings timings;
};

// A job holds more than a customer screen: the counter console's smaller fonts.
ui::FontScale technician_font_scale();

class TechnicianApp final : public app::RoleApp {
 public:
  // `wake` is called from the worker thread when a result is waiting.
  TechnicianApp(TechnicianAppConfig config, app::Translations texts, std::function<void()> wake);

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
  const TechnicianState& state() const { return state_; }
  bool worker_idle() const { return worker_->idle(); }
  bool answers_waiting() const { return answers_posted_ != answers_taken_; }

 private:
  std::vector<Effect> reduce_action(const Action& action, EpochMs now);

  TechnicianAppConfig config_;
  app::Translations texts_;
  TechnicianState state_;
  app::ActionInbox<Action> inbox_;
  std::vector<Action> taps_;
  std::atomic<long> answers_posted_{0};
  long answers_taken_ = 0;
  std::unique_ptr<TechnicianWorker> worker_;  // last: stops before the inbox goes
};

}  // namespace kiosk::technician
