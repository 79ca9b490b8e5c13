// The field tablet's link state, outbox and outgoing steps (see field_link.h).
#include "field/field_link.h"

#include <sodium.h>

#include "store/storage_guard.h"

namespace kiosk {
namespace {

std::string base64(const std::string& bytes) {
  std::string text(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(text.data(), text.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  text.pop_back();  // the terminating NUL
  return text;
}

}  // namespace

Result<Done> FieldLink::configure(const std::string& hq_url, const std::string& token) {
  if (std::optional<Error> problem = check_hq_settings(hq_url, token)) return *problem;
  return storage_transaction(field_.db(), [&]() -> Result<Done> {
    field_.db()
        .prepare("UPDATE device_config SET hq_url = ?1, token = ?2, revoked_at = NULL, last_error = ''")
        .bind(1, hq_url)
        .bind(2, token)
        .run();
    return Done{};
  });
}

Result<SyncConfig> FieldLink::config() {
  return storage_guarded([&]() -> Result<SyncConfig> {
    Statement& q = field_.db().prepare("SELECT hq_url, token FROM device_config");
    SyncConfig config;
    if (q.step()) config = SyncConfig{q.text(0), q.text(1)};
    q.reset();
    return config;
  });
}

Result<FieldLinkStatus> FieldLink::status() {
  return storage_guarded([&]() -> Result<FieldLinkStatus> {
    Statement& q = field_.db().prepare(
        "SELECT incarnation, hq_url, token, revoked_at IS NOT NULL, acked_through, changes_after, last_sync_at, "
        "last_attempt_at, last_error, clock_offset_ms FROM device_config");
    FieldLinkStatus s;
    if (q.step()) {
      s.incarnation = q.text(0);
      s.hq_url = q.text(1);
      s.configured = !q.text(1).empty() && !q.text(2).empty();
      s.revoked = q.int64(3) != 0;
      s.acked_through = q.int64(4);
      s.changes_after = q.int64(5);
      s.last_sync_at = q.optional_int64(6);
      s.last_attempt_at = q.optional_int64(7);
      s.last_error = q.text(8);
      s.clock_offset_ms = q.optional_int64(9);
    }
    q.reset();
    return s;
  });
}

Result<std::vector<FieldRecord>> FieldLink::pending_records(std::int64_t after, int limit, std::size_t max_bytes) {
  return storage_guarded([&]() -> Result<std::vector<FieldRecord>> {
    Database& db = field_.db();
    ReadTransaction snapshot(db);
    Statement& q = db.prepare(
        "SELECT o.seq, o.kind, o.record_id, s.store_id, s.request_id, s.request_code, s.png, s.at "
        "FROM outbox o LEFT JOIN signature s ON s.id = o.record_id WHERE o.seq > ?1 ORDER BY o.seq LIMIT ?2");
    q.bind(1, after).bind(2, limit);
    std::vector<FieldRecord> records;
    std::size_t bytes = 0;
    while (q.step()) {
      // Unsealed for the upload; one this key cannot open goes up empty (HQ parks it).
      const std::string png = q.is_null(6) ? std::string() : field_.secrets().open(q.blob(6)).value_or(std::string());
      if (!records.empty() && bytes + png.size() > max_bytes) break;
      bytes += png.size();
      FieldRecord r{q.int64(0), q.text(1), q.text(2), q.text(3), nlohmann::ordered_json::object()};
      if (!q.is_null(4) && !png.empty())
        r.data = {{"request", q.text(4)}, {"code", q.text(5)}, {"png", base64(png)}, {"at", q.int64(7)}};
      records.push_back(std::move(r));
    }
    q.reset();
    return records;
  });
}

Result<Done> FieldLink::acknowledge(std::int64_t acked_through) {
  return storage_transaction(field_.db(), [&]() -> Result<Done> {
    Database& db = field_.db();
    db.prepare(
          "DELETE FROM signature WHERE id IN (SELECT record_id FROM outbox WHERE kind = 'signature' AND seq <= ?1)")
        .bind(1, acked_through)
        .run();
    db.prepare("UPDATE device_config SET acked_through = max(acked_through, ?1)").bind(1, acked_through).run();
    // The row at acked_through stays: the next seq is max(seq) + 1, never a reused one.
    db.prepare("DELETE FROM outbox WHERE seq < (SELECT acked_through FROM device_config)").run();
    return Done{};
  });
}

Result<std::vector<OutgoingStep>> FieldLink::next_steps(int limit) {
  return storage_guarded([&]() -> Result<std::vector<OutgoingStep>> {
    Statement& q = field_.db().prepare(
        "SELECT id, store_id, request_code, action, from_version, at, data FROM job_step s "
        "WHERE outcome IS NULL AND seq = (SELECT min(seq) FROM job_step t "
        "                                 WHERE t.request_id = s.request_id AND t.outcome IS NULL) "
        "ORDER BY seq LIMIT ?1");
    q.bind(1, limit);
    std::vector<OutgoingStep> steps;
    while (q.step())
      steps.push_back(OutgoingStep{q.text(0), q.text(1), q.text(2), q.text(3), q.int64(4), q.int64(5),
                                   nlohmann::json::parse(q.text(6), nullptr, /*allow_exceptions=*/false)});
    q.reset();
    return steps;
  });
}

Result<Done> FieldLink::record_round(bool complete, const std::string& error,
                                     std::optional<std::int64_t> clock_offset_ms) {
  return storage_transaction(field_.db(), [&]() -> Result<Done> {
    field_.db()
        .prepare(
            "UPDATE device_config SET last_attempt_at = ?1, last_error = ?2, "
            "last_sync_at = CASE WHEN ?3 THEN ?1 ELSE last_sync_at END, "
            "clock_offset_ms = coalesce(?4, clock_offset_ms)")
        .bind(1, clock_.now_ms())
        .bind(2, error)
        .bind(3, complete ? 1 : 0)
        .bind(4, clock_offset_ms)
        .run();
    return Done{};
  });
}

}  // namespace kiosk
