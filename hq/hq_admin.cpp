// HQ's administration commands over its database. Each change of HQ-owned
// configuration is written to the change feed in the same transaction.
#include "hq/hq_admin.h"

#include <algorithm>
#include <map>
#include <set>

#include "codec/queue_json.h"
#include "codec/request_json.h"
#include "core/random_id.h"
#include "core/store_time_zone.h"
#include "core/text.h"
#include "hq/console_audit.h"
#include "hq/dispatch_board.h"
#include "hq/hq_sync.h"
#include "hq/technician_feed.h"
#include "staff/staff_book.h"
#include "store/catalog.h"
#include "store/product_catalog.h"

namespace kiosk::hq {
namespace {

constexpr std::size_t kMaxIdChars = 64, kMaxNameChars = 160;

std::optional<std::string> pin_problem(const std::string& pin) {
  if (pin.size() < 4 || pin.size() > 8 ||
      !std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return "a PIN is 4 to 8 digits";
  return std::nullopt;
}

// A service's entry in HQ's table and feed: its catalogue line, order and state.
Json service_data(const Service& s, bool active) {
  Json data = to_json(s);
  data["sort_order"] = s.sort_order;
  data["active"] = active;
  return data;
}

}  // namespace

bool HqAdmin::store_exists(const std::string& id) { return db_.first("SELECT 1 FROM hq_store WHERE id = ?1", {id}); }

void HqAdmin::log_change(const std::optional<std::string>& store_id, const std::string& kind, const std::string& key,
                         const Json& data) {
  db_.append_change(store_id, kind, key, data, clock_.now_ms(), std::nullopt);
}

// A staff member's entry in the store's feed; a technician's is also their
// tablet's (docs/hq-sync-protocol.md, "Technician devices").
void HqAdmin::log_staff(const std::string& store_id, const std::string& id, const std::string& name,
                        const std::string& role, const std::string& pin_hash, bool active) {
  db_.append_change(store_id, "staff", id,
                    Json{{"id", id}, {"name", name}, {"role", role}, {"pin_hash", pin_hash}, {"active", active}},
                    clock_.now_ms(), role == "technician" ? std::optional(id) : std::nullopt);
}

void HqAdmin::audit(const std::string& action, const std::string& target, const Json& detail) {
  record_audit(db_, clock_.now_ms(), actor_, action, target, detail);
}

// [SECTION] Stores and devices

Result<Json> HqAdmin::add_store(const std::string& id, const std::string& name, const std::string& time_zone) {
  if (auto problem = check_single_line("store id", id, kMaxIdChars)) return invalid_argument(*problem);
  if (auto problem = check_single_line("store name", name, kMaxNameChars)) return invalid_argument(*problem);
  if (!StoreTimeZone::load(time_zone))
    return invalid_argument("time zone \"" + time_zone +
                            "\" is not an IANA zone this system knows (e.g. Asia/Shanghai)");
  return written([&]() -> Result<Json> {
    if (store_exists(id)) return refused("store " + id + " exists already", "duplicate-store");
    db_.run("INSERT INTO hq_store(id, name, created_at, time_zone) VALUES (?1, ?2, ?3, ?4)",
            {id, name, clock_.now_ms(), time_zone});
    audit("store-add", id, Json{{"name", name}, {"time_zone", time_zone}});
    return Json{{"store", id}, {"name", name}, {"time_zone", time_zone}};
  });
}

Result<Json> HqAdmin::stores() {
  return hq_guarded([&]() -> Result<Json> {
    Json list = Json::array();
    db_.each(
        "SELECT s.id, s.name, (SELECT count(*) FROM device d WHERE d.store_id = s.id AND d.revoked_at IS NULL), "
        "(SELECT count(*) FROM record r WHERE r.store_id = s.id), s.time_zone FROM hq_store s ORDER BY s.id",
        {}, [&](const SqlRow& row) {
          list.push_back(Json{{"store", row.text(0)},
                              {"name", row.text(1)},
                              {"devices", row.int64(2)},
                              {"records", row.int64(3)},
                              {"time_zone", row.text(4)}});
        });
    return Json{{"stores", list}};
  });
}

Result<Json> HqAdmin::add_device(const std::string& store_id, const std::string& label) {
  if (auto problem = check_single_line("device label", label, kMaxNameChars); problem && !label.empty())
    return invalid_argument(*problem);
  return written([&]() -> Result<Json> {
    if (!store_exists(store_id))
      return invalid_argument("no store " + store_id + " at HQ (hq store add first)", "unknown-store");
    return insert_device(store_id, label, std::nullopt);
  });
}

Result<Json> HqAdmin::add_technician_device(const std::string& technician_id, const std::string& label,
                                            const std::optional<std::string>& store_id) {
  if (auto problem = check_single_line("device label", label, kMaxNameChars); problem && !label.empty())
    return invalid_argument(*problem);
  return written([&]() -> Result<Json> {
    std::optional<std::string> technicians_store;
    db_.first("SELECT store_id FROM staff WHERE id = ?1 AND role = 'technician' AND active = 1", {technician_id},
              [&](const SqlRow& row) { technicians_store = row.text(0); });
    if (!technicians_store || (store_id && store_id != technicians_store))
      return invalid_argument("no active technician " + technician_id + (store_id ? " in store " + *store_id : "") +
                                  " at HQ (hq staff list shows every id)",
                              "unknown-technician");
    Json answer = insert_device(*technicians_store, label, technician_id);
    publish_open_jobs(db_, technician_id, clock_.now_ms());
    return answer;
  });
}

// Inside the caller's transaction; the token is shown once, HQ keeps its hash.
Json HqAdmin::insert_device(const std::string& store_id, const std::string& label,
                            const std::optional<std::string>& technician_id) {
  const std::string id = new_uuid(), token = new_session_token();
  db_.run(
      "INSERT INTO device(id, store_id, token_hash, label, created_at, technician_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
      {id, store_id, session_token_hash(token), label, clock_.now_ms(), technician_id});
  Json detail{{"store", store_id}, {"label", label}};
  if (technician_id) detail["technician"] = *technician_id;
  audit("device-add", id, detail);
  Json answer{{"device", id}, {"store", store_id}, {"token", token}};
  if (technician_id) answer["technician"] = *technician_id;
  return answer;
}

Result<Json> HqAdmin::revoke_device(const std::string& device_id) {
  return written([&]() -> Result<Json> {
    std::optional<std::string> store_id;
    bool already = false;
    db_.first("SELECT store_id, revoked_at FROM device WHERE id = ?1", {device_id}, [&](const SqlRow& row) {
      store_id = row.text(0);
      already = !row.is_null(1);
    });
    if (!store_id) return invalid_argument("no device " + device_id + " at HQ", "unknown-device");
    if (!already) {
      db_.run("UPDATE device SET revoked_at = ?2 WHERE id = ?1", {device_id, clock_.now_ms()});
      audit("device-revoke", device_id, Json{{"store", *store_id}});
    }
    return Json{{"device", device_id}, {"store", *store_id}, {"revoked", true}};
  });
}

Result<Json> HqAdmin::devices(const std::optional<std::string>& store_id) {
  return hq_guarded([&]() -> Result<Json> {
    Json list = Json::array();
    db_.each(
        "SELECT d.id, d.store_id, d.label, d.created_at, d.revoked_at, d.last_seen_at, "
        "(SELECT max(acked_through) FROM device_stream s WHERE s.device_id = d.id), d.technician_id, t.name "
        "FROM device d LEFT JOIN staff t ON t.id = d.technician_id WHERE CAST(?1 AS TEXT) IS NULL OR d.store_id = ?1 "
        "ORDER BY d.store_id, d.created_at",
        {store_id}, [&](const SqlRow& row) {
          const auto optional = [&](int column) {
            return row.is_null(column) ? Json(nullptr) : Json(row.int64(column));
          };
          list.push_back(Json{{"device", row.text(0)},
                              {"store", row.text(1)},
                              {"label", row.text(2)},
                              {"created_at", row.int64(3)},
                              {"revoked_at", optional(4)},
                              {"last_seen_at", optional(5)},
                              {"acked_through", optional(6)},
                              {"technician", row.is_null(7) ? Json(nullptr) : Json(row.text(7))},
                              {"technician_name", row.is_null(8) ? Json(nullptr) : Json(row.text(8))}});
        });
    return Json{{"devices", list}};
  });
}

// [SECTION] Catalogue and staff

bool HqAdmin::save_service(const std::string& code, const Json& data, bool active,
                           const std::optional<std::pair<std::string, bool>>& before) {
  const std::string text = data.dump();
  if (before && before->first == text && before->second == active) return false;
  db_.run(
      "INSERT INTO service(code, data, active, updated_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT(code) DO UPDATE "
      "SET data = excluded.data, active = excluded.active, updated_at = excluded.updated_at",
      {code, text, active ? 1 : 0, clock_.now_ms()});
  log_change(std::nullopt, "service", code, data);
  return true;
}

Result<Json> HqAdmin::import_catalog(const std::vector<Service>& services) {
  return written([&]() -> Result<Json> {
    std::map<std::string, std::pair<std::string, bool>> before;  // code -> (data, active)
    db_.each("SELECT code, data, active FROM service", {}, [&](const SqlRow& row) {
      before[row.text(0)] = {row.text(1), row.int64(2) != 0};
    });
    const auto previous = [&](const std::string& code) -> std::optional<std::pair<std::string, bool>> {
      const auto found = before.find(code);
      if (found == before.end()) return std::nullopt;
      return found->second;
    };
    int changed = 0;
    std::map<std::string, bool> listed;
    for (const Service& s : services) {
      changed += save_service(s.code, service_data(s, true), true, previous(s.code));
      listed[s.code] = true;
    }
    for (const auto& [code, was] : before) {
      if (listed.count(code) || !was.second) continue;
      Json data = Json::parse(was.first);
      data["active"] = false;
      changed += save_service(code, data, false, was);
    }
    audit("catalog-import", "services", Json{{"services", services.size()}, {"changes", changed}});
    return Json{{"services", services.size()}, {"changes", changed}};
  });
}

Result<Json> HqAdmin::put_service(Service service, bool active) {
  return written([&]() -> Result<Json> {
    std::optional<std::pair<std::string, bool>> before;
    db_.first("SELECT data, active FROM service WHERE code = ?1", {service.code}, [&](const SqlRow& row) {
      before = std::pair{row.text(0), row.int64(1) != 0};
    });
    if (before) {
      service.sort_order = Json::parse(before->first).value("sort_order", 0);
    } else {
      db_.first("SELECT count(*) FROM service", {},
                [&](const SqlRow& row) { service.sort_order = static_cast<int>(row.int64(0)); });
    }
    const Json data = service_data(service, active);
    const bool changed = save_service(service.code, data, active, before);
    if (changed) audit(before ? "service-change" : "service-add", service.code, data);
    return Json{{"service", data}, {"changed", changed}};
  });
}

Result<Json> HqAdmin::services() {
  return hq_guarded([&]() -> Result<Json> {
    std::vector<Json> list;
    db_.each("SELECT data, active FROM service", {}, [&](const SqlRow& row) {
      Json data = Json::parse(row.text(0));
      data["active"] = row.int64(1) != 0;
      list.push_back(std::move(data));
    });
    std::stable_sort(list.begin(), list.end(),
                     [](const Json& a, const Json& b) { return a.value("sort_order", 0) < b.value("sort_order", 0); });
    return Json{{"services", list}};
  });
}

Result<std::string> HqAdmin::export_catalog() {
  Result<Json> all = services();
  if (!all) return all.error();
  std::string lines = "# HQ's service catalogue (JSON Lines: hq catalog import, or the console's import)\n";
  for (Json service : all.value()["services"]) {
    if (!service.value("active", false)) continue;
    service.erase("active");
    service.erase("sort_order");
    lines += service.dump() + "\n";
  }
  return lines;
}

Result<Json> HqAdmin::import_products(const std::string& lines, const std::string& source) {
  Result<std::vector<ProductCategory>> parsed = parse_product_catalog(lines, source);
  if (!parsed) return parsed.error();
  std::set<std::string> problems;  // each offered by one or more products
  for (const ProductCategory& product : parsed.value())
    for (const ProblemCategory& problem : product.problems) problems.insert(problem.code);
  return written([&]() -> Result<Json> {
    db_.run(
        "INSERT INTO product_catalog(id, catalog, updated_at) VALUES (1, ?1, ?2) ON CONFLICT(id) DO UPDATE "
        "SET catalog = excluded.catalog, updated_at = excluded.updated_at",
        {lines, clock_.now_ms()});
    log_change(std::nullopt, "product_catalog", "products", Json{{"catalog", lines}});
    const Json counts{{"products", parsed.value().size()}, {"problems", problems.size()}};
    audit("products-import", "products", counts);
    return counts;
  });
}

Result<Json> HqAdmin::products() {
  return hq_guarded([&]() -> Result<Json> {
    std::string lines;
    db_.first("SELECT catalog FROM product_catalog WHERE id = 1", {}, [&](const SqlRow& row) { lines = row.text(0); });
    Json list = Json::array();
    if (!lines.empty())
      if (Result<std::vector<ProductCategory>> parsed = parse_product_catalog(lines, "HQ's product catalogue"))
        for (const ProductCategory& product : parsed.value()) list.push_back(to_json(product));
    return Json{{"catalog", lines}, {"products", list}};
  });
}

Result<Json> HqAdmin::add_staff(const std::string& store_id, const std::string& name, const std::string& pin,
                                const std::string& role_name, const PinHashCost& cost) {
  if (auto problem = check_single_line("staff name", name, kMaxNameChars)) return invalid_argument(*problem);
  const std::optional<StaffRole> role = staff_role_from(role_name);
  if (!role) return invalid_argument("role must be counter, technician or admin", "bad-role");
  if (auto problem = pin_problem(pin)) return invalid_argument(*problem, "bad-pin");
  const std::optional<std::string> hash = hash_pin(pin, cost);  // slow: before the write lock
  if (!hash) return storage_error("could not hash the PIN (out of memory)");
  const std::string new_id = new_uuid();
  return written([&]() -> Result<Json> {
    if (!store_exists(store_id))
      return invalid_argument("no store " + store_id + " at HQ (hq store add first)", "unknown-store");
    std::string id = new_id;
    bool active = false;
    db_.first("SELECT id, active FROM staff WHERE store_id = ?1 AND name = ?2", {store_id, name},
              [&](const SqlRow& row) {
                id = row.text(0);
                active = row.int64(1) != 0;
              });
    if (active) return refused("staff " + name + " exists already in store " + store_id, "duplicate-name");
    db_.run(
        "INSERT INTO staff(id, store_id, name, role, pin_hash, active, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6) "
        "ON CONFLICT(id) DO UPDATE SET role = excluded.role, pin_hash = excluded.pin_hash, active = 1, "
        "updated_at = excluded.updated_at",
        {id, store_id, name, to_string(*role), *hash, clock_.now_ms()});
    log_staff(store_id, id, name, to_string(*role), *hash, true);
    audit("staff-add", store_id + "/" + name, Json{{"role", to_string(*role)}});
    return Json{{"staff", id}, {"store", store_id}, {"name", name}, {"role", to_string(*role)}};
  });
}

Result<Json> HqAdmin::retire_staff(const std::string& store_id, const std::string& name) {
  return written([&]() -> Result<Json> {
    std::optional<std::string> id;
    std::string role, hash;
    db_.first("SELECT id, role, pin_hash FROM staff WHERE store_id = ?1 AND name = ?2 AND active = 1", {store_id, name},
              [&](const SqlRow& row) {
                id = row.text(0);
                role = row.text(1);
                hash = row.text(2);
              });
    if (!id) return invalid_argument("no active staff " + name + " in store " + store_id, "unknown-staff");
    db_.run("UPDATE staff SET active = 0, updated_at = ?2 WHERE id = ?1", {*id, clock_.now_ms()});
    log_staff(store_id, *id, name, role, hash, false);
    audit("staff-retire", store_id + "/" + name);
    return Json{{"staff", *id}, {"store", store_id}, {"name", name}, {"active", false}};
  });
}

Result<Json> HqAdmin::reset_pin(const std::string& store_id, const std::string& name, const std::string& pin,
                                const PinHashCost& cost) {
  if (auto problem = pin_problem(pin)) return invalid_argument(*problem, "bad-pin");
  const std::optional<std::string> hash = hash_pin(pin, cost);  // slow: before the write lock
  if (!hash) return storage_error("could not hash the PIN (out of memory)");
  return written([&]() -> Result<Json> {
    std::optional<std::string> id;
    std::string role;
    db_.first("SELECT id, role FROM staff WHERE store_id = ?1 AND name = ?2 AND active = 1", {store_id, name},
              [&](const SqlRow& row) {
                id = row.text(0);
                role = row.text(1);
              });
    if (!id) return invalid_argument("no active staff " + name + " in store " + store_id, "unknown-staff");
    db_.run("UPDATE staff SET pin_hash = ?2, updated_at = ?3 WHERE id = ?1", {*id, *hash, clock_.now_ms()});
    log_staff(store_id, *id, name, role, *hash, true);
    audit("staff-pin-reset", store_id + "/" + name);
    return Json{{"staff", *id}, {"store", store_id}, {"name", name}, {"pin_reset", true}};
  });
}

Result<Json> HqAdmin::staff(const std::optional<std::string>& store_id) {
  return hq_guarded([&]() -> Result<Json> {
    if (store_id && !store_exists(*store_id))
      return invalid_argument("no store " + *store_id + " at HQ", "unknown-store");
    Json list = Json::array();
    db_.each(
        "SELECT id, store_id, name, role, active FROM staff WHERE CAST(?1 AS TEXT) IS NULL OR store_id = ?1 "
        "ORDER BY store_id, active DESC, name",
        {store_id}, [&](const SqlRow& row) {
          list.push_back(Json{{"id", row.text(0)},
                              {"store", row.text(1)},
                              {"name", row.text(2)},
                              {"role", row.text(3)},
                              {"active", row.int64(4) != 0}});
        });
    Json answer{{"staff", list}};
    if (store_id) answer = Json{{"store", *store_id}, {"staff", list}};
    return answer;
  });
}

// [SECTION] Assignments

Result<Json> HqAdmin::assign(const std::string& request_code, const std::string& technician_id) {
  return hq_guarded([&]() -> Result<Json> {
    std::optional<std::string> store_id;
    std::string role;
    bool active = false;
    db_.first("SELECT store_id, role, active FROM staff WHERE id = ?1", {technician_id}, [&](const SqlRow& row) {
      store_id = row.text(0);
      role = row.text(1);
      active = row.int64(2) != 0;
    });
    if (!store_id)
      return invalid_argument("no staff " + technician_id + " at HQ (hq staff list shows every id)",
                              "unknown-technician");
    if (role != "technician" || !active)
      return invalid_argument("staff " + technician_id + " is not an active technician", "not-a-technician");
    const std::optional<std::int64_t> version =
        db_.single_int64("SELECT version FROM hq_request WHERE store_id = ?1 AND code = ?2", {*store_id, request_code});
    if (!version)
      return invalid_argument("no request " + request_code + " from store " + *store_id +
                                  " at HQ (requests arrive when the store syncs them)",
                              "unknown-request");
    // HQ's own command, as the dispatch board gives it: the store applies it from the feed.
    std::variant<nlohmann::ordered_json, ApiError> answer = dispatch_request(
        db_, DispatchOrder{*store_id, request_code, *version, technician_id, "", ""}, actor_, clock_.now_ms());
    if (const ApiError* e = std::get_if<ApiError>(&answer))
      return e->status == 409 ? refused(e->message, e->code) : invalid_argument(e->message, e->code);
    const nlohmann::ordered_json& request = std::get<nlohmann::ordered_json>(answer);
    return Json{{"request", request_code},
                {"technician", technician_id},
                {"store", *store_id},
                {"state", request["state"]},
                {"version", request["version"]}};
  });
}

// [SECTION] Exports

Result<Json> HqAdmin::export_records(const std::string& store_id, const std::string& kind_name,
                                     const std::function<void(const std::string&)>& line) {
  static const std::map<std::string, std::string> kKinds{{"tickets", "ticket"},
                                                         {"ratings", "rating"},
                                                         {"requests", "request"},
                                                         {"request-events", "request_event"},
                                                         {"request-ratings", "request_rating"},
                                                         {"signatures", "signature"},
                                                         {"kb-uses", "kb_use"}};
  const auto kind = kKinds.find(kind_name);
  if (kind == kKinds.end())
    return invalid_argument(
        "--kind must be tickets, ratings, requests, request-events, request-ratings, signatures or kb-uses");
  return hq_guarded([&]() -> Result<Json> {
    if (!store_exists(store_id)) return invalid_argument("no store " + store_id + " at HQ", "unknown-store");
    std::int64_t count = 0;
    db_.each(std::string("SELECT id, revision, data, device_id, received_at FROM record WHERE store_id = ?1 AND kind = "
                         "?2 ORDER BY ") +
                 db_.record_insertion_order(),
             {store_id, kind->second}, [&](const SqlRow& row) {
               line(Json{{"id", row.text(0)},
                         {"kind", kind->second},
                         {"store", store_id},
                         {"revision", row.int64(1)},
                         {"data", Json::parse(row.text(2))},
                         {"device", row.text(3)},
                         {"received_at", row.int64(4)}}
                        .dump());
               ++count;
             });
    return Json{{"exported", count}};
  });
}

Result<Json> HqAdmin::parked(const std::optional<std::string>& store_id,
                             const std::function<void(const std::string&)>& line) {
  return hq_guarded([&]() -> Result<Json> {
    std::int64_t count = 0;
    db_.each(
        "SELECT device_id, incarnation, seq, store_id, code, message, raw, parked_at FROM parked_record "
        "WHERE CAST(?1 AS TEXT) IS NULL OR store_id = ?1 ORDER BY parked_at, seq",
        {store_id}, [&](const SqlRow& row) {
          line(Json{{"device", row.text(0)},
                    {"incarnation", row.text(1)},
                    {"seq", row.int64(2)},
                    {"store", row.text(3)},
                    {"code", row.text(4)},
                    {"message", row.text(5)},
                    {"raw", Json::parse(row.text(6), nullptr, false)},
                    {"parked_at", row.int64(7)}}
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
          ++count;
        });
    return Json{{"parked", count}};
  });
}

}  // namespace kiosk::hq
