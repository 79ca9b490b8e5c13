// Sync state, outbox and change feed in the store database.
#include "sync/sync_store.h"

#include <algorithm>
#include <cstdint>

#include "codec/api_json.h"
#include "codec/queue_json.h"
#include "codec/technician_report_json.h"
#include "core/comma_list.h"
#include "core/store_time_zone.h"
#include "kb/kb_book.h"
#include "queue/queue_engine.h"
#include "requests/request_book.h"
#include "requests/request_outbox.h"
#include "staff/staff_book.h"
#include "store/product_catalog.h"
#include "store/storage_guard.h"
#include "sync/command_outbox.h"

namespace kiosk {
namespace {

using json = nlohmann::ordered_json;

bool printable_ascii(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c > ' ' && c < 127; });
}

json rating_data(Database& db, const std::string& id) {
  Statement& q = db.prepare("SELECT ticket_id, score, reasons, counter, created_at FROM rating WHERE id = ?1");
  q.bind(1, id);
  json data = json::object();
  if (q.step())
    data = json{{"ticket_id", q.text(0)},
                {"score", q.int64(1)},
                {"reasons", split_comma_list(q.text(2))},
                {"counter", q.is_null(3) ? json(nullptr) : json(q.int64(3))},
                {"created_at", q.int64(4)}};
  q.reset();
  return data;
}

json kb_use_data(Database& db, const std::string& id) {
  Statement& q = db.prepare(
      "SELECT article_id, opened_at, business_day, language, source, answer, ticket FROM kb_use WHERE id = ?1");
  q.bind(1, id);
  json data = json::object();
  if (q.step())
    data = json{{"article", q.text(0)},
                {"opened_at", q.int64(1)},
                {"business_day", q.text(2)},
                {"language", q.text(3)},
                {"source", q.text(4)},
                {"answer", q.is_null(5) ? json(nullptr) : json(q.text(5))},
                {"ticket", q.is_null(6) ? json(nullptr) : json(q.text(6))}};
  q.reset();
  return data;
}

// [SECTION] Changes from HQ

void apply_service(Database& db, const JsonBody& data, const std::string& key) {
  const std::string code = data.text("code", 1);
  if (code != key || code < "A" || code > "Z")
    throw BadRequest("bad-field", "a service's code must be one capital letter, its key");
  const bool active = !data.has("active") || data.json()["active"] == true;
  const bool priority = data.has("priority") && data.json()["priority"] == true;
  db.prepare(
        "INSERT INTO service(code, name_zh, name_en, priority_allowed, wait_target_min, typical_service_min, "
        "sort_order, active) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(code) DO UPDATE SET name_zh = ?2, name_en = ?3, "
        "priority_allowed = ?4, wait_target_min = ?5, typical_service_min = ?6, sort_order = ?7, active = ?8")
      .bind(1, code)
      .bind(2, data.text("zh", 160))
      .bind(3, data.text("en", 160))
      .bind(4, priority ? 1 : 0)
      .bind(5, data.integer("wait_target_min", 1, 480))
      .bind(6, data.integer("typical_service_min", 1, 480))
      .bind(7, data.has("sort_order") ? data.integer("sort_order", 0, 1000) : 0)
      .bind(8, active ? 1 : 0)
      .run();
}

// HQ's product catalogue replaces the store's whole (entries no longer listed
// are deactivated: requests refer to them).
void apply_product_catalog(Database& db, const JsonBody& data) {
  Result<std::vector<ProductCategory>> products =
      parse_product_catalog(data.text("catalog", kMaxProductCatalogBytes), "HQ's product catalogue");
  if (!products) throw BadRequest("bad-field", products.error().message);
  store_product_catalog(db, products.value());
}

