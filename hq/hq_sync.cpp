// The sync protocol at HQ: device tokens, upload batches (dedup on device,
// incarnation and seq, then on record id and revision; parking what can never
// be applied), and the change feed.
#include "hq/hq_sync.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

#include "hq/figure_store.h"
#include "hq/kb_use_days.h"
#include "hq/phone_records.h"
#include "hq/ticket_pages.h"
#include "hq/upload_reader.h"
#include "staff/pin_hash.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

// [SECTION] Upload

class BatchWriter {
 public:
  BatchWriter(HqDb& db, const Device& device, const std::string& incarnation, EpochMs now)
      : db_(db), device_(device), incarnation_(incarnation), now_(now) {}

  // Reads how far this stream is acknowledged and the seqs received above
  // that (out of order; usually none): once per batch, not per record. The
  // stream's row stays locked until the batch commits, so the batches of one
  // stream are applied one after another, also by different hq processes.
  std::int64_t open_stream() {
    db_.run("INSERT INTO device_stream(device_id, incarnation) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            {device_.id, incarnation_});
    acked_before_ = db_.single_int64(std::string("SELECT acked_through FROM device_stream WHERE device_id = ?1 AND "
                                                 "incarnation = ?2") +
                                         db_.for_update(),
                                     {device_.id, incarnation_})
                        .value_or(0);
    db_.each("SELECT seq FROM received_seq WHERE device_id = ?1 AND incarnation = ?2", {device_.id, incarnation_},
             [&](const SqlRow& row) { stored_above_.insert(row.int64(0)); });
    received_ = stored_above_;
    return acked_before_;
  }

  // True when this (device, incarnation, seq) is new to HQ (and now counted as received).
  bool first_time(std::int64_t seq) { return seq > acked_before_ && received_.insert(seq).second; }

  void park(std::int64_t seq, const std::string& code, const std::string& message, const std::string& raw) {
    db_.run(
        "INSERT INTO parked_record(device_id, incarnation, seq, store_id, code, message, raw, parked_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING",
        {device_.id, incarnation_, seq, device_.store_id, code, message, raw, now_});
  }

  // Stores the checked records (store_records); parks a record whose id HQ
  // holds as another kind or of another store. Returns how many changed HQ's copy.
  int apply(const std::vector<const UploadRecord*>& records) {
    std::vector<std::pair<std::int64_t, const CheckedRecord*>> to_store;
    to_store.reserve(records.size());
    for (const UploadRecord* record : records) to_store.emplace_back(record->seq, &*record->checked);
    const std::vector<bool> stored =
        store_records(db_, RecordSource{device_.store_id, device_.id, incarnation_}, to_store, now_);
    int applied = 0;
    for (std::size_t i = 0; i < records.size(); ++i) {
      if (stored[i]) {
        ++applied;
        continue;
      }
      if (const std::optional<std::string> conflict = id_conflict(records[i]->seq, *records[i]->checked))
        park(records[i]->seq, "id-conflict", *conflict, records[i]->raw);
    }
    return applied;
  }

  // Why a record that was not stored can never be: its id is another kind's
  // or another store's at HQ. None when HQ holds this revision or a newer one.
  std::optional<std::string> id_conflict(std::int64_t seq, const CheckedRecord& r) {
    std::string kind, store;
    db_.first("SELECT kind, store_id FROM record WHERE id = ?1", {r.id}, [&](const SqlRow& row) {
      kind = row.text(0);
      store = row.text(1);
    });
    if (kind == r.kind && store == device_.store_id) return std::nullopt;
    return "record " + std::to_string(seq) + ": id " + r.id + " is already a " + kind + " of store " + store;
  }

  // Moves acked_through over every seq received contiguously above it; keeps
  // in received_seq only the seqs still above it.
  std::int64_t advance() {
    std::int64_t acked = acked_before_;
    while (received_.count(acked + 1)) ++acked;
    for (auto it = received_.upper_bound(acked); it != received_.end(); ++it)
      if (!stored_above_.count(*it))
        db_.run("INSERT INTO received_seq(device_id, incarnation, seq) VALUES (?1, ?2, ?3)",
                {device_.id, incarnation_, *it});
    if (!stored_above_.empty() && *stored_above_.begin() <= acked)
      db_.run("DELETE FROM received_seq WHERE device_id = ?1 AND incarnation = ?2 AND seq <= ?3",
              {device_.id, incarnation_, acked});
    if (acked != acked_before_)
      db_.run("UPDATE device_stream SET acked_through = ?3 WHERE device_id = ?1 AND incarnation = ?2",
              {device_.id, incarnation_, acked});
    return acked;
  }

  // What HQ parked of these seqs (now or when they were first sent), by seq.
  json parked(const std::vector<std::int64_t>& seqs) {
    json list = json::array();
    if (seqs.empty()) return list;
    const auto [low, high] = std::minmax_element(seqs.begin(), seqs.end());
    const std::set<std::int64_t> wanted(seqs.begin(), seqs.end());
    db_.each(
        "SELECT seq, code, message FROM parked_record WHERE device_id = ?1 AND incarnation = ?2 "
        "AND seq BETWEEN ?3 AND ?4 ORDER BY seq",
        {device_.id, incarnation_, *low, *high}, [&](const SqlRow& row) {
          if (wanted.count(row.int64(0)))
            list.push_back(json{{"seq", row.int64(0)}, {"code", row.text(1)}, {"message", row.text(2)}});
        });
    return list;
  }

 private:
  HqDb& db_;
  const Device& device_;
  const std::string& incarnation_;
  EpochMs now_;
  std::int64_t acked_before_ = 0;
  std::set<std::int64_t> stored_above_;  // in received_seq when the batch began
  std::set<std::int64_t> received_;      // above acked_before_: stored ones and this batch's
};

}  // namespace

