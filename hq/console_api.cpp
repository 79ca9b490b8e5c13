// The console's JSON API (console_api.h).
#include "hq/console_api.h"

#include "core/store_time_zone.h"
#include "hq/console_admin_api.h"
#include "hq/console_alerts.h"
#include "hq/console_audit.h"
#include "hq/console_kb_api.h"
#include "hq/console_live.h"
#include "hq/counter_report.h"
#include "hq/dispatch_board.h"
#include "hq/figure_reports.h"
#include "hq/figure_store.h"
#include "hq/kb_report.h"
#include "hq/request_backlog.h"
#include "hq/request_outcomes.h"
#include "hq/staffing_forecast.h"
#include "http_server/json_http_server.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;
using http_server::send_api_error;

constexpr const char* kPrefix = "/api/console/v1";

json user_json(const ConsoleUser& user) { return json{{"id", user.id}, {"name", user.name}, {"role", user.role}}; }

}  // namespace

void ConsoleApi::add_routes(httplib::Server& server, std::map<std::string, std::string>& allowed) {
  const std::string session_path = std::string(kPrefix) + "/session";
  allowed[session_path] = "GET, POST, DELETE";
  const auto as = [this](std::vector<std::string> roles, bool change) {
    return [this, roles, change](ConsoleGuard::Act act) { return guard_.as(roles, change, std::move(act)); };
  };

  server.Post(session_path, [this](const httplib::Request& req, httplib::Response& res) {
    guard_.run(res, [&](HqDb& db) {
      if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0)
        return send_api_error(res, {415, "unsupported-media-type", "send the login as application/json", {}});
      if (const std::optional<ApiError> foreign = foreign_origin(req, "a login")) return send_api_error(res, *foreign);
      const JsonBody body(req.body);
      const std::string name = body.text("name", 64), password = body.text("password", 128);
      std::variant<LoggedIn, ApiError> in = console_login(db, name, password, guard_.rules(), guard_.now());
      if (const ApiError* error = std::get_if<ApiError>(&in)) return send_api_error(res, *error);
      const LoggedIn& logged = std::get<LoggedIn>(in);
      res.set_header("Set-Cookie", std::string(kSessionCookie) + "=" + logged.token +
                                       "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                                       std::to_string(std::chrono::seconds(guard_.rules().longest).count()));
      send_answer(res, json{{"user", user_json(logged.user)},
                            {"csrf", logged.csrf},
                            {"idle_timeout_s", std::chrono::seconds(guard_.rules().idle).count()}});
    });
  });
  server.Get(session_path, as({}, false)([](HqDb&, const Session& s, const httplib::Request&, httplib::Response& res) {
               send_answer(res, json{{"user", user_json(s.user)}, {"csrf", s.csrf}});
             }));
  server.Delete(
      session_path, as({}, true)([](HqDb& db, const Session&, const httplib::Request& req, httplib::Response& res) {
        console_logout(db, session_cookie_token(req));
        res.set_header("Set-Cookie", std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        send_answer(res, json{{"logged_out", true}});
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
                   (zone ? zone.value() : StoreTimeZone::load("Asia/Shanghai").value()).business_day(guard_.now());
               send_answer(res, json{{"user", user_json(s.user)}, {"today", today}, {"stores", stores}});
             }));

  // The reports: a range and a store checked alike, then the report's own
  // figures (and checks: the counters report needs a store).
  using Report = Result<json> (*)(HqDb&, const ReportRange&, EpochMs);
  const std::pair<const char*, Report> reports[] = {
      {"services",
       [](HqDb& db, const ReportRange& r, EpochMs now) -> Result<json> { return services_report(db, r, now); }},
      {"trend", [](HqDb& db, const ReportRange& r, EpochMs now) -> Result<json> { return trend_report(db, r, now); }},
      {"request-outcomes",
       [](HqDb& db, const ReportRange& r, EpochMs now) -> Result<json> { return request_outcomes(db, r, now); }},
      {"counters", counter_report},
      {"help", help_report}};
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
                 const Result<ReportRange> range =
                     check_report_range(db, query_param(req, "from").value_or(""), query_param(req, "to").value_or(""),
                                        query_param(req, "store"));
                 if (!range) return refuse(range.error());
                 const Result<json> answer = report(db, range.value(), guard_.now());
                 if (!answer) return refuse(answer.error());
                 send_answer(res, answer.value());
               }));
  }

  const std::string backlog_path = std::string(kPrefix) + "/reports/requests";
  allowed[backlog_path] = "GET";
  server.Get(backlog_path, as({"manager"}, false)([this](HqDb& db, const Session&, const httplib::Request& req,
                                                         httplib::Response& res) {
               const std::optional<std::string> store = query_param(req, "store");
               if (store && !db.first("SELECT 1 FROM hq_store WHERE id = ?1", {*store}))
                 return send_api_error(res, {404, "unknown-store", "no store " + *store + " at HQ", {}});
               send_answer(res, request_backlog(db, store, guard_.now()));
             }));

  const std::string forecast_path = std::string(kPrefix) + "/reports/forecast";
  allowed[forecast_path] = "GET";
  server.Get(
      forecast_path,
      as({"manager"}, false)([this](HqDb& db, const Session&, const httplib::Request& req, httplib::Response& res) {
        const std::optional<std::string> store = query_param(req, "store");
        if (!store || store->empty()) throw BadRequest("bad-query", "store is required: the forecast is of one store");
        const std::optional<std::string> weeks = query_param(req, "weeks");
        send_answer(
            res, staffing_forecast(db, *store, weeks ? whole_number(*weeks, "weeks") : kForecastWeeks, guard_.now()));
      }));

  const std::string live_path = std::string(kPrefix) + "/live";
  allowed[live_path] = "GET";
  server.Get(live_path, as({"manager", "dispatcher"},
                           false)([this](HqDb& db, const Session&, const httplib::Request&, httplib::Response& res) {
               send_answer(res, live_view(db, guard_.now()));
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
               send_answer(res, json{{"services", services}});
             }));

  const std::string alerts_path = std::string(kPrefix) + "/alerts";
  allowed[alerts_path] = "GET";
  server.Get(
      alerts_path,
      as({"manager"}, false)([this](HqDb& db, const Session&, const httplib::Request& req, httplib::Response& res) {
        const std::string state = query_param(req, "state").value_or("open");
        if (state != "open" && state != "all") throw BadRequest("bad-query", "state must be open or all");
        evaluate_alerts(db, guard_.now());
        send_answer(res, json{{"alerts", alert_list(db, state == "all", guard_.now())}, {"hq_time", guard_.now()}});
      }));
  server.Post(
      alerts_path + "/([^/]+)/ack",
      as({"manager"}, true)([this](HqDb& db, const Session& s, const httplib::Request& req, httplib::Response& res) {
        const JsonBody body(req.body);
        send_answer(res, acknowledge_alert(db, req.matches[1], body.text("comment", 2000), s.user.name, guard_.now()));
      }));

  const std::string requests_path = std::string(kPrefix) + "/requests";
  allowed[requests_path] = "GET";
  server.Get(requests_path, as({"dispatcher", "manager"}, false)(
                                [this](HqDb& db, const Session&, const httplib::Request& req, httplib::Response& res) {
                                  BoardQuery query;
                                  query.store = query_param(req, "store");
                                  query.show = query_param(req, "show").value_or(query.show);
                                  if (const std::optional<std::string> limit = query_param(req, "limit"))
                                    query.limit = whole_number(*limit, "limit");
                                  send_answer(res, request_board(db, query, guard_.now()));
                                }));
  server.Get(
      std::string(kPrefix) + "/stores/([^/]+)/technicians",
      as({"dispatcher"}, false)([](HqDb& db, const Session&, const httplib::Request& req, httplib::Response& res) {
        send_answer(res, store_technicians(db, req.matches[1]));
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
        std::variant<json, ApiError> answer = dispatch_request(db, order, s.user.name, guard_.now());
        if (const ApiError* error = std::get_if<ApiError>(&answer)) return send_api_error(res, *error);
        send_answer(res, json{{"request", std::get<json>(answer)}});
      }));

  add_admin_routes(server, allowed, kPrefix, guard_);
  add_kb_routes(server, allowed, kPrefix, guard_);

  const std::string audit_path = std::string(kPrefix) + "/audit";
  allowed[audit_path] = "GET";
  server.Get(audit_path,
             as({"admin"}, false)([](HqDb& db, const Session&, const httplib::Request& req, httplib::Response& res) {
               std::optional<std::int64_t> before;
               if (const std::optional<std::string> text = query_param(req, "before"))
                 before = whole_number(*text, "before");
               send_answer(res, json{{"entries", audit_list(db, before, 100)}});
             }));
}

}  // namespace kiosk::hq