// HQ owns staff: a person HQ lists replaces a local one of the same name; a
// retired one is removed with their sessions.
void apply_staff(Database& db, const JsonBody& data, const std::string& key, EpochMs now) {
  const std::string id = data.text("id", 64), name = data.text("name", 160), role = data.text("role", 16);
  const std::string pin_hash = data.text("pin_hash", 512);
  if (id != key) throw BadRequest("bad-field", "a staff change's key must be its id");
  if (!staff_role_from(role)) throw BadRequest("bad-field", "staff role \"" + role + "\" is unknown");
  if (pin_hash.rfind("$argon2id$", 0) != 0) throw BadRequest("bad-field", "staff pin_hash must be an argon2id hash");
  const bool active = !data.has("active") || data.json()["active"] == true;
  db.prepare(
        "DELETE FROM staff_session WHERE staff_id IN (SELECT id FROM staff WHERE (name = ?1 AND id <> ?2) OR (id = ?2 "
        "AND ?3 = 0))")
      .bind(1, name)
      .bind(2, id)
      .bind(3, active ? 1 : 0)
      .run();
  db.prepare("DELETE FROM staff WHERE (name = ?1 AND id <> ?2) OR (id = ?2 AND ?3 = 0)")
      .bind(1, name)
      .bind(2, id)
      .bind(3, active ? 1 : 0)
      .run();
  if (!active) return;
  db.prepare(
        "INSERT INTO staff(id, name, role, pin_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT(id) DO UPDATE SET name = ?2, role = ?3, pin_hash = ?4, failed_logins = 0, locked_until = NULL")
      .bind(1, id)
      .bind(2, name)
      .bind(3, role)
      .bind(4, pin_hash)
      .bind(5, now)
      .run();
}

// What HQ's deciding command set besides the state (its `data`): the
// technician of an assignment, the visit of a scheduling, what a technician's
// tablet reported with the step.
HqStatus hq_status_of(const JsonBody& change, RequestState state, int version) {
  HqStatus status{state, version, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
  if (!change.has("data") || !change.json()["data"].is_object()) return status;
  const JsonBody details(change.json()["data"], "data.data.");
  status.report = technician_report_from(details.json(), "data.data.");
  if (state == RequestState::Assigned && details.has("assignee")) status.assignee = details.text("assignee", 64);
  if (state == RequestState::Scheduled && details.has("scheduled_date")) {
    status.scheduled_date = details.text("scheduled_date", 10);
    if (!is_calendar_date(*status.scheduled_date))
      throw BadRequest("bad-field", "a scheduled visit's date must be YYYY-MM-DD");
    const std::string window = details.text("scheduled_window", 16);
    status.scheduled_window = time_window_from(window);
    if (!status.scheduled_window) throw BadRequest("bad-field", "visit window \"" + window + "\" is unknown");
  }
  return status;
}

// HQ decided a request's status (a command's outcome): the request book takes
// it, and a command of this store it displaced is marked a conflict.
void apply_request_status(Database& db, const JsonBody& data, const std::string& key, EpochMs now) {
  const std::string code = data.text("request", 32), state_name = data.text("status", 32);
  const std::optional<RequestState> state = request_state_from(state_name);
  if (code != key) throw BadRequest("bad-field", "a request status change's key must be its request code");
  if (!state) throw BadRequest("bad-field", "request status \"" + state_name + "\" is unknown");
  const int version = static_cast<int>(data.integer("version", 1, INT32_MAX));
  if (data.has("displaced") && data.json()["displaced"].is_string())  // one of ours, if HQ applied it before
    db.prepare(
          "UPDATE request_command SET outcome = 'conflict', code = 'displaced', message = ?2, decided_at = ?3 "
          "WHERE id = ?1 AND outcome = 'applied'")
        .bind(1, data.json()["displaced"].get<std::string>())
        .bind(2, "a command of higher precedence made from the same version replaced it; the request is " + state_name)
        .bind(3, now)
        .run();
  adopt_hq_status(db, code, hq_status_of(data, *state, version), HqStatusSource::Feed, "decided at HQ", now);
}

}  // namespace

// [SECTION] Configuration and status

