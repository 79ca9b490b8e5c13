// The calling display's one screen, for a TV across a hall: the current call
// very large (blinking for a few seconds when it is new), the five calls
// before it, the waiting count per service, the clock, and a plain banner when
// the store node cannot be reached. Chinese and English together, the leading
// language larger. No taps; only the enrol screens take them.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/translations.h"
#include "display/display_actions.h"
#include "display/display_state.h"
#include "ui/touch_widgets.h"

namespace kiosk::display {

struct BoardView {
  const DisplayState& state;
  const app::Translations& texts;
  const DisplayTimings& timings;
  EpochMs now;
  std::vector<std::string>* drawn_texts;  // when set, every text drawn is appended (tests)
};

void draw_display_board(ui::TouchUi& ui, const BoardView& view);

// The display's enrolment with the node at `node_url` (kit/enrol_screen.h),
// in the leading language; its taps go to `tap`.
void draw_display_enrol(ui::TouchUi& ui, const BoardView& view, std::string_view node_url,
                        const std::function<void(Action)>& tap);

// The font sizes the board is laid out for (fractions of the screen height).
ui::FontScale display_font_scale();

}  // namespace kiosk::display
