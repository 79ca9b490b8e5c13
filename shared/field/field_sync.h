// One sync round of the field tablet with HQ (docs/hq-sync-protocol.md,
// "Technician devices"): upload the outbox's records (signatures) first, so
// HQ holds a completion's signature before it decides the completion; then
// the technician's undecided steps as commands, oldest first, one per request
// per body, HQ's results kept; then HQ's feed until it has nothing more; then
// the purge of finished jobs' customer details. HQ refusing the tablet as
// revoked (401 revoked-device) wipes it. Requests go through HqCaller (the
// store's retries and answer checks); the transport is an interface.
#pragma once

#include <cstdint>

#include "core/clock.h"
#include "field/field_db.h"
#include "field/field_link.h"
#include "field/job_book.h"
#include "sync/hq_caller.h"

namespace kiosk {

// The requests, bytes, clock difference and error of the round (HqCalls), and:
struct FieldSyncReport : HqCalls {
  bool complete = false;              // nothing left to send, and the feed read to its end
  bool wiped = false;                 // HQ answered revoked-device: the tablet was wiped
  std::int64_t uploaded = 0;          // records HQ acknowledged in this round
  std::int64_t parked = 0;            // of which HQ parked
  std::int64_t commands = 0;          // steps HQ decided in this round
  std::int64_t commands_refused = 0;  // of which a conflict or a rejection
  std::int64_t changes = 0;           // feed changes taken
  std::int64_t purged = 0;            // jobs whose customer details were removed
};

class FieldSyncSession {
 public:
  // A round uploads at most this much signature data per body (HQ takes 4
  // MiB; a PNG's base64 does not compress back), halved when HQ answers 413.
  static constexpr std::size_t kUploadBytes = 1024 * 1024;

  FieldSyncSession(FieldDb& field, const Clock& clock, SyncTransport& transport, SyncOptions options = {},
                   HqCaller::Sleep sleep = {}, JobBookOptions book = {});

  // One round; what happened is also written to the tablet's link state.
  FieldSyncReport run_round();

 private:
  bool upload(FieldSyncReport& report);
  bool send_steps(FieldSyncReport& report);
  bool follow_feed(FieldSyncReport& report);

  SyncOptions options_;
  HqCaller caller_;
  FieldLink link_;
  JobBook book_;
};

}  // namespace kiosk
