// The technician device's screens: each draws one frame from a read-only view
// of the state and emits actions for taps. Touch only, big targets, nothing
// that needs hover. Widget ids are stable across languages:
//   every screen  "lang"; "logout" once logged in
//   login         "login.name", "login.pin", "key.A".."key.Z", "key.space", "key.0".."key.9",
//                 "key.del", "key.clear", "login.submit"
//   my jobs       "job.<code>" (a row), "jobs.refresh"
//   job           "job.back", "note.<key>", "to.<state>" (each legal next step but done), "job.complete"
//   completion    "complete.back", "resolution.<key>", "complete.confirmed", "score.1".."score.5",
//                 "reason.<code>", "complete.submit"
#pragma once

#include <functional>
#include <string>

#include "app/translations.h"
#include "technician/technician_actions.h"
#include "technician/technician_state.h"
#include "ui/touch_widgets.h"

namespace kiosk::technician {

struct TechnicianView {
  const TechnicianState& state;
  const app::Translations& texts;
  EpochMs now;
  std::string store_url;

  const std::string& tr(std::string_view key) const { return texts.text(key, state.language); }
  std::string tr(std::string_view key, std::initializer_list<std::string> values) const {
    return texts.format(key, state.language, values);
  }
  bool zh() const { return state.language == Language::Zh; }
};

using Emit = std::function<void(Action)>;

void draw_technician_screen(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit);

}  // namespace kiosk::technician
