// Rate, step three: thank you (thanks_screen); the screen also returns to
// Welcome by itself.
#include "customer/screens/customer_kit.h"

namespace kiosk::customer::kit {

void draw_rate_thanks(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  thanks_screen(ui, view, emit, view.tr("rate.title"), view.tr("rate.thanks"), view.tr("rate.thanks_sub"));
}

}  // namespace kiosk::customer::kit
