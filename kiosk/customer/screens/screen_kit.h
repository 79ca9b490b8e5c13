// What the customer screens share beyond the kiosk-wide kit (kit/touch_kit.h,
// kit/shapes.h, visible here unqualified): the top bar with back and language
// switch, helpers over the customer state, and the screens' entry points.
#pragma once

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include "customer/customer_actions.h"
#include "customer/screens/customer_screens.h"
#include "kit/shapes.h"
#include "kit/touch_kit.h"

namespace kiosk::customer::kit {

using namespace kiosk::kit;

// A `subtitle` is drawn after the title when both fit on the bar; returns
// whether it was (if not, the caller shows it below).
bool top_bar(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, std::string_view title,
             std::optional<Action> back, std::string_view subtitle = {});


// [SECTION] Helpers over the state
const ServiceView* find_service(const CustomerState& state, std::string_view code);
const std::string& service_name(const CustomerView& view, const ServiceView& service);
std::string error_text(const CustomerView& view, const std::string& code);

// [SECTION] The screens (one file each), drawn inside the customer ScreenPanel.
void draw_welcome(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
void draw_take_number(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
void draw_phone_pad(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
void draw_ticket(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
void draw_rate_find(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
void draw_rate_score(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
void draw_rate_thanks(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
void draw_coming_soon(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
// Its own window over the screen; draws nothing when no countdown is due.
void draw_idle_overlay(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);

}  // namespace kiosk::customer::kit
