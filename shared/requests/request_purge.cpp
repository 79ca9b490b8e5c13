// The privacy purge of requests (see request_purge.h).
#include "requests/request_purge.h"

#include <string>

#include "store/storage_guard.h"

namespace kiosk {

Result<std::int64_t> purge_personal_data(StoreDb& store, const Clock& clock, int days) {
  if (days < 0 || days > kMaxPurgeDays)
    return invalid_argument("days must be between 0 and " + std::to_string(kMaxPurgeDays), "bad-days");
  return storage_guarded([&]() -> Result<std::int64_t> {
    Database& db = store.db();
    const EpochMs now = clock.now_ms();
    Transaction tx(db);
    // With HQ configured, the days count from HQ's acknowledgement of the
    // request's latest change, and none of its changes may be waiting.
    db.prepare(
          "UPDATE request SET contact_name = '', phone = '', address = '', serial = '', description = '', "
          "purged_at = ?1 WHERE purged_at IS NULL AND closed_at IS NOT NULL AND closed_at <= ?2 "
          "AND state IN ('closed', 'cancelled') "
          "AND (NOT EXISTS (SELECT 1 FROM sync_state WHERE hq_url <> '' AND device_token <> '') "
          "     OR (hq_acked_at IS NOT NULL AND hq_acked_at <= ?2 "
          "         AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.kind = 'request' AND o.record_id = request.id "
          "                         AND o.seq > (SELECT acked_through FROM sync_state))))")
        .bind(1, now)
        .bind(2, now - std::int64_t{days} * 86'400'000)
        .run();
    const std::int64_t purged = sqlite3_changes64(db.handle());
    db.prepare(
          "UPDATE request_rating SET comment = '' WHERE comment <> '' AND request_id IN "
          "(SELECT id FROM request WHERE purged_at IS NOT NULL)")
        .run();
    tx.commit();
    return purged;
  });
}

}  // namespace kiosk