// One statement each that stores a new record or a newer revision of it, so
// the latest revision wins whichever transaction commits first; sent
// together (one round trip on PostgreSQL). A record whose id HQ holds as
// another kind or of another store is not stored. The figures, the request
// mirror, the ticket pages and the help articles' use sums move with what
// was stored.
std::vector<bool> store_records(HqDb& db, const RecordSource& source,
                                const std::vector<std::pair<std::int64_t, const CheckedRecord*>>& records,
                                EpochMs now) {
  std::vector<std::vector<SqlParam>> rows;
  rows.reserve(records.size());
  for (const auto& [seq, record] : records) {
    const CheckedRecord& r = *record;
    rows.push_back({r.id, r.kind, source.store_id, r.revision, r.data, source.device_id, source.incarnation, seq, now});
  }
  KbUseDays uses(db, source.store_id, records);  // before HQ's copies are replaced
  const std::vector<bool> stored = db.run_each(
      "INSERT INTO record(id, kind, store_id, revision, data, device_id, incarnation, seq, received_at, "
      "first_received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9) ON CONFLICT(id) DO UPDATE SET "
      "revision = excluded.revision, data = excluded.data, device_id = excluded.device_id, "
      "incarnation = excluded.incarnation, seq = excluded.seq, received_at = excluded.received_at "
      "WHERE record.revision < excluded.revision AND record.kind = excluded.kind "
      "AND record.store_id = excluded.store_id",
      rows);
  FigureWriter figures(db, source.store_id, now);
  TicketPageWriter pages(db, source.store_id, now);
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (!stored[i]) continue;
    const CheckedRecord& record = *records[i].second;
    figures.add(record);
    pages.add(record);
    uses.add(record);
    if (record.request) mirror_upload(db, source.store_id, record.id, *record.request, now);
    if (record.request_event) mirror_event(db, source.store_id, record.id, *record.request_event, now);
  }
  figures.write();
  pages.write();
  uses.write();
  return stored;
}

