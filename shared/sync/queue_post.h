// The live queue post of a sync round (POST /sync/v1/queue,
// docs/public-pages.md): after the round's upload, the store's live queue
// (live_queue.h) goes to HQ when it differs from the last one HQ answered 200
// to, or when that was a minute ago and anyone waits; an empty queue is sent
// once, so HQ clears the places it shows. It is no record: nothing is queued
// for it, a newer post replaces the last. What HQ last took (a hash of it and
// when) is kept in sync_state (schema 13), so the sync worker and a one-off
// `kioskctl sync` follow one rule and a no-op round stays one request; a new
// HQ configuration forgets it. Its failures never fail the round; an HQ that
// answers 404 (older, without the endpoint) is asked again only 10 minutes later.
#pragma once

#include <optional>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "store/store_db.h"
#include "sync/hq_caller.h"

namespace kiosk {

// What became of one round's post.
struct QueuePostReport {
  bool posted = false;  // HQ answered 200
  int tickets = 0;      // listed in the queue as read
  // Why none was sent: "unchanged", "old-hq" (a 404 less than 10 minutes ago),
  // "upload-failed" (the round's upload did not go through); empty when one was.
  std::string skipped;
  std::optional<Error> error;  // why the post failed, or the queue could not be read (the round went on)
};

// Reads the live queue and posts it through `caller` when due. Its requests
// and bytes count in `round`; the round's error and refusal are untouched.
QueuePostReport post_live_queue(StoreDb& store, const Clock& clock, HqCaller& caller, const HeaderFields& headers,
                                HqCalls& round);

}  // namespace kiosk
