// The console's JSON API (console_api.h).
#include "hq/console_api.h"

#include <charconv>

#include "core/store_time_zone.h"
#include "hq/console_alerts.h"
#include "hq/console_audit.h"
#include "hq/console_live.h"
#include "hq/counter_report.h"
#include "hq/dispatch_board.h"
#include "hq/figure_reports.h"
#include "hq/figure_store.h"
#include "hq/request_backlog.h"
#include "http_server/json_http_server.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;
using http_server::send_api_error;
using http_server::send_json;

constexpr const char* kPrefix = "/api/console/v1";
constexpr const char* kCookie = "hq_session";

std::string cookie_token(const httplib::Request& req) {
  const std::string cookies = req.get_header_value("Cookie");
  const std::string key = std::string(kCookie) + "=";
  for (std::size_t start = 0; start < cookies.size();) {
    std::size_t end = cookies.find(';', start);
    if (end == std::string::npos) end = cookies.size();
    std::size_t first = cookies.find_first_not_of(' ', start);
    if (first != std::string::npos && first < end && cookies.compare(first, key.size(), key) == 0)
      return cookies.substr(first + key.size(), end - first - key.size());
    start = end + 1;
  }
  return {};
}

bool same_secret(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || a.empty()) return false;
  unsigned char differ = 0;
  for (std::size_t i = 0; i < a.size(); ++i) differ |= static_cast<unsigned char>(a[i] ^ b[i]);
  return differ == 0;
}

// A change must come from the console's own pages: its CSRF token, and an
// Origin (when the browser sends one) of this host.
std::optional<ApiError> csrf_problem(const httplib::Request& req, const std::string& csrf) {
  const std::string origin = req.get_header_value("Origin"), host = req.get_header_value("Host");
  if (!origin.empty() && origin != "http://" + host && origin != "https://" + host)
    return ApiError{403, "csrf", "this change comes from another site (Origin " + origin + "); refused", {}};
  if (!same_secret(req.get_header_value("X-CSRF-Token"), csrf))
    return ApiError{403, "csrf", "send the session's X-CSRF-Token with every change", {}};
  return std::nullopt;
}

ApiError storage_error_of(const StorageFailure& e) {
  if (e.kind() == StorageFailure::Kind::Busy) return {503, "busy", "HQ's database is busy; try again", 1};
  return {503, "storage", e.what(), 5};
}

std::optional<std::string> param(const httplib::Request& req, const char* name) {
  if (!req.has_param(name)) return std::nullopt;
  return req.get_param_value(name);
}

// A query parameter that must be a whole number; BadRequest naming it otherwise.
std::int64_t whole_number(const std::string& text, const char* name) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty())
    throw BadRequest("bad-query", std::string(name) + " must be a whole number (got \"" + text + "\")");
  return value;
}

json user_json(const ConsoleUser& user) { return json{{"id", user.id}, {"name", user.name}, {"role", user.role}}; }

}  // namespace

