// HQ's administration commands over its database. Each change of HQ-owned
// configuration is written to the change feed in the same transaction.
#include "hq/hq_admin.h"

#include <algorithm>
#include <map>

#include "codec/queue_json.h"
#include "core/random_id.h"
#include "core/text.h"
#include "hq/hq_db.h"
#include "hq/hq_sync.h"
#include "staff/staff_book.h"
#include "store/catalog.h"
#include "store/storage_guard.h"

namespace kiosk::hq {
namespace {

constexpr std::size_t kMaxIdChars = 64, kMaxNameChars = 160;

}  // namespace

bool HqAdmin::store_exists(const std::string& id) {
  Statement& q = db_.prepare("SELECT 1 FROM hq_store WHERE id = ?1");
  q.bind(1, id);
  const bool found = q.step();
  q.reset();
  return found;
}

void HqAdmin::log_change(const std::optional<std::string>& store_id, const std::string& kind, const std::string& key,
                         const Json& data) {
  append_change(db_, store_id, kind, key, data, clock_.now_ms());
}

// [SECTION] Stores and devices

Result<Json> HqAdmin::add_store(const std::string& id, const std::string& name) {
  if (auto problem = check_single_line("store id", id, kMaxIdChars)) return invalid_argument(*problem);
  if (auto problem = check_single_line("store name", name, kMaxNameChars)) return invalid_argument(*problem);
  return storage_guarded([&]() -> Result<Json> {
    Transaction tx(db_);
    if (store_exists(id)) return refused("store " + id + " exists already", "duplicate-store");
    db_.prepare("INSERT INTO hq_store(id, name, created_at) VALUES (?1, ?2, ?3)")
        .bind(1, id)
        .bind(2, name)
        .bind(3, clock_.now_ms())
        .run();
    tx.commit();
    return Json{{"store", id}, {"name", name}};
  });
}

Result<Json> HqAdmin::stores() {
  return storage_guarded([&]() -> Result<Json> {
    Statement& q = db_.prepare(
        "SELECT s.id, s.name, (SELECT count(*) FROM device d WHERE d.store_id = s.id AND d.revoked_at IS NULL), "
        "(SELECT count(*) FROM record r WHERE r.store_id = s.id) FROM hq_store s ORDER BY s.id");
    Json list = Json::array();
    while (q.step())
      list.push_back(Json{{"store", q.text(0)}, {"name", q.text(1)}, {"devices", q.int64(2)}, {"records", q.int64(3)}});
    q.reset();
    return Json{{"stores", list}};
  });
}

Result<Json> HqAdmin::add_device(const std::string& store_id, const std::string& label) {
  if (auto problem = check_single_line("device label", label, kMaxNameChars); problem && !label.empty())
    return invalid_argument(*problem);
  return storage_guarded([&]() -> Result<Json> {
    Transaction tx(db_);
    if (!store_exists(store_id))
      return invalid_argument("no store " + store_id + " at HQ (hq store add first)", "unknown-store");
    const std::string id = new_uuid(), token = new_session_token();
    db_.prepare("INSERT INTO device(id, store_id, token_hash, label, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(1, id)
        .bind(2, store_id)
        .bind(3, session_token_hash(token))
        .bind(4, label)
        .bind(5, clock_.now_ms())
        .run();
    tx.commit();
    return Json{{"device", id}, {"store", store_id}, {"token", token}};
  });
}

Result<Json> HqAdmin::revoke_device(const std::string& device_id) {
  return storage_guarded([&]() -> Result<Json> {
    Transaction tx(db_);
    Statement& q = db_.prepare("SELECT store_id, revoked_at FROM device WHERE id = ?1");
    q.bind(1, device_id);
    if (!q.step()) {
      q.reset();
      return invalid_argument("no device " + device_id + " at HQ", "unknown-device");
    }
    const std::string store_id = q.text(0);
    const bool already = !q.is_null(1);
    q.reset();
    if (!already)
      db_.prepare("UPDATE device SET revoked_at = ?2 WHERE id = ?1").bind(1, device_id).bind(2, clock_.now_ms()).run();
    tx.commit();
    return Json{{"device", device_id}, {"store", store_id}, {"revoked", true}};
  });
}

Result<Json> HqAdmin::devices(const std::optional<std::string>& store_id) {
  return storage_guarded([&]() -> Result<Json> {
    Statement& q = db_.prepare(
        "SELECT d.id, d.store_id, d.label, d.created_at, d.revoked_at, d.last_seen_at, "
        "(SELECT max(acked_through) FROM device_stream s WHERE s.device_id = d.id) "
        "FROM device d WHERE ?1 IS NULL OR d.store_id = ?1 ORDER BY d.store_id, d.created_at");
    q.bind(1, store_id);
    Json list = Json::array();
    while (q.step()) {
      const auto optional = [&](int column) { return q.is_null(column) ? Json(nullptr) : Json(q.int64(column)); };
      list.push_back(Json{{"device", q.text(0)},
                          {"store", q.text(1)},
                          {"label", q.text(2)},
                          {"created_at", q.int64(3)},
                          {"revoked_at", optional(4)},
                          {"last_seen_at", optional(5)},
                          {"acked_through", optional(6)}});
    }
    q.reset();
    return Json{{"devices", list}};
  });
}

// [SECTION] Catalogue and staff

Result<Json> HqAdmin::import_catalog(const std::string& path) {
  Result<std::vector<Service>> catalog = read_catalog_file(path);
  if (!catalog) return catalog.error();
  return storage_guarded([&]() -> Result<Json> {
    Transaction tx(db_);
    std::map<std::string, std::pair<std::string, bool>> before;  // code -> (data, active)
    Statement& all = db_.prepare("SELECT code, data, active FROM service");
    while (all.step()) before[all.text(0)] = {all.text(1), all.int64(2) != 0};
    all.reset();
    const EpochMs now = clock_.now_ms();
    Statement& upsert = db_.prepare(
        "INSERT INTO service(code, data, active, updated_at) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT(code) DO UPDATE SET data = excluded.data, active = excluded.active, updated_at = "
        "excluded.updated_at");
    int changed = 0;
    const auto put = [&](const std::string& code, const Json& data, bool active) {
      const std::string text = data.dump();
      const auto found = before.find(code);
      if (found != before.end() && found->second.first == text && found->second.second == active) return;
      upsert.bind(1, code).bind(2, text).bind(3, active ? 1 : 0).bind(4, now).run();
      log_change(std::nullopt, "service", code, data);
      ++changed;
    };
    std::map<std::string, bool> listed;
    for (const Service& s : catalog.value()) {
      Json data = to_json(s);
      data["sort_order"] = s.sort_order;
      data["active"] = true;
      put(s.code, data, true);
      listed[s.code] = true;
    }
    for (const auto& [code, previous] : before) {
      if (listed.count(code) || !previous.second) continue;
      Json data = Json::parse(previous.first);
      data["active"] = false;
      put(code, data, false);
    }
    tx.commit();
    return Json{{"services", catalog.value().size()}, {"changes", changed}};
  });
}

Result<Json> HqAdmin::add_staff(const std::string& store_id, const std::string& name, const std::string& pin,
                                const std::string& role_name, const PinHashCost& cost) {
  if (auto problem = check_single_line("staff name", name, kMaxNameChars)) return invalid_argument(*problem);
  const std::optional<StaffRole> role = staff_role_from(role_name);
  if (!role) return invalid_argument("role must be counter, technician or admin", "bad-role");
  if (pin.size() < 4 || pin.size() > 8 ||
      !std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return invalid_argument("a PIN is 4 to 8 digits", "bad-pin");
  const std::optional<std::string> hash = hash_pin(pin, cost);  // slow: before the write lock
  if (!hash) return storage_error("could not hash the PIN (out of memory)");
  return storage_guarded([&]() -> Result<Json> {
    Transaction tx(db_);
    if (!store_exists(store_id))
      return invalid_argument("no store " + store_id + " at HQ (hq store add first)", "unknown-store");
    Statement& q = db_.prepare("SELECT id, active FROM staff WHERE store_id = ?1 AND name = ?2");
    q.bind(1, store_id).bind(2, name);
    std::string id = new_uuid();
    if (q.step()) {
      const bool active = q.int64(1) != 0;
      id = q.text(0);
      q.reset();
      if (active) return refused("staff " + name + " exists already in store " + store_id, "duplicate-name");
    } else {
      q.reset();
    }
    db_.prepare(
           "INSERT INTO staff(id, store_id, name, role, pin_hash, active, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 1, "
           "?6) "
           "ON CONFLICT(id) DO UPDATE SET role = excluded.role, pin_hash = excluded.pin_hash, active = 1, "
           "updated_at = excluded.updated_at")
        .bind(1, id)
        .bind(2, store_id)
        .bind(3, name)
        .bind(4, to_string(*role))
        .bind(5, *hash)
        .bind(6, clock_.now_ms())
        .run();
    const Json data{{"id", id}, {"name", name}, {"role", to_string(*role)}, {"pin_hash", *hash}, {"active", true}};
    log_change(store_id, "staff", id, data);
    tx.commit();
    return Json{{"staff", id}, {"store", store_id}, {"name", name}, {"role", to_string(*role)}};
  });
}

Result<Json> HqAdmin::retire_staff(const std::string& store_id, const std::string& name) {
  return storage_guarded([&]() -> Result<Json> {
    Transaction tx(db_);
    Statement& q = db_.prepare("SELECT id, role, pin_hash FROM staff WHERE store_id = ?1 AND name = ?2 AND active = 1");
    q.bind(1, store_id).bind(2, name);
    if (!q.step()) {
      q.reset();
      return invalid_argument("no active staff " + name + " in store " + store_id, "unknown-staff");
    }
    const std::string id = q.text(0), role = q.text(1), hash = q.text(2);
    q.reset();
    db_.prepare("UPDATE staff SET active = 0, updated_at = ?2 WHERE id = ?1")
        .bind(1, id)
        .bind(2, clock_.now_ms())
        .run();
    log_change(store_id, "staff", id,
               Json{{"id", id}, {"name", name}, {"role", role}, {"pin_hash", hash}, {"active", false}});
    tx.commit();
    return Json{{"staff", id}, {"store", store_id}, {"name", name}, {"active", false}};
  });
}

// [SECTION] Assignments

Result<Json> HqAdmin::assign(const std::string& request_code, const std::string& technician_id) {
  return storage_guarded([&]() -> Result<Json> {
    Transaction tx(db_);
    Statement& tech = db_.prepare("SELECT store_id, role, active FROM staff WHERE id = ?1");
    tech.bind(1, technician_id);
    if (!tech.step()) {
      tech.reset();
      return invalid_argument("no staff " + technician_id + " at HQ", "unknown-technician");
    }
    const std::string store_id = tech.text(0), role = tech.text(1);
    const bool active = tech.int64(2) != 0;
    tech.reset();
    if (role != "technician" || !active)
      return invalid_argument("staff " + technician_id + " is not an active technician", "not-a-technician");
    Statement& request = db_.prepare(
        "SELECT id FROM record WHERE store_id = ?1 AND kind = 'request' AND json_extract(data, '$.code') = ?2");
    request.bind(1, store_id).bind(2, request_code);
    const bool found = request.step();
    request.reset();
    if (!found)
      return invalid_argument("no request " + request_code + " from store " + store_id +
                                  " at HQ (requests arrive when the store syncs them)",
                              "unknown-request");
    const EpochMs now = clock_.now_ms();
    db_.prepare(
           "INSERT INTO assignment(store_id, request_code, technician_id, assigned_at) VALUES (?1, ?2, ?3, ?4) "
           "ON CONFLICT(store_id, request_code) DO UPDATE SET technician_id = excluded.technician_id, "
           "assigned_at = excluded.assigned_at")
        .bind(1, store_id)
        .bind(2, request_code)
        .bind(3, technician_id)
        .bind(4, now)
        .run();
    log_change(store_id, "assignment", request_code,
               Json{{"request", request_code}, {"technician", technician_id}, {"at", now}});
    tx.commit();
    return Json{{"request", request_code}, {"technician", technician_id}, {"store", store_id}};
  });
}

// [SECTION] Exports

Result<Json> HqAdmin::export_records(const std::string& store_id, const std::string& kind_name,
                                     const std::function<void(const std::string&)>& line) {
  static const std::map<std::string, std::string> kKinds{{"tickets", "ticket"},
                                                         {"ratings", "rating"},
                                                         {"requests", "request"},
                                                         {"request-events", "request_event"},
                                                         {"request-ratings", "request_rating"}};
  const auto kind = kKinds.find(kind_name);
  if (kind == kKinds.end()) return invalid_argument("--kind must be tickets, ratings, requests or request-events");
  return storage_guarded([&]() -> Result<Json> {
    if (!store_exists(store_id)) return invalid_argument("no store " + store_id + " at HQ", "unknown-store");
    Statement& q = db_.prepare(
        "SELECT id, revision, data, device_id, received_at FROM record WHERE store_id = ?1 AND kind = ?2 ORDER BY "
        "rowid");
    q.bind(1, store_id).bind(2, kind->second);
    std::int64_t count = 0;
    try {
      while (q.step()) {
        line(Json{{"id", q.text(0)},
                  {"kind", kind->second},
                  {"store", store_id},
                  {"revision", q.int64(1)},
                  {"data", Json::parse(q.text(2))},
                  {"device", q.text(3)},
                  {"received_at", q.int64(4)}}
                 .dump());
        ++count;
      }
    } catch (...) {
      q.reset();
      throw;
    }
    q.reset();
    return Json{{"exported", count}};
  });
}

Result<Json> HqAdmin::parked(const std::optional<std::string>& store_id,
                             const std::function<void(const std::string&)>& line) {
  return storage_guarded([&]() -> Result<Json> {
    Statement& q = db_.prepare(
        "SELECT device_id, incarnation, seq, store_id, code, message, raw, parked_at FROM parked_record "
        "WHERE ?1 IS NULL OR store_id = ?1 ORDER BY parked_at, seq");
    q.bind(1, store_id);
    std::int64_t count = 0;
    while (q.step()) {
      line(Json{{"device", q.text(0)},
                {"incarnation", q.text(1)},
                {"seq", q.int64(2)},
                {"store", q.text(3)},
                {"code", q.text(4)},
                {"message", q.text(5)},
                {"raw", Json::parse(q.text(6), nullptr, false)},
                {"parked_at", q.int64(7)}}
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      ++count;
    }
    q.reset();
    return Json{{"parked", count}};
  });
}

}  // namespace kiosk::hq
