// Staff login on the customer kiosk (after holding the welcome title): the
// kit's staff login (kit/staff_login.h) under the kiosk's top bar with Back;
// its submit says "Show status", where it leads. Ids: the kit's ("login.*",
// "key.*") and "back".
#include "customer/screens/customer_kit.h"
#include "kit/staff_login.h"

namespace kiosk::customer::kit {

void draw_staff_login(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  top_bar(ui, view, emit, view.tr("staff.login.title.kiosk"), BackToWelcome{});
  if (std::optional<LoginInput> tapped =
          staff_login_panel(ui, view.state.admin.login, view.texts, view.state.language, "staff.login.submit.kiosk"))
    emit(*tapped);
}

}  // namespace kiosk::customer::kit
