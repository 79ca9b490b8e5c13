// `kiosk --role display`: not built yet.
#include "display/display_role.h"

namespace kiosk::display {

int run_display_role(app::CommandLine&) { throw app::UsageError("the display role is not built yet"); }

}  // namespace kiosk::display
