// The sync protocol at HQ: device tokens, upload batches (dedup on device,
// incarnation and seq, then on record id and revision; parking what can never
// be applied), and the change feed.
#include "hq/hq_sync.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

#include "hq/upload_reader.h"
#include "staff/pin_hash.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

// [SECTION] Upload

class BatchWriter {
 public:
  BatchWriter(Database& db, const Device& device, const std::string& incarnation, EpochMs now)
      : db_(db), device_(device), incarnation_(incarnation), now_(now) {}

  // Reads how far this stream is acknowledged and the seqs received above
  // that (out of order; usually none): once per batch, not per record.
  std::int64_t open_stream() {
    db_.prepare("INSERT OR IGNORE INTO device_stream(device_id, incarnation) VALUES (?1, ?2)")
        .bind(1, device_.id)
        .bind(2, incarnation_)
        .run();
    Statement& q = db_.prepare("SELECT acked_through FROM device_stream WHERE device_id = ?1 AND incarnation = ?2");
    q.bind(1, device_.id).bind(2, incarnation_);
    acked_before_ = q.step() ? q.int64(0) : 0;
    q.reset();
    Statement& above = db_.prepare("SELECT seq FROM received_seq WHERE device_id = ?1 AND incarnation = ?2");
    above.bind(1, device_.id).bind(2, incarnation_);
    while (above.step()) stored_above_.insert(above.int64(0));
    above.reset();
    received_ = stored_above_;
    return acked_before_;
  }

  // True when this (device, incarnation, seq) is new to HQ (and now counted as received).
  bool first_time(std::int64_t seq) { return seq > acked_before_ && received_.insert(seq).second; }

  void park(std::int64_t seq, const std::string& code, const std::string& message, const std::string& raw) {
    db_.prepare(
           "INSERT OR IGNORE INTO parked_record(device_id, incarnation, seq, store_id, code, message, raw, parked_at) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .bind(1, device_.id)
        .bind(2, incarnation_)
        .bind(3, seq)
        .bind(4, device_.store_id)
        .bind(5, code)
        .bind(6, message)
        .bind(7, raw)
        .bind(8, now_)
        .run();
  }

  // Applies a checked record by (kind, id) and revision. Returns whether HQ's
  // copy changed, or a parking reason.
  std::variant<bool, std::string> apply(std::int64_t seq, const CheckedRecord& r) {
    db_.prepare(
           "INSERT INTO record(id, kind, store_id, revision, data, device_id, incarnation, seq, received_at, "
           "first_received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9) ON CONFLICT(id) DO NOTHING")
        .bind(1, r.id)
        .bind(2, r.kind)
        .bind(3, device_.store_id)
        .bind(4, r.revision)
        .bind(5, r.data)
        .bind(6, device_.id)
        .bind(7, incarnation_)
        .bind(8, seq)
        .bind(9, now_)
        .run();
    if (sqlite3_changes(db_.handle()) > 0) return true;  // the common case: a record HQ has not seen
    Statement& find = db_.prepare("SELECT kind, store_id, revision FROM record WHERE id = ?1");
    find.bind(1, r.id);
    find.step();
    const std::string kind = find.text(0), store = find.text(1);
    const std::int64_t revision = find.int64(2);
    find.reset();
    if (kind != r.kind || store != device_.store_id)
      return "record " + std::to_string(seq) + ": id " + r.id + " is already a " + kind + " of store " + store;
    if (r.revision <= revision) return false;
    db_.prepare(
           "UPDATE record SET revision = ?2, data = ?3, device_id = ?4, incarnation = ?5, seq = ?6, "
           "received_at = ?7 WHERE id = ?1")
        .bind(1, r.id)
        .bind(2, r.revision)
        .bind(3, r.data)
        .bind(4, device_.id)
        .bind(5, incarnation_)
        .bind(6, seq)
        .bind(7, now_)
        .run();
    return true;
  }

  // Moves acked_through over every seq received contiguously above it; keeps
  // in received_seq only the seqs still above it.
  std::int64_t advance() {
    std::int64_t acked = acked_before_;
    while (received_.count(acked + 1)) ++acked;
    for (auto it = received_.upper_bound(acked); it != received_.end(); ++it)
      if (!stored_above_.count(*it))
        db_.prepare("INSERT INTO received_seq(device_id, incarnation, seq) VALUES (?1, ?2, ?3)")
            .bind(1, device_.id)
            .bind(2, incarnation_)
            .bind(3, *it)
            .run();
    if (!stored_above_.empty() && *stored_above_.begin() <= acked)
      db_.prepare("DELETE FROM received_seq WHERE device_id = ?1 AND incarnation = ?2 AND seq <= ?3")
          .bind(1, device_.id)
          .bind(2, incarnation_)
          .bind(3, acked)
          .run();
    if (acked != acked_before_)
      db_.prepare("UPDATE device_stream SET acked_through = ?3 WHERE device_id = ?1 AND incarnation = ?2")
          .bind(1, device_.id)
          .bind(2, incarnation_)
          .bind(3, acked)
          .run();
    return acked;
  }

  // What HQ parked of these seqs (now or when they were first sent), by seq.
  json parked(const std::vector<std::int64_t>& seqs) {
    json list = json::array();
    if (seqs.empty()) return list;
    const auto [low, high] = std::minmax_element(seqs.begin(), seqs.end());
    const std::set<std::int64_t> wanted(seqs.begin(), seqs.end());
    Statement& q = db_.prepare(
        "SELECT seq, code, message FROM parked_record WHERE device_id = ?1 AND incarnation = ?2 "
        "AND seq BETWEEN ?3 AND ?4 ORDER BY seq");
    q.bind(1, device_.id).bind(2, incarnation_).bind(3, *low).bind(4, *high);
    while (q.step())
      if (wanted.count(q.int64(0)))
        list.push_back(json{{"seq", q.int64(0)}, {"code", q.text(1)}, {"message", q.text(2)}});
    q.reset();
    return list;
  }

 private:
  Database& db_;
  const Device& device_;
  const std::string& incarnation_;
  EpochMs now_;
  std::int64_t acked_before_ = 0;
  std::set<std::int64_t> stored_above_;  // in received_seq when the batch began
  std::set<std::int64_t> received_;      // above acked_before_: stored ones and this batch's
};

}  // namespace

