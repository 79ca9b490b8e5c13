// One sync round with HQ (docs/hq-sync-protocol.md): upload the pending outbox
// in batches until nothing is left, then follow HQ's change feed until it has
// nothing more. Each request goes through HqCaller (retries, answer checks);
// the transport is an interface (shared/ links no network library): the
// kiosk and kioskctl give it libcurl (platform/http). Every request of a
// round carries the store's health report (health_report.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "store/store_db.h"
#include "sync/command_outbox.h"
#include "sync/health_probe.h"
#include "sync/hq_caller.h"
#include "sync/queue_post.h"
#include "sync/sync_store.h"

namespace kiosk {

// The requests, bytes, clock difference and error of the round (HqCalls), and:
struct SyncRoundReport : HqCalls {
  bool complete = false;              // nothing left to send, and the change feed read to its end
  std::int64_t uploaded = 0;          // records HQ acknowledged in this round
  std::int64_t parked = 0;            // of which HQ parked
  std::int64_t changes = 0;           // changes applied from HQ
  std::int64_t commands = 0;          // request transitions HQ decided in this round
  std::int64_t commands_refused = 0;  // of which HQ answered with a conflict or a rejection
  std::int64_t pending = 0;           // outbox rows left
  std::int64_t health_bytes = 0;      // the health report's size, sent with each request
  QueuePostReport queue;              // the live queue post after the upload (never fails the round)
};

class SyncSession {
 public:
  using Sleep = HqCaller::Sleep;
  // `health`: the probe whose report goes with each request (kept across
  // rounds by the caller, see health_probe.h); none: one of this session's own.
  SyncSession(StoreDb& store, const Clock& clock, SyncTransport& transport, SyncOptions options = {}, Sleep sleep = {},
              HealthProbe* health = nullptr);

  // One round; what happened is also written to the store's sync state.
  SyncRoundReport run_round();

 private:
  // One upload's records, ready to send.
  struct Batch {
    std::int64_t first = 0, last = 0;
    std::string gzip;
    bool empty() const { return last == 0; }
  };
  static constexpr int kBatchesPerAcknowledgement = 8;
  Result<Batch> build_batch(const std::string& incarnation, std::int64_t after, int limit);
  bool upload(SyncRoundReport& report);
  bool send_commands(SyncRoundReport& report);
  bool follow_changes(SyncRoundReport& report);
  void post_queue(bool uploaded, SyncRoundReport& report);
  void read_health(SyncRoundReport& report);

  StoreDb& store_;
  const Clock& clock_;
  SyncOptions options_;
  HqCaller caller_;
  SyncStore sync_;
  CommandOutbox commands_;
  std::optional<HealthProbe> own_health_;
  HealthProbe& health_;
  HeaderFields headers_;  // this round's, health included
};

}  // namespace kiosk
