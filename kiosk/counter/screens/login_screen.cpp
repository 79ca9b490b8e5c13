// Login at the counter: the kit's staff login (kit/staff_login.h) under the
// console's top bar ("Counter N · Staff login") and the link band; the name
// and PIN may also come from the keyboard (console_keys.h).
#include "counter/screens/console_keys.h"
#include "counter/screens/counter_kit.h"
#include "kit/staff_login.h"

namespace kiosk::counter::screens {

void draw_login(ui::TouchUi& ui, const CounterView& view, const Emit& emit) {
  top_bar(ui, view, emit, view.tr("staff.login.title.counter", {std::to_string(view.counter)}));
  link_banner(ui, view);
  read_login_keys(view, emit);
  if (std::optional<LoginInput> tapped = staff_login_panel(ui, view.state.login, view.texts, view.state.language))
    emit(*tapped);
}

}  // namespace kiosk::counter::screens
