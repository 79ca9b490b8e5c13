// `kiosk --role counter`: not built yet.
#include "counter/counter_role.h"

namespace kiosk::counter {

int run_counter_role(app::CommandLine&) { throw app::UsageError("the counter role is not built yet"); }

}  // namespace kiosk::counter
