// The technician tablet's worker: each effect of the reducer against JobBook
// (shared/field) on the worker thread's own connection to DIR/technician.db
// (app/serial_worker.h), its result posted back as an action. It also owns
// the tablet's sync thread (tablet_sync.h): nudged after each step, asked at
// once by "Sync now", stopped with the worker. Nothing here waits for a
// network: every step is stored on the tablet and sent by the sync thread.
#pragma once

#include <functional>
#include <string>

#include "app/serial_worker.h"
#include "core/clock.h"
#include "technician/tablet_sync.h"
#include "technician/technician_actions.h"

namespace kiosk::technician {

using Post = std::function<void(Action)>;

struct TabletConfig {
  std::string data_dir;          // holds technician.db; "": no database (scripted screens): effects do nothing
  const Clock* clock = nullptr;  // the tablet's clock (lockouts, HQ's time); null: the system's
  TabletSyncConfig sync;
};

// The runner the worker makes on its thread.
app::EffectRunner<Effect> tablet_worker(const TabletConfig& config, Post post);

}  // namespace kiosk::technician