std::optional<Error> check_hq_settings(const std::string& hq_url, const std::string& device_token) {
  if ((hq_url.rfind("http://", 0) != 0 && hq_url.rfind("https://", 0) != 0) || hq_url.size() > 512 ||
      !printable_ascii(hq_url))
    return invalid_argument("--url must be an http:// or https:// URL (got \"" + hq_url + "\")");
  if (device_token.empty() || device_token.size() > 256 || !printable_ascii(device_token))
    return invalid_argument("--token must be the device token printed by hq device add");
  return std::nullopt;
}

Result<Done> SyncStore::configure(const std::string& hq_url, const std::string& device_token) {
  if (std::optional<Error> problem = check_hq_settings(hq_url, device_token)) return *problem;
  return storage_guarded([&]() -> Result<Done> {
    Transaction tx(store_.db());
    store_.db()
        .prepare(
            "UPDATE sync_state SET hq_url = ?1, device_token = ?2, last_error = '', queue_posted_hash = NULL, "
            "queue_posted_at = NULL, queue_endpoint_missing_at = NULL")
        .bind(1, hq_url)
        .bind(2, device_token)
        .run();
    tx.commit();
    return Done{};
  });
}

Result<SyncConfig> SyncStore::config() {
  return storage_guarded([&]() -> Result<SyncConfig> {
    Statement& q = store_.db().prepare("SELECT hq_url, device_token FROM sync_state");
    SyncConfig config;
    if (q.step()) config = SyncConfig{q.text(0), q.text(1)};
    q.reset();
    return config;
  });
}

Result<SyncStatus> SyncStore::status() {
  return storage_guarded([&]() -> Result<SyncStatus> {
    Database& db = store_.db();
    SyncStatus s;
    s.store_id = store_.store_id();
    Statement& store = db.prepare("SELECT incarnation FROM store");
    if (store.step()) s.incarnation = store.text(0);
    store.reset();
    Statement& q = db.prepare(
        "SELECT hq_url, device_token, acked_through, parked, changes_after, last_sync_at, last_attempt_at, last_error, "
        "clock_offset_ms FROM sync_state");
    if (q.step()) {
      s.hq_url = q.text(0);
      s.configured = !q.text(0).empty() && !q.text(1).empty();
      s.acked_through = q.int64(2);
      s.parked = q.int64(3);
      s.changes_after = q.int64(4);
      s.last_sync_at = q.optional_int64(5);
      s.last_attempt_at = q.optional_int64(6);
      s.last_error = q.text(7);
      s.clock_offset_ms = q.optional_int64(8);
    }
    q.reset();
    Statement& pending = db.prepare("SELECT count(*), min(created_at) FROM outbox WHERE seq > ?1");
    pending.bind(1, s.acked_through);
    if (pending.step()) {
      s.pending = pending.int64(0);
      if (!pending.is_null(1)) s.oldest_pending_age_ms = std::max<std::int64_t>(0, clock_.now_ms() - pending.int64(1));
    }
    pending.reset();
    Result<CommandCounts> commands = CommandOutbox(store_, clock_).counts();
    if (!commands) return commands.error();
    s.commands_waiting = commands.value().waiting;
    s.commands_refused = commands.value().refused;
    return s;
  });
}

// [SECTION] Outbox

Result<std::vector<OutboxRecord>> SyncStore::pending(int limit, std::optional<std::int64_t> after) {
  return storage_guarded([&]() -> Result<std::vector<OutboxRecord>> {
    Database& db = store_.db();
    ReadTransaction snapshot(db);
    std::vector<OutboxRecord> records;
    {
      Statement& q = db.prepare(
          "SELECT seq, kind, record_id FROM outbox WHERE seq > coalesce(?2, (SELECT acked_through FROM sync_state)) "
          "ORDER BY seq LIMIT ?1");
      q.bind(1, limit).bind(2, after);
      while (q.step()) records.push_back(OutboxRecord{q.int64(0), q.text(1), q.text(2), json::object()});
      q.reset();
    }
    for (OutboxRecord& r : records) {
      if (r.kind == "ticket") {
        if (std::optional<Ticket> ticket = find_ticket(db, r.id)) r.data = to_json(*ticket);
      } else if (r.kind == "rating") {
        r.data = rating_data(db, r.id);
      } else if (r.kind == "kb_use") {
        r.data = kb_use_data(db, r.id);
      } else if (std::optional<json> request = request_outbox_data(db, r.kind, r.id)) {
        r.data = std::move(*request);  // "request" and "request_event" (schema 5)
      }
    }
    return records;
  });
}

