// The customer kiosk as a role of the shell (app/role_shell.h), and the
// example of what a role is: its state (customer_state.h), its actions and
// effects (customer_actions.h), its reducer (customer_reducer.h), its screens
// (screens/customer_screens.h), its texts, and the runner of its effects
// (customer_worker.h). The shell does the rest; the real window
// (customer_role) and the headless tests drive a CustomerApp the same way:
//   app.update(now);                         // worker results, timers
//   ui.draw([&](TouchUi& t) { app.draw(t, now); });
//   app.apply_taps(now);                     // what the finger did this frame
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/role_shell.h"
#include "app/translations.h"
#include "customer/customer_actions.h"
#include "customer/customer_state.h"
#include "customer/customer_worker.h"
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

struct CustomerRole {
  using State = CustomerState;
  using Action = customer::Action;
  using Effect = customer::Effect;
  static constexpr bool kTypesPinyin = true;

  CustomerAppConfig config;
  app::Translations texts;

  std::vector<Effect> start(State& state, EpochMs now) const;
  std::vector<Effect> reduce(State& state, const Action& action, EpochMs now) const;
  std::optional<Action> tick() const { return Tick{}; }
  void draw(ui::TouchUi& ui, const State& state, EpochMs now, const std::function<void(Action)>& tap) const;
  std::optional<EpochMs> next_deadline(const State& state, EpochMs now) const;
  std::vector<std::string> texts_to_show(const State& state) const;
  bool settled(const State& state) const { return !state.services_loading; }
  app::EffectRunner<Effect> make_runner(std::function<void(Action)> post) const;
  std::string rime_data_dir() const { return config.rime_data_dir; }
};

using CustomerApp = app::RoleShell<CustomerRole>;

}  // namespace kiosk::customer
