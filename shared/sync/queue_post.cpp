// QueuePoster: when the live queue goes to HQ, and what is kept of it.
#include "sync/queue_post.h"

#include "sync/gzip.h"
#include "sync/live_queue.h"

namespace kiosk {
namespace {

// A clock put back counts as time passed: better one post too many.
bool at_least_ago(EpochMs then, EpochMs now, std::chrono::milliseconds wait) {
  return now < then || now - then >= wait.count();
}

}  // namespace

QueuePostReport QueuePoster::post_if_due(StoreDb& store, const Clock& clock, HqCaller& caller,
                                         const HeaderFields& headers, HqCalls& round) {
  QueuePostReport report;
  const EpochMs now = clock.now_ms();
  if (old_hq_since_ && !at_least_ago(*old_hq_since_, now, options_.old_hq_pause)) {
    report.skipped = "old-hq";
    return report;
  }
  Result<LiveQueue> queue = read_live_queue(store, clock);
  if (!queue) {
    report.error = queue.error();
    return report;
  }
  report.tickets = static_cast<int>(queue.value().tickets.size());
  const nlohmann::ordered_json listed = live_queue_json(queue.value());
  std::string content = listed.dump();
  const bool changed = content != acknowledged_;
  if (!changed && (report.tickets == 0 || !at_least_ago(acknowledged_at_, now, options_.refresh))) {
    report.skipped = "unchanged";
    return report;
  }
  const nlohmann::ordered_json body{
      {"business_day", listed["business_day"]}, {"at", now}, {"tickets", listed["tickets"]}};
  HqCalls calls;
  const HqAnswer answer = caller.post("/sync/v1/queue", gzip_compress(body.dump()), headers, calls);
  round.requests += calls.requests;
  round.bytes_sent += calls.bytes_sent;
  round.bytes_received += calls.bytes_received;
  round.wire_bytes += calls.wire_bytes;
  if (calls.clock_offset_ms) round.clock_offset_ms = calls.clock_offset_ms;
  old_hq_since_.reset();
  if (answer.ok) {
    report.posted = true;
    acknowledged_ = std::move(content);
    acknowledged_at_ = now;
    return report;
  }
  if (answer.status == 404) old_hq_since_ = now;
  report.error = calls.error ? *calls.error : unavailable("the queue post failed", "queue-post");
  return report;
}

}  // namespace kiosk