void ConsoleApi::add_routes(httplib::Server& server, std::map<std::string, std::string>& allowed) {
  const std::string session_path = std::string(kPrefix) + "/session";
  allowed[session_path] = "GET, POST, DELETE";

  // Runs `act` with this thread's database; every failure becomes a JSON error.
  const auto guarded = [this](httplib::Response& res, const std::function<void(HqDb&)>& act) {
    try {
      Result<HqDb*> db = thread_db_();
      if (!db) return send_api_error(res, {503, "storage", db.error().message, 5});
      act(*db.value());
    } catch (const BadRequest& e) {
      send_api_error(res, {400, e.code(), e.what(), {}});
    } catch (const StorageFailure& e) {
      send_api_error(res, storage_error_of(e));
    } catch (const std::exception& e) {
      send_api_error(res, {500, "internal", e.what(), {}});
    }
  };
  // As guarded, for a logged-in user of one of `roles` (a change also passes the CSRF check).
  const auto as = [this, guarded](std::vector<std::string> roles, bool change) {
    return [this, guarded, roles, change](
               const std::function<void(HqDb&, const Session&, const httplib::Request&, httplib::Response&)>& act) {
      return [this, guarded, roles, change, act](const httplib::Request& req, httplib::Response& res) {
        guarded(res, [&](HqDb& db) {
          std::variant<Session, ApiError> session = console_session(db, cookie_token(req), rules_, clock_.now_ms());
          if (const ApiError* error = std::get_if<ApiError>(&session)) return send_api_error(res, *error);
          const Session& s = std::get<Session>(session);
          if (change)
            if (const std::optional<ApiError> problem = csrf_problem(req, s.csrf)) return send_api_error(res, *problem);
          if (!roles.empty() && std::find(roles.begin(), roles.end(), s.user.role) == roles.end()) {
            std::string needed;
            for (const std::string& r : roles) needed += (needed.empty() ? "" : " or ") + r;
            return send_api_error(
                res, {403, "forbidden", "this needs the role " + needed + " (you are " + s.user.role + ")", {}});
          }
          act(db, s, req, res);
        });
      };
    };
  };

  server.Post(session_path, [this, guarded](const httplib::Request& req, httplib::Response& res) {
    guarded(res, [&](HqDb& db) {
      if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0)
        return send_api_error(res, {415, "unsupported-media-type", "send the login as application/json", {}});
      const std::string origin = req.get_header_value("Origin"), host = req.get_header_value("Host");
      if (!origin.empty() && origin != "http://" + host && origin != "https://" + host)
        return send_api_error(res, {403, "csrf", "a login from another site (Origin " + origin + "); refused", {}});
      const JsonBody body(req.body);
      const std::string name = body.text("name", 64), password = body.text("password", 128);
      std::variant<LoggedIn, ApiError> in = console_login(db, name, password, rules_, clock_.now_ms());
      if (const ApiError* error = std::get_if<ApiError>(&in)) return send_api_error(res, *error);
      const LoggedIn& logged = std::get<LoggedIn>(in);
      res.set_header("Set-Cookie", std::string(kCookie) + "=" + logged.token +
                                       "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                                       std::to_string(std::chrono::seconds(rules_.longest).count()));
      send_json(res, 200,
                json{{"user", user_json(logged.user)},
                     {"csrf", logged.csrf},
                     {"idle_timeout_s", std::chrono::seconds(rules_.idle).count()}}
                    .dump());
    });
  });
  server.Get(session_path, as({}, false)([](HqDb&, const Session& s, const httplib::Request&, httplib::Response& res) {
               send_json(res, 200, json{{"user", user_json(s.user)}, {"csrf", s.csrf}}.dump());
             }));
  server.Delete(
      session_path, as({}, true)([](HqDb& db, const Session&, const httplib::Request& req, httplib::Response& res) {
        console_logout(db, cookie_token(req));
        res.set_header("Set-Cookie", std::string(kCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        send_json(res, 200, json{{"logged_out", true}}.dump());
      }));

  const std::string me_path = std::string(kPrefix) + "/me";
  allowed[me_path] = "GET";
  server.Get(me_path,
             as({}, false)([this](HqDb& db, const Session& s, const httplib::Request&, httplib::Response& res) {
               json stores = json::array();
               std::string first_zone = "Asia/Shanghai";
               db.each("SELECT id, name, time_zone FROM hq_store ORDER BY id", {}, [&](const SqlRow& row) {
                 if (stores.empty()) first_zone = row.text(2);
                 stores.push_back({{"id", row.text(0)}, {"name", row.text(1)}, {"time_zone", row.text(2)}});
               });
               // Today as the first store's business day: the pages' presets start from it.
               const Result<StoreTimeZone> zone = StoreTimeZone::load(first_zone);
               const std::string today =
                   (zone ? zone.value() : StoreTimeZone::load("Asia/Shanghai").value()).business_day(clock_.now_ms());
               send_json(res, 200, json{{"user", user_json(s.user)}, {"today", today}, {"stores", stores}}.dump());
             }));

  // The reports: a range and a store checked alike, then the report's own
  // figures (and checks: the counters report needs a store).
  using Report = Result<json> (*)(HqDb&, const ReportRange&, EpochMs);
  const std::pair<const char*, Report> reports[] = {
      {"services",
       [](HqDb& db, const ReportRange& r, EpochMs now) -> Result<json> { return services_report(db, r, now); }},
      {"trend", [](HqDb& db, const ReportRange& r, EpochMs now) -> Result<json> { return trend_report(db, r, now); }},
      {"counters", counter_report}};
  for (const auto& [name, report] : reports) {
    const std::string path = std::string(kPrefix) + "/reports/" + name;
    allowed[path] = "GET";
    server.Get(path,
               as({"manager"}, false)([this, report = report](HqDb& db, const Session&, const httplib::Request& req,
                                                              httplib::Response& res) {
                 const auto refuse = [&](const Error& error) {
                   send_api_error(res, {error.code == "unknown-store" ? 404 : 400,
                                        error.code.empty() ? "bad-query" : error.code,
                                        error.message,
                                        {}});
                 };
                 const Result<ReportRange> range = check_report_range(
                     db, param(req, "from").value_or(""), param(req, "to").value_or(""), param(req, "store"));
                 if (!range) return refuse(range.error());
                 const Result<json> answer = report(db, range.value(), clock_.now_ms());
                 if (!answer) return refuse(answer.error());
                 send_json(res, 200, answer.value().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
               }));
  }

  const std::string backlog_path = std::string(kPrefix) + "/reports/requests";
  allowed[backlog_path] = "GET";
  server.Get(
      backlog_path,
      as({"manager"}, false)([this](HqDb& db, const Session&, const httplib::Request& req, httplib::Response& res) {
        const std::optional<std::string> store = param(req, "store");
        if (store && !db.first("SELECT 1 FROM hq_store WHERE id = ?1", {*store}))
          return send_api_error(res, {404, "unknown-store", "no store " + *store + " at HQ", {}});
        send_json(
            res, 200,
            request_backlog(db, store, clock_.now_ms()).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      }));

  const std::string live_path = std::string(kPrefix) + "/live";
  allowed[live_path] = "GET";
  server.Get(live_path, as({"manager", "dispatcher"},
                           false)([this](HqDb& db, const Session&, const httplib::Request&, httplib::Response& res) {
               send_json(res, 200,
                         live_view(db, clock_.now_ms()).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
             }));

  const std::string catalog_path = std::string(kPrefix) + "/catalog/services";
  allowed[catalog_path] = "GET";
  server.Get(catalog_path, as({}, false)([](HqDb& db, const Session&, const httplib::Request&, httplib::Response& res) {
               const std::map<std::string, int> targets = service_wait_targets(db);
               json services = json::array();
               for (const auto& [code, names] : service_names(db))
                 services.push_back({{"code", code},
                                     {"zh", names.zh},
                                     {"en", names.en},
                                     {"wait_target_min", wait_target_of(targets, code) / 60}});
               send_json(res, 200,
                         json{{"services", services}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
             }));

  const std::string alerts_path = std::string(kPrefix) + "/alerts";
  allowed[alerts_path] = "GET";
  server.Get(
      alerts_path,
      as({"manager"}, false)([this](HqDb& db, const Session&, const httplib::Request& req, httplib::Response& res) {
        const std::string state = param(req, "state").value_or("open");
        if (state != "open" && state != "all") throw BadRequest("bad-query", "state must be open or all");
        evaluate_alerts(db, clock_.now_ms());
        send_json(res, 200,
                  json{{"alerts", alert_list(db, state == "all", clock_.now_ms())}, {"hq_time", clock_.now_ms()}}.dump(
                      -1, ' ', false, nlohmann::json::error_handler_t::replace));
      }));
  server.Post(
      alerts_path + "/([^/]+)/ack",
      as({"manager"}, true)([this](HqDb& db, const Session& s, const httplib::Request& req, httplib::Response& res) {
        const JsonBody body(req.body);
        std::variant<json, ApiError> answer =
            acknowledge_alert(db, req.matches[1], body.text("comment", 2000), s.user.name, clock_.now_ms());
        if (const ApiError* error = std::get_if<ApiError>(&answer)) return send_api_error(res, *error);
        send_json(res, 200, std::get<json>(answer).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      }));

  const std::string requests_path = std::string(kPrefix) + "/requests";
  allowed[requests_path] = "GET";
  server.Get(
      requests_path, as({"dispatcher", "manager"},
                        false)([this](HqDb& db, const Session&, const httplib::Request& req, httplib::Response& res) {
        BoardQuery query;
        query.store = param(req, "store");
        query.show = param(req, "show").value_or(query.show);
        if (const std::optional<std::string> limit = param(req, "limit")) query.limit = whole_number(*limit, "limit");
        send_json(
            res, 200,
            request_board(db, query, clock_.now_ms()).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      }));
  server.Get(
      std::string(kPrefix) + "/stores/([^/]+)/technicians",
      as({"dispatcher"}, false)([](HqDb& db, const Session&, const httplib::Request& req, httplib::Response& res) {
        std::variant<json, ApiError> answer = store_technicians(db, req.matches[1]);
        if (const ApiError* error = std::get_if<ApiError>(&answer)) return send_api_error(res, *error);
        send_json(res, 200, std::get<json>(answer).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      }));
  server.Post(
      std::string(kPrefix) + "/requests/([^/]+)/([^/]+)/dispatch",
      as({"dispatcher"}, true)([this](HqDb& db, const Session& s, const httplib::Request& req, httplib::Response& res) {
        const JsonBody body(req.body);
        DispatchOrder order;
        order.store_id = req.matches[1];
        order.request_code = req.matches[2];
        order.version = body.integer("version", 1, std::int64_t(1) << 31);
        if (body.has("technician") && !body.json()["technician"].is_null())
          order.technician = body.text("technician", 36);
        order.date = body.text("date", 10);
        order.window = body.text("window", 16);
        std::variant<json, ApiError> answer = dispatch_request(db, order, s.user.name, clock_.now_ms());
        if (const ApiError* error = std::get_if<ApiError>(&answer)) return send_api_error(res, *error);
        send_json(
            res, 200,
            json{{"request", std::get<json>(answer)}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      }));

  const std::string users_path = std::string(kPrefix) + "/users";
  allowed[users_path] = "GET";
  server.Get(users_path,
             as({"admin"}, false)([](HqDb& db, const Session&, const httplib::Request&, httplib::Response& res) {
               send_json(res, 200, json{{"users", console_users(db)}}.dump());
             }));

  const std::string audit_path = std::string(kPrefix) + "/audit";
  allowed[audit_path] = "GET";
  server.Get(audit_path,
             as({"admin"}, false)([](HqDb& db, const Session&, const httplib::Request& req, httplib::Response& res) {
               std::optional<std::int64_t> before;
               if (const std::optional<std::string> text = param(req, "before")) before = whole_number(*text, "before");
               send_json(res, 200, json{{"entries", audit_list(db, before, 100)}}.dump());
             }));
}

}  // namespace kiosk::hq
