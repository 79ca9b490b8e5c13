// The technician's tablet as a role of the shell (app/role_shell.h): its
// state, reducer, screens, texts and the worker on its own database (with
// the sync thread). The real window (technician_role) and the headless tests
// drive a TechnicianApp the same way (see app/role_app.h).
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

namespace kiosk::technician {

struct TechnicianAppConfig {
  TabletConfig tablet;
  Language language = Language::Zh;
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
  std::optional<Action> tick() const { return std::nullopt; }
  void draw(ui::TouchUi& ui, const State& state, EpochMs now, const std::function<void(Action)>& tap) const;
  // Nothing changes by the clock alone: the worker and the sync thread wake the screen.
  std::optional<EpochMs> next_deadline(const State&, EpochMs) const { return std::nullopt; }
  std::vector<std::string> texts_to_show(const State& state) const;
  // The tablet's state is read (or there is no database: scripted screens).
  bool settled(const State& state) const { return state.tablet.read || config.tablet.data_dir.empty(); }
  app::EffectRunner<Effect> make_runner(std::function<void(Action)> post) const;
};

using TechnicianApp = app::RoleShell<TechnicianRole>;

}  // namespace kiosk::technician
