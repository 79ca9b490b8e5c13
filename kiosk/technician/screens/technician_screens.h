// The technician tablet's screens: each draws one frame from a read-only view
// of the state and emits actions for taps. Touch only, big targets, nothing
// that needs hover. Widget ids are stable across languages:
//   every screen  "lang"; "logout" once logged in
//   login         "login.name", "login.pin", "key.A".."key.Z", "key.space", "key.0".."key.9",
//                 "key.del", "key.clear", "login.submit"; not set up: "sync.now"
//   my jobs       "sync.now", "notice.ok" (under the notice shown), "job.<request id>" (a row),
//                 "jobs.earlier", "jobs.later" (when the rows do not all fit)
//   job           "job.back", "note.<key>", "to.<state>" (each legal next step but done), "job.complete",
//                 and while scheduling "schedule.*" (kit/date_picker.h), "schedule.window.<w>",
//                 "schedule.cancel", "schedule.confirm"
//   completion    "complete.back", "complete.confirmed", "complete.submit", "resolution.<key>",
//                 "score.1".."score.5", "reason.<code>", "complete.sign" (once confirmed)
//   signature     "sign.back", "sign.done", "signature.pad", "signature.clear"
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
  std::string data_dir;  // where the tablet's database is (told in the set-up instructions)

  const std::string& tr(std::string_view key) const { return texts.text(key, state.language); }
  std::string tr(std::string_view key, std::initializer_list<std::string> values) const {
    return texts.format(key, state.language, values);
  }
  bool zh() const { return state.language == Language::Zh; }
};

using Emit = std::function<void(Action)>;

void draw_technician_screen(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit);

}  // namespace kiosk::technician