std::variant<Device, ApiError> authenticate_device(HqDb& db, const std::string& token) {
  if (token.empty())
    return ApiError{401, "missing-token", "send Authorization: Bearer DEVICE_TOKEN (hq device add prints one)", {}};
  std::optional<Device> device;
  bool revoked = false;
  db.first("SELECT id, store_id, revoked_at, technician_id FROM device WHERE token_hash = ?1",
           {session_token_hash(token)}, [&](const SqlRow& row) {
             device = Device{row.text(0), row.text(1), row.is_null(3) ? std::nullopt : std::optional(row.text(3))};
             revoked = !row.is_null(2);
           });
  if (!device) return ApiError{401, "unknown-device", "this token belongs to no device at HQ", {}};
  if (revoked) return ApiError{401, "revoked-device", "device " + device->id + " was revoked at HQ", {}};
  return *device;
}

std::variant<json, ApiError> apply_upload(HqDb& db, const Device& device, const std::string& body_text, EpochMs now,
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

  return db.write([&]() -> std::variant<json, ApiError> {
    BatchWriter writer(db, device, upload.incarnation, now);
    const bool duplicate_batch =
        db.run(
            "INSERT INTO upload_batch(device_id, batch_key, records, received_at) VALUES (?1, ?2, ?3, ?4) "
            "ON CONFLICT DO NOTHING",
            {device.id, upload.batch, std::int64_t(upload.records.size()), now}) == 0;
    writer.open_stream();
    int received = 0;
    std::vector<const UploadRecord*> checked;
    for (const UploadRecord& record : upload.records) {
      if (!writer.first_time(record.seq)) continue;
      ++received;
      if (!record.checked)
        writer.park(record.seq, record.park_code, record.park_message, record.raw);
      else if ((record.checked->kind == "signature") != device.technician_id.has_value())
        writer.park(record.seq, "wrong-kind",
                    "record " + std::to_string(record.seq) +
                        (device.technician_id ? ": a technician's tablet uploads signatures only"
                                              : ": signatures come from technicians' tablets only"),
                    record.raw);
      else if (const std::optional<std::string> rated = rating_refused(db, device.store_id, *record.checked))
        writer.park(record.seq, "already-rated", "record " + std::to_string(record.seq) + ": " + *rated, record.raw);
      else if (const std::optional<std::string>& code = record.checked->rated_request;
               code && request_rated_at_hq(db, device.store_id, *code, record.checked->id))
        writer.park(record.seq, "already-rated",
                    "record " + std::to_string(record.seq) + ": request " + *code +
                        " has already been rated (at HQ: from the customer's phone)",
                    record.raw);
      else
        checked.push_back(&record);
    }
    const int applied = writer.apply(checked);
    const std::int64_t acked = writer.advance();
    const json parked = writer.parked(seqs);
    db.run("UPDATE device SET last_seen_at = ?2 WHERE id = ?1", {device.id, now});
    return json{{"acked_through", acked},
                {"received", received},
                {"applied", applied},
                {"parked", parked},
                {"duplicate_batch", duplicate_batch},
                {"hq_time", now}};
  });
}

json changes_for(HqDb& db, const Device& device, std::int64_t after, std::int64_t limit, EpochMs now) {
  const std::int64_t head = db.feed_head();
  json changes = json::array();
  std::int64_t last_listed = after;
  bool more = false;
  // A store's devices read the store's and the global changes but no
  // technician's jobs; a technician's tablet reads only what is theirs.
  const std::string mine =
      device.technician_id ? "technician_id = ?3" : "(store_id IS NULL OR store_id = ?3) AND kind <> 'job'";
  db.each(
      "SELECT seq, kind, key, data FROM change_log WHERE seq > ?1 AND seq <= ?2 AND " + mine + " ORDER BY seq LIMIT ?4",
      {after, head, device.technician_id.value_or(device.store_id), limit + 1}, [&](const SqlRow& row) {
        if (std::int64_t(changes.size()) == limit) {
          more = true;
          return;
        }
        last_listed = row.int64(0);
        changes.push_back(json{
            {"seq", last_listed}, {"kind", row.text(1)}, {"key", row.text(2)}, {"data", json::parse(row.text(3))}});
      });
  return json{
      {"changes", changes}, {"last_seq", more ? last_listed : std::max(after, head)}, {"more", more}, {"hq_time", now}};
}

}  // namespace kiosk::hq