Result<Done> SyncStore::acknowledge(std::int64_t acked_through, std::int64_t parked) {
  return storage_guarded([&]() -> Result<Done> {
    Database& db = store_.db();
    Transaction tx(db);
    db.prepare(
          "UPDATE request SET hq_acked_at = ?2 WHERE id IN (SELECT record_id FROM outbox WHERE kind = 'request' "
          "AND seq > (SELECT acked_through FROM sync_state) AND seq <= ?1)")
        .bind(1, acked_through)
        .bind(2, clock_.now_ms())
        .run();
    db.prepare("UPDATE sync_state SET acked_through = max(acked_through, ?1), parked = parked + ?2")
        .bind(1, acked_through)
        .bind(2, parked)
        .run();
    // The row at acked_through stays: the next seq is max(seq) + 1, never a reused one.
    db.prepare("DELETE FROM outbox WHERE seq < (SELECT acked_through FROM sync_state)").run();
    tx.commit();
    return Done{};
  });
}

// [SECTION] Change feed

Result<std::int64_t> SyncStore::apply_changes(const nlohmann::json& changes, std::int64_t last_seq) {
  return storage_guarded([&]() -> Result<std::int64_t> {
    Database& db = store_.db();
    Transaction tx(db);
    std::int64_t applied = 0;
    try {
      for (std::size_t i = 0; i < changes.size(); ++i) {
        const JsonBody change(changes[i], "changes[" + std::to_string(i) + "].");
        const std::int64_t seq = change.integer("seq", 1, std::int64_t(1) << 53);
        const std::string kind = change.text("kind", 32), key = change.text("key", 128);
        if (!change.has("data")) throw BadRequest("missing-field", "a change needs data");
        const JsonBody data(change.json()["data"], "changes[" + std::to_string(i) + "].data.");
        if (kind == "service")
          apply_service(db, data, key);
        else if (kind == "staff")
          apply_staff(db, data, key, clock_.now_ms());
        else if (kind == "request_status")
          apply_request_status(db, data, key, clock_.now_ms());
        else if (kind == "product_catalog")
          apply_product_catalog(db, data);
        else if (kind == "kb_article")
          (void)apply_kb_article_change(db, data.json(), clock_.now_ms());  // a bad one stays in hq_config only
        db.prepare(
              "INSERT INTO hq_config(kind, key, data, seq) VALUES (?1, ?2, ?3, ?4) "
              "ON CONFLICT(kind, key) DO UPDATE SET data = ?3, seq = ?4")
            .bind(1, kind)
            .bind(2, key)
            .bind(3, data.json().dump())
            .bind(4, seq)
            .run();
        ++applied;
      }
    } catch (const BadRequest& e) {
      return invalid_argument(std::string("HQ sent a change this store cannot apply: ") + e.what(), "bad-change");
    }
    db.prepare("UPDATE sync_state SET changes_after = max(changes_after, ?1)").bind(1, last_seq).run();
    tx.commit();
    return applied;
  });
}

Result<Done> SyncStore::record_round(bool complete, const std::string& error,
                                     std::optional<std::int64_t> clock_offset_ms) {
  return storage_guarded([&]() -> Result<Done> {
    Database& db = store_.db();
    Transaction tx(db);
    const EpochMs now = clock_.now_ms();
    db.prepare(
          "UPDATE sync_state SET last_attempt_at = ?1, last_error = ?2, "
          "last_sync_at = CASE WHEN ?3 THEN ?1 ELSE last_sync_at END, "
          "clock_offset_ms = coalesce(?4, clock_offset_ms)")
        .bind(1, now)
        .bind(2, error)
        .bind(3, complete ? 1 : 0)
        .bind(4, clock_offset_ms)
        .run();
    tx.commit();
    return Done{};
  });
}

}  // namespace kiosk
