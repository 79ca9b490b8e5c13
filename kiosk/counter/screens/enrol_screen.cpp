// The console's enrolment with the store node: the kit's enrol screens
// (kit/enrol_screen.h) under the console's top bar ("Counter N · Enrol this device").
#include "kit/enrol_screen.h"

#include "counter/screens/counter_kit.h"

namespace kiosk::counter::screens {

void draw_enrol(ui::TouchUi& ui, const CounterView& view, const Emit& emit) {
  top_bar(ui, view, emit, view.tr("device.enrol.bar.counter", {std::to_string(view.counter)}));
  if (std::optional<EnrolInput> tapped =
          enrol_panel(ui, view.state.device, view.texts, view.state.language, view.store_url))
    emit(*tapped);
}

}  // namespace kiosk::counter::screens
