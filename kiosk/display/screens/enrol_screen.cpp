// The display's enrolment with the store node: the kit's enrol screens
// (kit/enrol_screen.h) on the whole screen, in the language that leads.
#include "kit/enrol_screen.h"

#include "display/display_reducer.h"
#include "display/screens/display_screens.h"
#include "kit/touch_kit.h"

namespace kiosk::display {

void draw_display_enrol(ui::TouchUi& ui, const BoardView& view, std::string_view node_url,
                        const std::function<void(Action)>& tap) {
  const kit::ScreenStyle style(ui.em());
  const ui::ScreenPanel panel("display.enrol");
  const app::Language language = leading_language(view.state, view.now, view.timings);
  if (std::optional<kit::EnrolInput> tapped = kit::enrol_panel(ui, view.state.device, view.texts, language, node_url))
    tap(*tapped);
}

}  // namespace kiosk::display
