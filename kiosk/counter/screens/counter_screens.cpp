// The counter console's screen dispatch: the style and the one full-screen
// panel every screen draws into.
#include "counter/screens/counter_screens.h"

#include "counter/screens/counter_kit.h"

namespace kiosk::counter {

void draw_counter_screen(ui::TouchUi& ui, const CounterView& view, const Emit& emit) {
  const kit::ScreenStyle style(ui.em());
  const ui::ScreenPanel panel("counter");
  if (!kit::shows_role_screens(view.state.device, view.now)) return screens::draw_enrol(ui, view, emit);
  switch (view.state.screen) {
    case Screen::Login:
      screens::draw_login(ui, view, emit);
      break;
    case Screen::OpenCounter:
      screens::draw_open_counter(ui, view, emit);
      break;
    case Screen::Console:
      screens::draw_console(ui, view, emit);
      break;
    case Screen::Request:
      screens::draw_request_form(ui, view, emit);
      break;
  }
}

}  // namespace kiosk::counter
