// The tablet's sync thread as the technician's app runs it: FieldSyncWorker
// (shared/field/field_sync_worker.h) over libcurl (http::HttpSyncTransport)
// to the HQ URL and token in the tablet's file, each round reported to the
// screens as a SyncReported action: the tablet's status read on the sync
// thread's own connection, the failure as the key of its words.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "field/field_sync_worker.h"
#include "technician/technician_actions.h"

namespace kiosk::technician {

struct TabletSyncConfig {
  FieldSyncWorker::TransportFactory transport;  // empty: libcurl
  FieldSyncWorkerOptions options;
};

// Starts the sync thread of the tablet in `data_dir`; its rounds go to `post`.
std::unique_ptr<FieldSyncWorker> start_tablet_sync(const std::string& data_dir, const Clock& clock,
                                                   const TabletSyncConfig& config, std::function<void(Action)> post);

// "tech.sync.error.<why>" for a round that did not go through, "" for one that did.
std::string sync_error_key(const FieldSyncReport& report);

}  // namespace kiosk::technician
