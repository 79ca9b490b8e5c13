// What the counter screens share beyond the kiosk-wide kit (kit/touch_kit.h,
// kit/shapes.h, visible here unqualified): the top bar, the link banner,
// buttons that show their keyboard shortcut, and the screens' entry points.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "counter/screens/counter_screens.h"
#include "kit/shapes.h"
#include "kit/touch_kit.h"

namespace kiosk::counter::screens {

using namespace kiosk::kit;

// Title on the left; language switch (and logout once logged in) on the right.
void top_bar(ui::TouchUi& ui, const CounterView& view, const Emit& emit, std::string_view title);
// "Cannot reach the store node at URL - retrying in N s" while the link is down.
void link_banner(ui::TouchUi& ui, const CounterView& view);
// A big button with its label centred and its shortcut (e.g. "F1") in the corner.
// A disabled button draws greyed and never reports a tap.
// The label is in `role`, or the body font if it does not fit the button in at most two lines.
bool shortcut_button(ui::TouchUi& ui, std::string_view id, std::string_view label, std::string_view key, ImVec2 size_em,
                     Tone tone, ui::FontRole role = ui::FontRole::large);
// One label size for a row of shortcut buttons `width_em` wide: large if
// every label fits one line beside the shortcut, else the body font.
ui::FontRole uniform_role(ui::TouchUi& ui, const std::vector<std::string>& labels, float width_em);
// The service's name in the view's language.
std::string service_name(const CounterView& view, std::string_view code);

// [SECTION] The screens (one file each)
// Not enrolled, a wrong server or the fingerprint just enrolled with (kit/enrol_screen.h).
void draw_enrol(ui::TouchUi& ui, const CounterView& view, const Emit& emit);
void draw_login(ui::TouchUi& ui, const CounterView& view, const Emit& emit);
void draw_open_counter(ui::TouchUi& ui, const CounterView& view, const Emit& emit);
void draw_console(ui::TouchUi& ui, const CounterView& view, const Emit& emit);
// The staff's request form (a walk-in's, or the ticket just finished as "request").
void draw_request_form(ui::TouchUi& ui, const CounterView& view, const Emit& emit);
// The console's right column: the queue per service, then the reprint list.
void draw_queue_panel(ui::TouchUi& ui, const CounterView& view, const Emit& emit, float width, float height);

}  // namespace kiosk::counter::screens
