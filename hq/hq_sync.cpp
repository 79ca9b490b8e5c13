// The sync protocol at HQ: device tokens, upload batches (dedup on device,
// incarnation and seq, then on record id and revision; parking what can never
// be applied), and the change feed.
#include "hq/hq_sync.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

#include "staff/pin_hash.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

constexpr std::size_t kMaxStoreBytes = 64, kMaxBatchKeyBytes = 128;
constexpr std::int64_t kMaxSeq = std::int64_t(1) << 53;  // exact in every JSON reader

// [SECTION] Records

struct CheckedRecord {
  std::string kind;
  std::string id;
  std::int64_t revision = 0;
  std::string data;  // the JSON text of `data`
};

// Checks a record's kind, id, revision and data; throws BadRequest saying what is wrong.
CheckedRecord check_record(const nlohmann::json& record) {
  const JsonBody r(record, "");
  CheckedRecord checked;
  checked.kind = r.text("kind", 32);
  static const std::set<std::string> kKinds{"ticket", "rating", "request", "request_event", "request_rating"};
  if (!kKinds.count(checked.kind))
    throw BadRequest("unknown-kind", "field \"kind\" must be one of ticket, rating, request, request_event, "
                                     "request_rating (got \"" + checked.kind + "\")");
  checked.id = r.text("id", 36);
  if (!is_uuid(checked.id)) throw BadRequest("bad-field", "field \"id\" must be a UUID");
  checked.revision = r.integer("revision", 1, kMaxSeq);
  const auto data_field = record.find("data");
  if (data_field == record.end()) throw BadRequest("missing-field", "field \"data\" is required");
  const JsonBody data(*data_field, "data.");
  if (checked.kind == "ticket") {
    data.text("ticket", 16);
    data.text("business_day", 10);
    data.text("service", 8);
    data.text("state", 16);
    data.integer("issued_at", 0, kMaxSeq);
  } else if (checked.kind == "rating") {
    data.text("ticket_id", 36);
    data.integer("score", 1, 5);
  } else if (checked.kind == "request") {
    data.text("code", 32);
  } else if (checked.kind == "request_rating") {
    data.text("request_code", 32);
    data.integer("score", 1, 5);
  } else {
    data.text("request", 64);
    data.text("event", 32);
  }
  checked.data = data_field->dump();
  return checked;
}

// [SECTION] Upload

struct Envelope {
  std::string incarnation;
  std::string batch;
  std::vector<const nlohmann::json*> records;
  std::vector<std::int64_t> seqs;
};

Envelope check_envelope(const JsonBody& body, const Device& device, const UploadLimits& limits,
                        std::optional<ApiError>* refusal) {
  Envelope e;
  e.incarnation = body.text("incarnation", 36);
  if (!is_uuid(e.incarnation)) throw BadRequest("bad-field", "field \"incarnation\" must be a UUID");
  e.batch = body.text("batch", kMaxBatchKeyBytes);
  if (e.batch.empty()) throw BadRequest("bad-field", "field \"batch\" must not be empty");
  if (!body.has("records")) throw BadRequest("missing-field", "field \"records\" is required");
  const nlohmann::json& records = body.json()["records"];
  if (!records.is_array() || records.size() > limits.max_records)
    throw BadRequest("bad-field", "field \"records\" must be an array of at most " + std::to_string(limits.max_records) + " records");
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const std::string where = "records[" + std::to_string(i) + "].";
    const JsonBody record(records[i], where);
    const std::int64_t seq = record.integer("seq", 1, kMaxSeq);
    const std::string store = record.text("store", kMaxStoreBytes);
    if (!seen.insert(seq).second)
      throw BadRequest("duplicate-seq", "seq " + std::to_string(seq) + " appears twice in this batch");
    if (store != device.store_id && !*refusal)
      *refusal = ApiError{403, "wrong-store",
                          where + "store is \"" + store + "\" but this device belongs to store \"" + device.store_id +
                              "\"; nothing of this batch was stored",
                          {}};
    e.records.push_back(&records[i]);
    e.seqs.push_back(seq);
  }
  return e;
}

class BatchWriter {
 public:
  BatchWriter(Database& db, const Device& device, const std::string& incarnation, EpochMs now)
      : db_(db), device_(device), incarnation_(incarnation), now_(now) {}

