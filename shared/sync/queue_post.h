// The live queue post of a sync round (POST /sync/v1/queue,
// docs/public-pages.md): after the round's upload, the store's live queue
// (live_queue.h) goes to HQ when it differs from the last one HQ answered 200
// to, or when that was `refresh` ago and anyone waits; an empty queue is sent
// once, so HQ clears the positions it shows. It is no record: nothing is
// queued for it, a newer post replaces the last. Its failures never fail the
// round; an HQ that answers 404 (older, without the endpoint) is asked again
// only after `old_hq_pause`. The memory lives as long as the poster: the
// sync worker keeps one across its rounds; a one-off round (kioskctl sync)
// always posts.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "store/store_db.h"
#include "sync/hq_caller.h"

namespace kiosk {

struct QueuePostOptions {
  std::chrono::milliseconds refresh{60000};        // an unchanged queue with people in it is sent this often
  std::chrono::milliseconds old_hq_pause{600000};  // after a 404
};

// What became of one round's post.
struct QueuePostReport {
  bool posted = false;  // HQ answered 200
  int tickets = 0;      // listed in the post
  // Why none was sent: "unchanged", "old-hq" (a 404 within old_hq_pause),
  // "upload-failed" (the round's upload did not go through); empty when one was.
  std::string skipped;
  std::optional<Error> error;  // why the post sent failed (the round went on)
};

class QueuePoster {
 public:
  explicit QueuePoster(QueuePostOptions options = {}) : options_(options) {}

  // Reads the live queue and posts it through `caller` when due. The
  // requests and bytes count in `round`; its error and refusal are untouched.
  QueuePostReport post_if_due(StoreDb& store, const Clock& clock, HqCaller& caller, const HeaderFields& headers,
                              HqCalls& round);

 private:
  QueuePostOptions options_;
  std::optional<std::string> acknowledged_;  // the content HQ last answered 200 to
  EpochMs acknowledged_at_ = 0;
  std::optional<EpochMs> old_hq_since_;  // HQ answered 404 then
};

}  // namespace kiosk
