// The admin's routes of the console's API (console_admin_api.h).
#include "hq/console_admin_api.h"

#include <map>

#include "hq/device_health.h"
#include "hq/dispatch_board.h"
#include "hq/followup_settings.h"
#include "hq/hq_admin.h"
#include "hq/public_address.h"
#include "hq/store_health_list.h"
#include "http_server/json_http_server.h"
#include "store/catalog.h"
#include "store/product_catalog.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;
using http_server::send_api_error;

constexpr std::size_t kMaxCatalogBytes = 64 * 1024;

// Each device of `devices` (HqAdmin::devices) with its latest health and the
// problems HQ sees in it. A technician's tablet is away for days by design and
// sends no health report: its last contact is when it last synced.
json with_health(HqDb& db, json devices, EpochMs now) {
  std::map<std::string, const DeviceHealth*> by_device;
  const std::vector<DeviceHealth> healths = read_device_health(db);
  for (const DeviceHealth& h : healths)
    if (h.device_id) by_device[*h.device_id] = &h;
  for (json& device : devices["devices"]) {
    const auto found = by_device.find(device["device"].get<std::string>());
    const bool revoked = !device["revoked_at"].is_null(), tablet = !device["technician"].is_null();
    json problems = json::array();
    if (found != by_device.end() && !revoked && !tablet)
      for (const std::string& problem : health_problems(*found->second, now, HealthThresholds{}))
        problems.push_back(problem);
    device["problems"] = problems;
    const bool reported = found != by_device.end() && found->second->received_at;
    device["version"] = reported ? json(found->second->report.version) : json(nullptr);
    device["reported_at"] = reported ? json(*found->second->received_at) : json(nullptr);
    if (tablet) device["reported_at"] = device["last_seen_at"];
  }
  return devices;
}

// HQ's administration acting for the session's user (its audit rows name them).
HqAdmin admin_as(HqDb& db, const ConsoleGuard& guard, const Session& s) {
  return HqAdmin(db, guard.clock(), s.user.name);
}

// The active staff member named in the body, of the store in the path.
std::string staff_name(const JsonBody& body) { return body.text("name", 160); }

}  // namespace

