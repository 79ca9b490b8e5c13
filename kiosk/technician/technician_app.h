// The technician's device as a role of the shell (app/role_shell.h): its
// state, reducer, screens, texts and the requests its worker makes to the
// store node. The real window (technician_role) and the headless tests drive
// a TechnicianApp the same way (see app/role_app.h).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/role_shell.h"
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

struct TechnicianRole {
  using State = TechnicianState;
  using Action = technician::Action;
  using Effect = technician::Effect;
  static constexpr bool kTypesPinyin = false;

  TechnicianAppConfig config;
  app::Translations texts;

  std::vector<Effect> start(State& state, EpochMs now) const;
  std::vector<Effect> reduce(State& state, const Action& action, EpochMs now) const;
  std::optional<Action> tick() const { return Tick{}; }
  void draw(ui::TouchUi& ui, const State& state, EpochMs now, const std::function<void(Action)>& tap) const;
  std::optional<EpochMs> next_deadline(const State& state, EpochMs now) const;
  std::vector<std::string> texts_to_show(const State& state) const;
  bool settled(const State&) const { return true; }  // it starts on the login screen: nothing to wait for
  app::EffectRunner<Effect> make_runner(std::function<void(Action)> post) const;
};

using TechnicianApp = app::RoleShell<TechnicianRole>;

}  // namespace kiosk::technician
