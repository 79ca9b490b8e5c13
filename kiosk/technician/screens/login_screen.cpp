// Login on the technician's device: the kit's staff login (kit/staff_login.h)
// under the device's top bar ("Technician login").
#include "kit/staff_login.h"
#include "technician/screens/technician_kit.h"

namespace kiosk::technician::screens {

void draw_login(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit) {
  top_bar(ui, view, emit, view.tr("staff.login.title.technician"));
  if (std::optional<LoginInput> tapped = staff_login_panel(ui, view.state.login, view.texts, view.state.language))
    emit(*tapped);
}

}  // namespace kiosk::technician::screens
