// What a windowed role (customer kiosk, counter console, calling display)
// offers the frame loop in app/window_runtime.h. Each role keeps its state,
// reducer and workers behind this; the loop and the headless tests drive it
// the same way:
//   app.update(now);                         // worker results, timers
//   window.draw([&](TouchUi& t) { app.draw(t, now); });
//   app.apply_taps(now);                     // what the finger/keys did this frame
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "ui/touch_widgets.h"

namespace kiosk::app {

class RoleApp {
 public:
  virtual ~RoleApp() = default;
  // Applies the workers' results, then the passage of time.
  virtual void update(EpochMs now) = 0;
  // Draws the current screen; taps and key presses are kept for apply_taps().
  virtual void draw(ui::TouchUi& ui, EpochMs now) = 0;
  virtual void apply_taps(EpochMs now) = 0;
  // When the screen must be drawn again without input (a countdown, a retry), if ever.
  virtual std::optional<EpochMs> next_deadline(EpochMs now) const = 0;
  // Everything the screens may show, so the font atlas has it before the first frame.
  virtual std::vector<std::string> texts_to_show() const = 0;
};

}  // namespace kiosk::app
