// The counter console as a role of the shell (app/role_shell.h): its state,
// reducer, screens, texts and the requests its worker makes to the store node.
// The real window (counter_role) and the headless tests drive a CounterApp the
// same way (see app/role_app.h).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/role_shell.h"
#include "app/translations.h"
#include "counter/counter_actions.h"
#include "counter/counter_state.h"
#include "counter/counter_worker.h"
#include "remote/node_device.h"
#include "ui/font_atlas.h"

namespace kiosk::counter {

struct CounterAppConfig {
  std::string store_url;                           // remote::checked_node_url's
  std::string data_dir;                            // where the enrolment is kept (remote/node_enrolment.h)
  std::optional<remote::NodeEnrolment> enrolment;  // nullopt: the enrol screen first
  std::string enrol_refusal;                       // why --enrol did not enrol, for that screen
  int counter = 1;
  Language language = Language::Zh;
  CounterTimings timings;
  std::optional<printer::PrinterTarget> printer;  // --printer: request receipts
  std::string rime_data_dir;                      // the deployed pinyin schema; empty: platform/ime's default
};

struct CounterRole {
  using State = CounterState;
  using Action = counter::Action;
  using Effect = counter::Effect;
  static constexpr bool kTypesPinyin = true;

  CounterAppConfig config;
  app::Translations texts;

  std::vector<Effect> start(State& state, EpochMs now) const;
  std::vector<Effect> reduce(State& state, const Action& action, EpochMs now) const;
  std::optional<Action> tick() const { return Tick{}; }
  void draw(ui::TouchUi& ui, const State& state, EpochMs now, const std::function<void(Action)>& tap) const;
  std::optional<EpochMs> next_deadline(const State& state, EpochMs now) const;
  std::vector<std::string> texts_to_show(const State& state) const;
  bool settled(const State& state) const { return !state.queue_loading; }
  app::EffectRunner<Effect> make_runner(std::function<void(Action)> post) const;
  std::string rime_data_dir() const { return config.rime_data_dir; }
};

using CounterApp = app::RoleShell<CounterRole>;

// Who the console is to the store node ("Counter N", kind "counter").
remote::DeviceIdentity counter_device(const CounterAppConfig& config);

}  // namespace kiosk::counter