bool is_uuid(const std::string& text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

std::variant<Device, ApiError> authenticate_device(Database& db, const std::string& token) {
  if (token.empty())
    return ApiError{401, "missing-token", "send Authorization: Bearer DEVICE_TOKEN (hq device add prints one)", {}};
  Statement& q = db.prepare("SELECT id, store_id, revoked_at FROM device WHERE token_hash = ?1");
  q.bind(1, session_token_hash(token));
  if (!q.step()) {
    q.reset();
    return ApiError{401, "unknown-device", "this token belongs to no device at HQ", {}};
  }
  Device device{q.text(0), q.text(1)};
  const bool revoked = !q.is_null(2);
  q.reset();
  if (revoked) return ApiError{401, "revoked-device", "device " + device.id + " was revoked at HQ", {}};
  return device;
}

std::variant<json, ApiError> apply_upload(Database& db, const Device& device, const std::string& body_text, EpochMs now,
                                          const UploadLimits& limits) {
  const UploadBody upload = read_upload_body(body_text, limits.max_records);
  std::vector<std::int64_t> seqs;
  for (std::size_t i = 0; i < upload.records.size(); ++i) {
    const UploadRecord& record = upload.records[i];
    if (record.store != device.store_id)
      return ApiError{403,
                      "wrong-store",
                      "records[" + std::to_string(i) + "].store is \"" + record.store +
                          "\" but this device belongs to store \"" + device.store_id +
                          "\"; nothing of this batch was stored",
                      {}};
    seqs.push_back(record.seq);
  }

  Transaction tx(db);
  BatchWriter writer(db, device, upload.incarnation, now);
  db.prepare("INSERT OR IGNORE INTO upload_batch(device_id, batch_key, records, received_at) VALUES (?1, ?2, ?3, ?4)")
      .bind(1, device.id)
      .bind(2, upload.batch)
      .bind(3, std::int64_t(upload.records.size()))
      .bind(4, now)
      .run();
  const bool duplicate_batch = sqlite3_changes(db.handle()) == 0;
  writer.open_stream();
  int received = 0, applied = 0;
  for (const UploadRecord& record : upload.records) {
    if (!writer.first_time(record.seq)) continue;
    ++received;
    if (!record.checked) {
      writer.park(record.seq, record.park_code, record.park_message, record.raw);
      continue;
    }
    const std::variant<bool, std::string> outcome = writer.apply(record.seq, *record.checked);
    if (const std::string* conflict = std::get_if<std::string>(&outcome))
      writer.park(record.seq, "id-conflict", *conflict, record.raw);
    else if (std::get<bool>(outcome))
      ++applied;
  }
  const std::int64_t acked = writer.advance();
  const json parked = writer.parked(seqs);
  db.prepare("UPDATE device SET last_seen_at = ?2 WHERE id = ?1").bind(1, device.id).bind(2, now).run();
  tx.commit();
  return json{{"acked_through", acked},
              {"received", received},
              {"applied", applied},
              {"parked", parked},
              {"duplicate_batch", duplicate_batch},
              {"hq_time", now}};
}

json changes_for(Database& db, const Device& device, std::int64_t after, std::int64_t limit, EpochMs now) {
  Statement& head_q = db.prepare("SELECT coalesce(max(seq), 0) FROM change_log");
  const std::int64_t head = head_q.step() ? head_q.int64(0) : 0;
  head_q.reset();
  Statement& q = db.prepare(
      "SELECT seq, kind, key, data FROM change_log WHERE seq > ?1 AND seq <= ?2 AND (store_id IS NULL OR store_id = "
      "?3) "
      "ORDER BY seq LIMIT ?4");
  q.bind(1, after).bind(2, head).bind(3, device.store_id).bind(4, limit + 1);
  json changes = json::array();
  std::int64_t last_listed = after;
  bool more = false;
  while (q.step()) {
    if (std::int64_t(changes.size()) == limit) {
      more = true;
      break;
    }
    last_listed = q.int64(0);
    changes.push_back(
        json{{"seq", last_listed}, {"kind", q.text(1)}, {"key", q.text(2)}, {"data", json::parse(q.text(3))}});
  }
  q.reset();
  return json{
      {"changes", changes}, {"last_seq", more ? last_listed : std::max(after, head)}, {"more", more}, {"hq_time", now}};
}

}  // namespace kiosk::hq
