// The calling display as a role of the shell (app/role_shell.h): its state,
// reducer, board and texts; its worker follows the store node
// (node_follower.h) and hands each new call to the Announcer (voice). The real
// window (display_role) and the headless tests drive a DisplayApp the same way
// (see app/role_app.h).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/role_shell.h"
#include "app/translations.h"
#include "display/display_actions.h"
#include "display/display_state.h"
#include "display/node_follower.h"
#include "speech/announcer.h"
#include "speech/audio_sink.h"

namespace kiosk::display {

struct DisplayAppConfig {
  NodeFollowerConfig node;    // the node's address and this display's enrolment
  std::string enrol_refusal;  // why --enrol did not enrol, for the enrol screen
  LanguageChoice language = LanguageChoice::Zh;
  DisplayTimings timings;
};

class DisplayRole {
 public:
  using State = DisplayState;
  using Action = display::Action;
  using Effect = display::Effect;
  static constexpr bool kTypesPinyin = false;

  // `audio`: where announcements go (nullptr: silent).
  DisplayRole(DisplayAppConfig config, app::Translations texts, std::unique_ptr<speech::AudioSink> audio);

  std::vector<Effect> start(State& state, EpochMs now) const;
  std::vector<Effect> reduce(State& state, const Action& action, EpochMs now) const;
  std::optional<Action> tick() const { return std::nullopt; }
  void draw(ui::TouchUi& ui, const State& state, EpochMs now, const std::function<void(Action)>& tap) const;
  std::optional<EpochMs> next_deadline(const State& state, EpochMs now) const;
  std::vector<std::string> texts_to_show(const State& state) const;
  bool settled(const State& state) const;
  app::EffectRunner<Effect> make_runner(std::function<void(Action)> post) const;

  DisplayAppConfig config;
  app::Translations texts;

 private:
  void announce(const CallEvent& event) const;

  std::unique_ptr<speech::Announcer> announcer_;  // nullptr when silent
};

using DisplayApp = app::RoleShell<DisplayRole>;

}  // namespace kiosk::display
