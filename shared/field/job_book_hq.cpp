// JobBook, what HQ says: its feed (the technician, the jobs), its answers to
// the technician's steps, telling him what HQ did not keep, the purge of
// customers' details by HQ's clock, and the wipe of a revoked tablet.
#include <algorithm>
#include <cstdint>

#include "codec/api_json.h"
#include "core/random_id.h"
#include "field/job_book.h"  // the class this file implements the second half of
#include "store/storage_guard.h"

namespace kiosk {
namespace {

// Why a step was not kept, for the UI's words (see StepNotice).
constexpr const char* kCancelledKey = "field.step.cancelled";
constexpr const char* kReassignedKey = "field.step.reassigned";
constexpr const char* kConflictKey = "field.step.conflict";
constexpr const char* kRejectedKey = "field.step.rejected";

constexpr const char* kFinalStates = "('done', 'closed', 'cancelled')";

// What a job entry says of its customer: sealed on the tablet, removed by the purge.
constexpr const char* kCustomerFields[] = {"contact_name", "phone", "address", "description"};

std::string refusal_key(const std::string& outcome, const std::string& code, std::optional<RequestState> hq_state) {
  if (hq_state == RequestState::Cancelled) return kCancelledKey;
  if (code == "not-assigned") return kReassignedKey;
  return outcome == "conflict" ? kConflictKey : kRejectedKey;
}

// The words of a notice in English: "the office cancelled this job; your step 'on site' was not kept".
std::string notice_text(const std::string& key, RequestState action, const std::string& message) {
  std::string step = to_string(action);
  std::replace(step.begin(), step.end(), '-', ' ');
  const std::string not_kept = "your step '" + step + "' was not kept";
  if (key == kCancelledKey) return "the office cancelled this job; " + not_kept;
  if (key == kReassignedKey) return "the job was given to another technician; " + not_kept;
  if (key == kConflictKey) return "the office changed this job first; " + not_kept;
  return "HQ refused your step '" + step + "': " + message;
}

std::string text_of(const nlohmann::json& object, const char* field) {
  const auto found = object.find(field);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// A text field that may be null or absent: nullopt then.
std::optional<std::string> nullable_text(const JsonBody& data, const char* field, std::size_t max_bytes) {
  if (!data.has(field) || data.json()[field].is_null()) return std::nullopt;
  return data.text(field, max_bytes);
}

// final_at: HQ's clock when the job was first seen over; cleared when it is open again.
void settle_final_at(Database& db, const std::string& request_id, EpochMs hq_time) {
  db.prepare(std::string("UPDATE job SET final_at = CASE WHEN state IN ") + kFinalStates +
             " THEN coalesce(final_at, ?2) ELSE NULL END WHERE request_id = ?1")
      .bind(1, request_id)
      .bind(2, hq_time)
      .run();
}

// The bound technician's staff entry; another staff member's is not this
// tablet's (false). A retired one keeps no PIN hash.
bool take_technician(Database& db, const JsonBody& data, const std::string& key) {
  const std::string id = data.text("id", 64), name = data.text("name", 160);
  if (id != key) throw BadRequest("bad-field", "a staff change's key must be its id");
  const bool active = !data.has("active") || data.json()["active"] == true;
  const std::string pin_hash = active ? data.text("pin_hash", 512) : std::string();
  if (active && pin_hash.rfind("$argon2id$", 0) != 0)
    throw BadRequest("bad-field", "staff pin_hash must be an argon2id hash");
  Statement& bound = db.prepare("SELECT id FROM technician");
  const std::optional<std::string> bound_id = bound.step() ? std::make_optional(bound.text(0)) : std::nullopt;
  bound.reset();
  if (bound_id && *bound_id != id) return false;
  // A new PIN hash ends a lockout of the old PIN.
  db.prepare(
        "INSERT INTO technician(singleton, id, name, pin_hash, active) VALUES (1, ?1, ?2, ?3, ?4) "
        "ON CONFLICT(singleton) DO UPDATE SET name = excluded.name, active = excluded.active, "
        "failed_logins = CASE WHEN pin_hash = excluded.pin_hash THEN failed_logins ELSE 0 END, "
        "locked_until = CASE WHEN pin_hash = excluded.pin_hash THEN locked_until ELSE NULL END, "
        "pin_hash = excluded.pin_hash")
      .bind(1, id)
      .bind(2, name)
      .bind(3, pin_hash)
      .bind(4, active ? 1 : 0)
      .run();
  return true;
}

// A job given to another technician: removed; its steps HQ has not decided are dropped and told.
void remove_job(Database& db, const std::string& request_id, const std::string& reason, EpochMs hq_time) {
  db.prepare("DELETE FROM job WHERE request_id = ?1").bind(1, request_id).run();
  db.prepare(
        "UPDATE job_step SET outcome = 'dropped', outcome_code = ?2, message = ?3, message_key = ?4, decided_at = ?5 "
        "WHERE request_id = ?1 AND outcome IS NULL")
      .bind(1, request_id)
      .bind(2, reason)
      .bind(3, "not sent: HQ took the job off this tablet (" + reason + ")")
      .bind(4, kReassignedKey)
      .bind(5, hq_time)
      .run();
}

// A job as HQ lists it now. Its data is always taken (a purged job listed
// again gets its details back, to be purged again); its state, version and
// visit only while none of its steps waits for HQ and never backwards.
void take_job(FieldDb& field, const JsonBody& data, const std::string& key, EpochMs hq_time) {
  Database& db = field.db();
  const std::string request_id = data.text("request", 64);
  if (request_id != key) throw BadRequest("bad-field", "a job change's key must be its request id");
  if (data.has("active") && data.json()["active"] == false) {
    const std::string reason = data.has("reason") ? data.text("reason", 64) : std::string("reassigned");
    remove_job(db, request_id, reason, hq_time);
    return;
  }
  const std::string code = data.text("code", 32), store = data.text("store", 64), state = data.text("state", 32);
  if (!request_state_from(state)) throw BadRequest("bad-field", "job state \"" + state + "\" is unknown");
  const std::int64_t version = data.integer("version", 1, INT32_MAX);
  const std::optional<std::string> scheduled_date = nullable_text(data, "scheduled_date", 10);
  const std::optional<std::string> scheduled_window = nullable_text(data, "scheduled_window", 16);
  if (scheduled_window && !time_window_from(*scheduled_window))
    throw BadRequest("bad-field", "visit window \"" + *scheduled_window + "\" is unknown");

  // The customer's details are kept sealed, apart from the rest of the entry.
  nlohmann::json kept = data.json(), details = nlohmann::json::object();
  for (const char* field_name : kCustomerFields)
    if (const auto found = kept.find(field_name); found != kept.end()) {
      details[field_name] = *found;
      kept.erase(found);
    }
  Statement& q = db.prepare(
      "SELECT version, EXISTS (SELECT 1 FROM job_step WHERE request_id = ?1 AND outcome IS NULL) FROM job "
      "WHERE request_id = ?1");
  q.bind(1, request_id);
  const bool known = q.step();
  const bool take_state = !known || (q.int64(1) == 0 && version >= q.int64(0));
  q.reset();
  db.prepare(
        "INSERT INTO job(request_id, code, store_id, state, version, scheduled_date, scheduled_window, data, private) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?10) "
        "ON CONFLICT(request_id) DO UPDATE SET code = ?2, store_id = ?3, data = ?8, private = ?10, purged_at = NULL, "
        "state = CASE WHEN ?9 THEN ?4 ELSE state END, version = CASE WHEN ?9 THEN ?5 ELSE version END, "
        "scheduled_date = CASE WHEN ?9 THEN ?6 ELSE scheduled_date END, "
        "scheduled_window = CASE WHEN ?9 THEN ?7 ELSE scheduled_window END")
      .bind(1, request_id)
      .bind(2, code)
      .bind(3, store)
      .bind(4, state)
      .bind(5, version)
      .bind(6, scheduled_date)
      .bind(7, scheduled_window)
      .bind(8, kept.dump())
      .bind(9, take_state ? 1 : 0)
      .bind_blob(10, field.secrets().seal(details.dump()))
      .run();
  settle_final_at(db, request_id, hq_time);
}

}  // namespace

// [SECTION] HQ's feed

Result<std::int64_t> JobBook::apply_feed(const nlohmann::json& changes, std::int64_t last_seq, EpochMs hq_time) {
  return storage_guarded([&]() -> Result<std::int64_t> {
    Database& db = field_.db();
    Transaction tx(db);
    std::int64_t taken = 0;
    try {
      for (std::size_t i = 0; i < changes.size(); ++i) {
        const std::string where = "changes[" + std::to_string(i) + "].";
        const JsonBody change(changes[i], where);
        const std::string kind = change.text("kind", 32), key = change.text("key", 128);
        if (!change.has("data")) throw BadRequest("missing-field", "a change needs data");
        const JsonBody data(change.json()["data"], where + "data.");
        if (kind == "staff") {
          if (take_technician(db, data, key)) ++taken;
        } else if (kind == "job") {
          take_job(field_, data, key, hq_time);
          ++taken;
        }
      }
    } catch (const BadRequest& e) {
      return invalid_argument(std::string("HQ sent a change this tablet cannot take: ") + e.what(), "bad-change");
    }
    db.prepare("UPDATE device_config SET changes_after = max(changes_after, ?1)").bind(1, last_seq).run();
    tx.commit();
    return taken;
  });
}

// [SECTION] HQ's answers to the steps

Result<CommandTally> JobBook::record_results(const nlohmann::json& results, EpochMs hq_time) {
  return storage_guarded([&]() -> Result<CommandTally> {
    Database& db = field_.db();
    Transaction tx(db);
    CommandTally tally;
    for (const nlohmann::json& result : results) {
      if (!result.is_object()) continue;
      const std::string id = text_of(result, "id"), outcome = text_of(result, "outcome"),
                        code = text_of(result, "code"), message = text_of(result, "message");
      if (outcome != "applied" && outcome != "conflict" && outcome != "rejected") continue;
      if (outcome == "rejected" && code == "unknown-request") continue;  // HQ has not got the request yet
      Statement& q =
          db.prepare("SELECT request_id, from_state, from_version FROM job_step WHERE id = ?1 AND outcome IS NULL");
      q.bind(1, id);
      if (!q.step()) {
        q.reset();
        continue;  // not ours, or decided before
      }
      const std::string request_id = q.text(0), from_state = q.text(1);
      const std::int64_t from_version = q.int64(2);
      q.reset();
      const std::optional<RequestState> hq_state = request_state_from(text_of(result, "status"));
      const auto version = result.find("version");
      const bool has_hq_status = hq_state && version != result.end() && version->is_number_integer();
      const std::string key = outcome == "applied" ? std::string() : refusal_key(outcome, code, hq_state);
      db.prepare(
            "UPDATE job_step SET outcome = ?2, outcome_code = ?3, message = ?4, message_key = ?5, decided_at = ?6 "
            "WHERE id = ?1")
          .bind(1, id)
          .bind(2, outcome)
          .bind(3, code)
          .bind(4, message)
          .bind(5, key)
          .bind(6, hq_time)
          .run();
      ++tally.decided;
      if (outcome != "applied") {
        ++tally.refused;
        db.prepare(
              "UPDATE job_step SET outcome = 'dropped', outcome_code = 'after-refusal', message = ?2, message_key = "
              "?3, "
              "decided_at = ?4 WHERE request_id = ?1 AND outcome IS NULL")
            .bind(1, request_id)
            .bind(2, "not sent: HQ did not keep the step before it (" + code + ")")
            .bind(3, key)
            .bind(4, hq_time)
            .run();
        // HQ's state wins; without one, the job goes back to where the step started.
        db.prepare(
              "UPDATE job SET state = ?2, version = ?3, scheduled_date = json_extract(data, '$.scheduled_date'), "
              "scheduled_window = json_extract(data, '$.scheduled_window') WHERE request_id = ?1")
            .bind(1, request_id)
            .bind(2, has_hq_status ? std::string(to_string(*hq_state)) : from_state)
            .bind(3, has_hq_status ? version->get<std::int64_t>() : from_version)
            .run();
      } else if (has_hq_status) {
        db.prepare(
              "UPDATE job SET state = ?2, version = ?3 WHERE request_id = ?1 "
              "AND NOT EXISTS (SELECT 1 FROM job_step WHERE request_id = ?1 AND outcome IS NULL)")
            .bind(1, request_id)
            .bind(2, to_string(*hq_state))
            .bind(3, version->get<std::int64_t>())
            .run();
      }
      settle_final_at(db, request_id, hq_time);
    }
    tx.commit();
    return tally;
  });
}

Result<std::vector<StepNotice>> JobBook::untold() {
  return storage_guarded([&]() -> Result<std::vector<StepNotice>> {
    Statement& q = field_.db().prepare(
        "SELECT id, request_id, request_code, action, outcome, outcome_code, message_key, message, decided_at "
        "FROM job_step WHERE outcome IN ('conflict', 'rejected', 'dropped') AND NOT told ORDER BY seq");
    std::vector<StepNotice> notices;
    while (q.step()) {
      StepNotice n;
      n.step_id = q.text(0);
      n.request_id = q.text(1);
      n.code = q.text(2);
      n.action = request_state_from(q.text(3)).value_or(RequestState::OnTheWay);
      n.outcome = q.text(4);
      n.outcome_code = q.text(5);
      n.message_key = q.text(6);
      n.message = q.text(7);
      n.text = notice_text(n.message_key, n.action, n.message);
      n.decided_at = q.optional_int64(8);
      notices.push_back(std::move(n));
    }
    q.reset();
    return notices;
  });
}

Result<Done> JobBook::mark_told(const std::string& step_id) {
  return storage_transaction(field_.db(), [&]() -> Result<Done> {
    field_.db().prepare("UPDATE job_step SET told = 1 WHERE id = ?1 AND outcome IS NOT NULL").bind(1, step_id).run();
    if (sqlite3_changes(field_.db().handle()) == 0)
      return invalid_argument("no decided step " + step_id + " on this tablet", "unknown-step");
    return Done{};
  });
}

// [SECTION] Purge and wipe

Result<std::int64_t> JobBook::purge(EpochMs now_hq) {
  return storage_transaction(field_.db(), [&]() -> Result<std::int64_t> {
    Database& db = field_.db();
    db.prepare(
          "UPDATE job SET private = NULL, purged_at = ?1 WHERE purged_at IS NULL AND final_at IS NOT NULL AND final_at "
          "<= ?2 AND state IN " +
          std::string(kFinalStates) +
          " AND NOT EXISTS (SELECT 1 FROM job_step s WHERE s.request_id = job.request_id AND s.outcome IS NULL) "
          "AND NOT EXISTS (SELECT 1 FROM signature g WHERE g.request_id = job.request_id)")
        .bind(1, now_hq)
        .bind(2, now_hq - options_.retention_ms)
        .run();
    const std::int64_t purged = sqlite3_changes64(db.handle());
    // The steps' notes, rating comments and signature ids go with them.
    db.prepare(
          "UPDATE job_step SET data = '{}' WHERE data <> '{}' AND request_id IN "
          "(SELECT request_id FROM job WHERE purged_at IS NOT NULL)")
        .run();
    return purged;
  });
}

Result<Done> JobBook::wipe() {
  return storage_guarded([&]() -> Result<Done> {
    Database& db = field_.db();
    Transaction tx(db);
    db.exec(
        "DELETE FROM job; DELETE FROM job_step; DELETE FROM signature; DELETE FROM outbox; DELETE FROM technician;");
    db.prepare(
          "UPDATE device_config SET revoked_at = ?1, token = '', incarnation = ?2, acked_through = 0, changes_after = "
          "0")
        .bind(1, clock_.now_ms())
        .bind(2, new_uuid())
        .run();
    tx.commit();
    // secure_delete zeroed the pages; this also empties the WAL of their old copies.
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return Done{};
  });
}

}  // namespace kiosk
