// The calling display put together, independent of any window: the state and
// its reducer, the node follower thread, the Announcer (voice), the inbox the
// follower answers into, and the board. The real window (kiosk main) and the
// headless tests drive it the same way (see app/role_app.h).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/action_inbox.h"
#include "app/role_app.h"
#include "app/translations.h"
#include "display/display_actions.h"
#include "display/display_state.h"
#include "display/node_follower.h"
#include "speech/announcer.h"
#include "speech/audio_sink.h"

namespace kiosk::display {

struct DisplayAppConfig {
  NodeFollowerConfig node;
  LanguageChoice language = LanguageChoice::Zh;
  DisplayTimings timings;
};

class DisplayApp final : public app::RoleApp {
 public:
  // `audio`: where announcements go (nullptr: silent). `wake` is called from
  // the follower thread when an action is waiting.
  DisplayApp(DisplayAppConfig config, app::Translations texts, std::unique_ptr<speech::AudioSink> audio, EpochMs now,
             std::function<void()> wake);

  void update(EpochMs now) override;
  void draw(ui::TouchUi& ui, EpochMs now) override;
  void apply_taps(EpochMs) override {}  // a hall's TV takes no taps
  std::optional<EpochMs> next_deadline(EpochMs now) const override;
  std::vector<std::string> texts_to_show() const override;

  // Applies one action directly (scripted screens, tests).
  void dispatch(const Action& action, EpochMs now);
  const DisplayState& state() const { return state_; }
  const app::Translations& texts() const { return texts_; }
  const DisplayTimings& timings() const { return config_.timings; }

 private:
  void announce(const CallEvent& event);

  DisplayAppConfig config_;
  app::Translations texts_;
  DisplayState state_;
  app::ActionInbox<Action> inbox_;
  std::unique_ptr<speech::Announcer> announcer_;  // nullptr when silent
  std::unique_ptr<NodeFollower> follower_;        // last: stops before what it uses goes
};

}  // namespace kiosk::display
