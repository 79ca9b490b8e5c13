// The store's side of sync kept in its own database: where HQ is and the
// device token, the outbox of records to upload (written by triggers in the
// same transaction as each ticket or rating change, schema version 4), how far
// HQ has acknowledged it, HQ's change feed applied to the catalogue and staff,
// and what the last round found (for kioskctl status and the admin screen).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/store_db.h"

namespace kiosk {

struct SyncConfig {
  std::string hq_url;        // "http://10.0.0.5:8800"; empty: not configured
  std::string device_token;  // from `hq device add`
  bool configured() const { return !hq_url.empty() && !device_token.empty(); }
};

// nullopt when a device may use these: the URL http:// or https://, at most
// 512 bytes; the token 1-256 printable ASCII characters.
std::optional<Error> check_hq_settings(const std::string& hq_url, const std::string& device_token);

struct SyncStatus {
  std::string store_id;
  std::string incarnation;
  std::string hq_url;
  bool configured = false;
  std::int64_t pending = 0;                           // outbox rows HQ has not acknowledged
  std::optional<std::int64_t> oldest_pending_age_ms;  // how long the oldest of them has waited
  std::int64_t acked_through = 0;
  std::int64_t parked = 0;            // records HQ acknowledged but could not apply
  std::int64_t commands_waiting = 0;  // request transitions HQ has not decided yet
  std::int64_t commands_refused = 0;  // ... it answered with a conflict or a rejection (or dropped after one)
  std::int64_t changes_after = 0;
  std::optional<EpochMs> last_sync_at;  // the last round that ended with nothing left to send
  std::optional<EpochMs> last_attempt_at;
  std::string last_error;                       // empty after a round that went through
  std::optional<std::int64_t> clock_offset_ms;  // HQ's clock minus ours, as last measured
};

// One outbox row with the record as it is now (the upload's "data").
struct OutboxRecord {
  std::int64_t seq = 0;
  std::string kind;  // "ticket" | "rating"
  std::string id;
  nlohmann::ordered_json data;  // {} when the record no longer exists (HQ parks it)
};

class SyncStore {
 public:
  SyncStore(StoreDb& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Refuses what check_hq_settings refuses. Forgets what the HQ before took
  // of the live queue (sync/queue_post.h): the new one is sent it.
  Result<Done> configure(const std::string& hq_url, const std::string& device_token);
  Result<SyncConfig> config();
  Result<SyncStatus> status();

  // The next outbox rows after seq `after` (by default: after the last one HQ
  // acknowledged), in order, at most `limit`, read from one snapshot.
  Result<std::vector<OutboxRecord>> pending(int limit, std::optional<std::int64_t> after = std::nullopt);
  // HQ acknowledged every seq up to `acked_through` (parking `parked` of
  // them); never moves back. Prunes acknowledged rows except the latest.
  Result<Done> acknowledge(std::int64_t acked_through, std::int64_t parked);

  // Applies a page of HQ's change feed (validated JSON changes) and moves the
  // cursor to `last_seq`, in one transaction. Returns how many were applied.
  Result<std::int64_t> apply_changes(const nlohmann::json& changes, std::int64_t last_seq);

  // The outcome of a round: error empty when it went through with nothing left.
  Result<Done> record_round(bool complete, const std::string& error, std::optional<std::int64_t> clock_offset_ms);

 private:
  StoreDb& store_;
  const Clock& clock_;
};

}  // namespace kiosk