void add_admin_routes(httplib::Server& server, std::map<std::string, std::string>& allowed, const std::string& prefix,
                      const ConsoleGuard& guard) {
  const auto admin = [&guard](bool change, ConsoleGuard::Act act) {
    return guard.as({"admin"}, change, std::move(act));
  };

  // [SECTION] Stores and devices
  const std::string stores_path = prefix + "/stores";
  allowed[stores_path] = "GET, POST";
  server.Get(stores_path,
             admin(false, [&guard](HqDb& db, const Session& s, const httplib::Request&, httplib::Response& res) {
               send_answer(res, admin_as(db, guard, s).stores());
             }));
  server.Post(stores_path,
              admin(true, [&guard](HqDb& db, const Session& s, const httplib::Request& req, httplib::Response& res) {
                const JsonBody body(req.body);
                const std::string zone =
                    body.has("time_zone") ? body.text("time_zone", 64) : std::string("Asia/Shanghai");
                send_answer(res, admin_as(db, guard, s).add_store(body.text("id", 64), body.text("name", 160), zone));
              }));

  const std::string devices_path = prefix + "/devices";
  allowed[devices_path] = "GET";
  server.Get(devices_path,
             admin(false, [&guard](HqDb& db, const Session& s, const httplib::Request& req, httplib::Response& res) {
               Result<json> devices = admin_as(db, guard, s).devices(query_param(req, "store"));
               if (!devices) return send_answer(res, devices);
               send_answer(res, with_health(db, devices.value(), guard.now()));
             }));
  server.Post(prefix + "/stores/([^/]+)/devices",
              admin(true, [&guard](HqDb& db, const Session& s, const httplib::Request& req, httplib::Response& res) {
                const JsonBody body(req.body);
                const std::string label = body.has("label") ? body.text("label", 160) : std::string();
                HqAdmin admin = admin_as(db, guard, s);
                if (body.has("technician"))  // a technician's tablet (docs/hq-sync-protocol.md)
                  return send_answer(res, admin.add_technician_device(body.text("technician", 64), label,
                                                                      std::string(req.matches[1])));
                send_answer(res, admin.add_device(req.matches[1], label));
              }));
  server.Post(prefix + "/devices/([^/]+)/revoke",
              admin(true, [&guard](HqDb& db, const Session& s, const httplib::Request& req, httplib::Response& res) {
                send_answer(res, admin_as(db, guard, s).revoke_device(req.matches[1]));
              }));

  // [SECTION] Staff
  server.Get(prefix + "/stores/([^/]+)/staff",
             admin(false, [&guard](HqDb& db, const Session& s, const httplib::Request& req, httplib::Response& res) {
               send_answer(res, admin_as(db, guard, s).staff(std::string(req.matches[1])));
             }));
  server.Post(prefix + "/stores/([^/]+)/staff",
              admin(true, [&guard](HqDb& db, const Session& s, const httplib::Request& req, httplib::Response& res) {
                const JsonBody body(req.body);
                send_answer(res, admin_as(db, guard, s)
                                     .add_staff(req.matches[1], staff_name(body), body.text("pin", 8),
                                                body.text("role", 16), PinHashCost::for_store()));
              }));
  server.Post(prefix + "/stores/([^/]+)/staff/retire",
              admin(true, [&guard](HqDb& db, const Session& s, const httplib::Request& req, httplib::Response& res) {
                const JsonBody body(req.body);
                send_answer(res, admin_as(db, guard, s).retire_staff(req.matches[1], staff_name(body)));
              }));
  server.Post(prefix + "/stores/([^/]+)/staff/pin",
              admin(true, [&guard](HqDb& db, const Session& s, const httplib::Request& req, httplib::Response& res) {
                const JsonBody body(req.body);
                send_answer(res, admin_as(db, guard, s)
                                     .reset_pin(req.matches[1], staff_name(body), body.text("pin", 8),
                                                PinHashCost::for_store()));
              }));

  // [SECTION] The service catalogue
  const std::string services_path = prefix + "/catalog/services/all";
  allowed[services_path] = "GET";
  server.Get(services_path,
             admin(false, [&guard](HqDb& db, const Session& s, const httplib::Request&, httplib::Response& res) {
               send_answer(res, admin_as(db, guard, s).services());
             }));
  server.Put(prefix + "/catalog/services/([^/]+)",
             admin(true, [&guard](HqDb& db, const Session& s, const httplib::Request& req, httplib::Response& res) {
               JsonBody body(req.body);
               json line = body.json();
               const bool active = !line.contains("active") || line["active"] != false;
               line.erase("active");
               line["code"] = req.matches[1].str();
               Result<std::vector<Service>> parsed = parse_catalog(line.dump(), "the service");
               if (!parsed) return send_answer(res, Result<json>(parsed.error()));
               send_answer(res, admin_as(db, guard, s).put_service(parsed.value()[0], active));
             }));
  const std::string import_path = prefix + "/catalog/services/import";
  allowed[import_path] = "POST";
  server.Post(import_path,
              admin(true, [&guard](HqDb& db, const Session& s, const httplib::Request& req, httplib::Response& res) {
                const JsonBody body(req.body);
                Result<std::vector<Service>> parsed =
                    parse_catalog(body.text("catalog", kMaxCatalogBytes), "the catalogue");
                if (!parsed) return send_answer(res, Result<json>(parsed.error()));
                send_answer(res, admin_as(db, guard, s).import_catalog(parsed.value()));
              }));
  const std::string export_path = prefix + "/catalog/services/export";
  allowed[export_path] = "GET";
  server.Get(export_path,
             admin(false, [&guard](HqDb& db, const Session& s, const httplib::Request&, httplib::Response& res) {
               Result<std::string> lines = admin_as(db, guard, s).export_catalog();
               if (!lines) return send_answer(res, Result<json>(lines.error()));
               res.set_header("Content-Disposition", "attachment; filename=\"catalog.jsonl\"");
               res.set_content(lines.value(), "application/x-ndjson; charset=utf-8");
             }));

  // [SECTION] The product catalogue (every role reads it: the board names products and problems)
  const std::string products_path = prefix + "/catalog/products";
  allowed[products_path] = "GET, PUT";
  server.Get(products_path,
             guard.as({}, false, [&guard](HqDb& db, const Session& s, const httplib::Request&, httplib::Response& res) {
               send_answer(res, admin_as(db, guard, s).products());
             }));
  server.Put(products_path,
             admin(true, [&guard](HqDb& db, const Session& s, const httplib::Request& req, httplib::Response& res) {
               const JsonBody body(req.body);
               send_answer(
                   res, admin_as(db, guard, s)
                            .import_products(body.text("catalog", kMaxProductCatalogBytes), "the product catalogue"));
             }));
  const std::string products_export_path = prefix + "/catalog/products/export";
  allowed[products_export_path] = "GET";
  server.Get(products_export_path,
             admin(false, [&guard](HqDb& db, const Session& s, const httplib::Request&, httplib::Response& res) {
               Result<json> products = admin_as(db, guard, s).products();
               if (!products) return send_answer(res, products);
               res.set_header("Content-Disposition", "attachment; filename=\"products.jsonl\"");
               res.set_content(products.value()["catalog"].get<std::string>(), "application/x-ndjson; charset=utf-8");
             }));

  // [SECTION] Console users and settings
  const std::string users_path = prefix + "/users";
  allowed[users_path] = "GET, POST";
  server.Get(users_path, admin(false, [](HqDb& db, const Session&, const httplib::Request&, httplib::Response& res) {
               send_answer(res, json{{"users", console_users(db)}});
             }));
  server.Post(users_path,
              admin(true, [&guard](HqDb& db, const Session& s, const httplib::Request& req, httplib::Response& res) {
                const JsonBody body(req.body);
                send_answer(res, add_console_user(db, body.text("name", 64), body.text("role", 16),
                                                  body.text("password", 128), s.user.name, guard.now()));
              }));
  server.Post(prefix + "/users/([^/]+)/(disable|enable)",
              admin(true, [&guard](HqDb& db, const Session& s, const httplib::Request& req, httplib::Response& res) {
                std::optional<std::string> name;
                db.first("SELECT name FROM console_user WHERE id = ?1", {req.matches[1].str()},
                         [&](const SqlRow& row) { name = row.text(0); });
                if (!name) return send_api_error(res, {404, "unknown-user", "HQ has no such console user", {}});
                const bool enable = req.matches[2] == "enable";
                if (!enable && *name == s.user.name)
                  return send_api_error(res, {409, "own-account", "you cannot disable your own account", {}});
                send_answer(res, set_console_user_active(db, *name, enable, s.user.name, guard.now()));
              }));

  const std::string settings_path = prefix + "/settings";
  allowed[settings_path] = "GET, PUT";
  server.Get(settings_path, admin(false, [](HqDb& db, const Session&, const httplib::Request&, httplib::Response& res) {
               send_answer(res, to_json(overdue_rules(db)));
             }));
  server.Put(settings_path,
             admin(true, [&guard](HqDb& db, const Session& s, const httplib::Request& req, httplib::Response& res) {
               const JsonBody body(req.body);
               OverdueRules rules;
               rules.urgent_hours = body.integer("overdue_urgent_hours", 1, 720);
               rules.normal_hours = body.integer("overdue_normal_hours", 1, 720);
               send_answer(res, set_overdue_rules(db, rules, s.user.name, guard.now()));
             }));

  // When follow-up calls are due and which services take complaints (followup_settings.h).
  const std::string followup_path = prefix + "/settings/followups";
  allowed[followup_path] = "GET, PUT";
  server.Get(followup_path, admin(false, [](HqDb& db, const Session&, const httplib::Request&, httplib::Response& res) {
               send_answer(res, to_json(followup_settings(db)));
             }));
  server.Put(followup_path,
             admin(true, [&guard](HqDb& db, const Session& s, const httplib::Request& req, httplib::Response& res) {
               const JsonBody body(req.body);
               const Result<FollowupSettings> settings = followup_settings_from(body.json());
               if (!settings) return send_answer(res, Result<json>(settings.error()));
               send_answer(res, set_followup_settings(db, settings.value(), s.user.name, guard.now()));
             }));

  // HQ's public address, where phones open ticket pages (public_address.h).
  const std::string public_path = prefix + "/settings/public";
  allowed[public_path] = "GET, PUT";
  server.Get(public_path, admin(false, [](HqDb& db, const Session&, const httplib::Request&, httplib::Response& res) {
               send_answer(res, public_address(db));
             }));
  server.Put(public_path,
             admin(true, [&guard](HqDb& db, const Session& s, const httplib::Request& req, httplib::Response& res) {
               const JsonBody body(req.body);
               send_answer(res, set_public_address(db, body.text("public_url", 256), s.user.name, guard.now()));
             }));
}

}  // namespace kiosk::hq
