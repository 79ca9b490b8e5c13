// When the live queue goes to HQ, and what is kept of it in sync_state.
#include "sync/queue_post.h"

#include <sodium.h>

#include "store/storage_guard.h"
#include "sync/gzip.h"
#include "sync/live_queue.h"

namespace kiosk {
namespace {

constexpr EpochMs kRefreshMs = 60'000;          // an unchanged queue with people in it is sent this often
constexpr EpochMs kOldHqPauseMs = 10 * 60'000;  // after a 404

// What HQ last took of the queue, and when it last had no endpoint for it.
struct Posted {
  std::string hash;  // empty: nothing yet
  EpochMs at = 0;
  std::optional<EpochMs> missing_at;
};

// A clock put back counts as time passed: better one post too many.
bool at_least_ago(EpochMs then, EpochMs now, EpochMs wait) { return now < then || now - then >= wait; }

std::string content_hash(const std::string& content) {
  unsigned char digest[16];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(content.data()), content.size(),
                     nullptr, 0);
  char hex[2 * sizeof digest + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

Result<Posted> read_posted(Database& db) {
  return storage_guarded([&]() -> Result<Posted> {
    Statement& q = db.prepare(
        "SELECT coalesce(queue_posted_hash, ''), coalesce(queue_posted_at, 0), "
        "queue_endpoint_missing_at FROM sync_state");
    Posted posted;
    if (q.step()) posted = Posted{q.text(0), q.int64(1), q.optional_int64(2)};
    q.reset();
    return posted;
  });
}

// HQ answered 200 to `hash` at `at` (an empty hash with `missing_at`: it
// answered 404, what it took before is kept). Not written: the next round
// only posts once more.
void write_posted(Database& db, const std::string& hash, EpochMs at, std::optional<EpochMs> missing_at) {
  (void)storage_guarded([&]() -> Result<Done> {
    Transaction tx(db);
    db.prepare(
          "UPDATE sync_state SET queue_posted_hash = coalesce(NULLIF(?1, ''), queue_posted_hash), "
          "queue_posted_at = CASE WHEN ?1 <> '' THEN ?2 ELSE queue_posted_at END, queue_endpoint_missing_at = ?3")
        .bind(1, hash)
        .bind(2, at)
        .bind(3, missing_at)
        .run();
    tx.commit();
    return Done{};
  });
}

void add_counts(HqCalls& round, const HqCalls& post) {
  round.requests += post.requests;
  round.bytes_sent += post.bytes_sent;
  round.bytes_received += post.bytes_received;
  round.wire_bytes += post.wire_bytes;
  if (post.clock_offset_ms) round.clock_offset_ms = post.clock_offset_ms;
}

}  // namespace

QueuePostReport post_live_queue(StoreDb& store, const Clock& clock, HqCaller& caller, const HeaderFields& headers,
                                HqCalls& round) {
  QueuePostReport report;
  const EpochMs now = clock.now_ms();
  Result<Posted> posted = read_posted(store.db());
  if (!posted) {
    report.error = posted.error();
    return report;
  }
  if (posted.value().missing_at && !at_least_ago(*posted.value().missing_at, now, kOldHqPauseMs)) {
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
  const std::string hash = content_hash(listed.dump());
  const bool changed = hash != posted.value().hash;
  if (!changed && (report.tickets == 0 || !at_least_ago(posted.value().at, now, kRefreshMs))) {
    report.skipped = "unchanged";
    return report;
  }
  const nlohmann::ordered_json body{
      {"business_day", listed["business_day"]}, {"at", now}, {"tickets", listed["tickets"]}};
  HqCalls calls;
  const HqAnswer answer = caller.post("/sync/v1/queue", gzip_compress(body.dump()), headers, calls);
  add_counts(round, calls);
  if (answer.ok) {
    report.posted = true;
    write_posted(store.db(), hash, now, std::nullopt);
    return report;
  }
  if (answer.status == 404) write_posted(store.db(), "", now, now);
  report.error = calls.error ? *calls.error : unavailable("the live queue post failed", "queue-post");
  return report;
}

}  // namespace kiosk