  // Reads how far this stream is acknowledged and the seqs received above
  // that (out of order; usually none): once per batch, not per record.
  std::int64_t open_stream() {
    db_.prepare("INSERT OR IGNORE INTO device_stream(device_id, incarnation) VALUES (?1, ?2)")
        .bind(1, device_.id).bind(2, incarnation_).run();
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

  void park(std::int64_t seq, const std::string& code, const std::string& message, const nlohmann::json& raw) {
    db_.prepare("INSERT OR IGNORE INTO parked_record(device_id, incarnation, seq, store_id, code, message, raw, parked_at) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .bind(1, device_.id).bind(2, incarnation_).bind(3, seq).bind(4, device_.store_id).bind(5, code)
        .bind(6, message).bind(7, raw.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)).bind(8, now_)
        .run();
  }

  // Applies a checked record by (kind, id) and revision. Returns whether HQ's
  // copy changed, or a parking reason.
  std::variant<bool, std::string> apply(std::int64_t seq, const CheckedRecord& r) {
    db_.prepare("INSERT INTO record(id, kind, store_id, revision, data, device_id, incarnation, seq, received_at, "
                "first_received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9) ON CONFLICT(id) DO NOTHING")
        .bind(1, r.id).bind(2, r.kind).bind(3, device_.store_id).bind(4, r.revision).bind(5, r.data)
        .bind(6, device_.id).bind(7, incarnation_).bind(8, seq).bind(9, now_).run();
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
    db_.prepare("UPDATE record SET revision = ?2, data = ?3, device_id = ?4, incarnation = ?5, seq = ?6, "
                "received_at = ?7 WHERE id = ?1")
        .bind(1, r.id).bind(2, r.revision).bind(3, r.data).bind(4, device_.id).bind(5, incarnation_).bind(6, seq)
        .bind(7, now_).run();
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
            .bind(1, device_.id).bind(2, incarnation_).bind(3, *it).run();
    if (!stored_above_.empty() && *stored_above_.begin() <= acked)
      db_.prepare("DELETE FROM received_seq WHERE device_id = ?1 AND incarnation = ?2 AND seq <= ?3")
          .bind(1, device_.id).bind(2, incarnation_).bind(3, acked).run();
    if (acked != acked_before_)
      db_.prepare("UPDATE device_stream SET acked_through = ?3 WHERE device_id = ?1 AND incarnation = ?2")
          .bind(1, device_.id).bind(2, incarnation_).bind(3, acked).run();
    return acked;
  }

  // What HQ parked of these seqs (now or when they were first sent), by seq.
  json parked(const std::vector<std::int64_t>& seqs) {
    json list = json::array();
    if (seqs.empty()) return list;
    const auto [low, high] = std::minmax_element(seqs.begin(), seqs.end());
    const std::set<std::int64_t> wanted(seqs.begin(), seqs.end());
    Statement& q = db_.prepare("SELECT seq, code, message FROM parked_record WHERE device_id = ?1 AND incarnation = ?2 "
                               "AND seq BETWEEN ?3 AND ?4 ORDER BY seq");
    q.bind(1, device_.id).bind(2, incarnation_).bind(3, *low).bind(4, *high);
    while (q.step())
      if (wanted.count(q.int64(0))) list.push_back(json{{"seq", q.int64(0)}, {"code", q.text(1)}, {"message", q.text(2)}});
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
  if (token.empty()) return ApiError{401, "missing-token", "send Authorization: Bearer DEVICE_TOKEN (hq device add prints one)", {}};
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
  const JsonBody body(body_text);
  std::optional<ApiError> refusal;
  const Envelope envelope = check_envelope(body, device, limits, &refusal);
  if (refusal) return *refusal;

  Transaction tx(db);
  BatchWriter writer(db, device, envelope.incarnation, now);
  db.prepare("INSERT OR IGNORE INTO upload_batch(device_id, batch_key, records, received_at) VALUES (?1, ?2, ?3, ?4)")
      .bind(1, device.id).bind(2, envelope.batch).bind(3, std::int64_t(envelope.records.size())).bind(4, now).run();
  const bool duplicate_batch = sqlite3_changes(db.handle()) == 0;
  writer.open_stream();
  int received = 0, applied = 0;
  for (std::size_t i = 0; i < envelope.records.size(); ++i) {
    const std::int64_t seq = envelope.seqs[i];
    const nlohmann::json& raw = *envelope.records[i];
    if (!writer.first_time(seq)) continue;
    ++received;
    try {
      const CheckedRecord record = check_record(raw);
      const std::variant<bool, std::string> outcome = writer.apply(seq, record);
      if (const std::string* conflict = std::get_if<std::string>(&outcome)) writer.park(seq, "id-conflict", *conflict, raw);
      else if (std::get<bool>(outcome)) ++applied;
    } catch (const BadRequest& e) {
      writer.park(seq, e.code() == "unknown-kind" ? "unknown-kind" : "bad-record", "record " + std::to_string(seq) + ": " + e.what(), raw);
    }
  }
  const std::int64_t acked = writer.advance();
  const json parked = writer.parked(envelope.seqs);
  db.prepare("UPDATE device SET last_seen_at = ?2 WHERE id = ?1").bind(1, device.id).bind(2, now).run();
  tx.commit();
  return json{{"acked_through", acked}, {"received", received}, {"applied", applied}, {"parked", parked},
              {"duplicate_batch", duplicate_batch}, {"hq_time", now}};
}

json changes_for(Database& db, const Device& device, std::int64_t after, std::int64_t limit, EpochMs now) {
  Statement& head_q = db.prepare("SELECT coalesce(max(seq), 0) FROM change_log");
  const std::int64_t head = head_q.step() ? head_q.int64(0) : 0;
  head_q.reset();
  Statement& q = db.prepare(
      "SELECT seq, kind, key, data FROM change_log WHERE seq > ?1 AND seq <= ?2 AND (store_id IS NULL OR store_id = ?3) "
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
    changes.push_back(json{{"seq", last_listed}, {"kind", q.text(1)}, {"key", q.text(2)}, {"data", json::parse(q.text(3))}});
  }
  q.reset();
  return json{{"changes", changes}, {"last_seq", more ? last_listed : std::max(after, head)}, {"more", more}, {"hq_time", now}};
}

}  // namespace kiosk::hq
