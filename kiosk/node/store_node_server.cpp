// The store node server: routing, authentication, per-thread store
// connections, the /events long poll, and JSON for every error.
#include "node/store_node_server.h"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <mutex>
#include <regex>
#include <vector>

#include "codec/api_error.h"
#include "codec/api_json.h"
#include "codec/queue_json.h"
#include "http/key_pin.h"
#include "http_server/json_http_server.h"
#include "node/call_event_signal.h"
#include "node/request_routes.h"
#include "queue/call_events.h"
#include "queue/queue_engine.h"
#include "store/storage_guard.h"

namespace kiosk::node {
namespace {

using json = nlohmann::ordered_json;

constexpr int kMaxEventsPerAnswer = 100;
constexpr std::size_t kMaxNameBytes = 160, kMaxPinBytes = 16, kMaxReasonBytes = 400, kMaxCodeBytes = 8;
constexpr int kMaxCounter = 9999;

json event_json(const CallEvent& e) {
  return json{{"seq", e.seq},
              {"kind", to_string(e.kind)},
              {"ticket", e.ticket_label},
              {"service", e.service_code},
              {"counter", e.counter},
              {"at", e.at}};
}

constexpr const char* kDeviceTokenHeader = "X-Device-Token";

// Every answer: never cached, never sniffed or framed, HTTPS from now on.
httplib::Headers strict_headers() {
  return {{"Cache-Control", "no-store"},
          {"X-Content-Type-Options", "nosniff"},
          {"Strict-Transport-Security", "max-age=31536000"},
          {"Referrer-Policy", "no-referrer"},
          {"X-Frame-Options", "DENY"},
          {"Content-Security-Policy", "default-src 'none'"}};
}

json device_json(const EnrolledDevice& d) {
  return json{{"id", d.id},
              {"name", d.name},
              {"kind", to_string(d.kind)},
              {"enrolled_at", d.enrolled_at},
              {"last_seen_at", d.last_seen_at ? json(*d.last_seen_at) : json(nullptr)},
              {"revoked_at", d.revoked_at ? json(*d.revoked_at) : json(nullptr)}};
}

json session_json(const StaffSession& s) {
  return json{{"token", s.token},
              {"counter", s.counter ? json(s.counter) : json(nullptr)},
              {"expires_at", s.expires_at},
              {"staff", {{"name", s.staff_name}, {"role", to_string(s.role)}}}};
}

using http_server::bearer_token;
using http_server::send_api_error;
using http_server::send_json;

}  // namespace

// [SECTION] Routes

class StoreNodeServer::Routes {
 public:
  // What one request works with: this thread's store, and the session when the
  // endpoint needs one (node_route.h, shared with the groups of routes added from files of their own).
  using Context = RouteContext;
  using Endpoint = RouteEndpoint;
  using Auth = RouteAuth;

  Routes(const StoreNodeConfig& config, const Clock& clock, const http_server::TlsIdentity& tls)
      : config_(config),
        clock_(clock),
        tls_(tls),
        http_(
            {config.handler_threads, config.max_body_bytes, std::nullopt}, "the node",
            [this](const httplib::Request& req) { return other_method(req); }, tls) {
    http_.routes().set_default_headers(strict_headers());
    add_routes();
  }

  http_server::JsonHttpServer& http() { return http_; }
  CallEventSignal& events() { return events_; }

 private:
  void add(const std::string& method, const std::string& pattern, Auth auth, Endpoint endpoint) {
    patterns_.push_back({method, std::regex(pattern)});
    auto handler = [this, auth, endpoint = std::move(endpoint)](const httplib::Request& req, httplib::Response& res) {
      handle(req, res, auth, endpoint);
    };
    if (method == "GET")
      http_.routes().Get(pattern, handler);
    else
      http_.routes().Post(pattern, handler);
  }

  void handle(const httplib::Request& req, httplib::Response& res, Auth auth, const Endpoint& endpoint) {
    try {
      Result<StoreDb*> store = thread_store();
      if (!store) return send_api_error(res, api_error_from(store.error()));
      Context context{*store.value(), req, std::nullopt, std::nullopt};
      if (auth != Auth::Open) {
        Result<EnrolledDevice> device =
            DeviceBook(context.store, clock_, config_.devices).authenticate(req.get_header_value(kDeviceTokenHeader));
        if (!device) return send_api_error(res, api_error_from(device.error()));
        context.device = std::move(device).value();
      }
      if (auth == Auth::Staff) {
        const std::string token = bearer_token(req);
        if (token.empty())
          return send_api_error(res, {401, "missing-token", "log in and send Authorization: Bearer TOKEN", {}});
        Result<StaffSession> session = StaffBook(context.store, clock_, config_.staff).authenticate(token);
        if (!session) return send_api_error(res, api_error_from(session.error()));
        context.session = std::move(session).value();
      }
      Result<json> answer = endpoint(context);
      if (!answer) return send_api_error(res, api_error_from(answer.error()));
      send_json(res, 200, answer.value().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    } catch (const BadRequest& e) {
      send_api_error(res, {400, e.code(), e.what(), {}});
    } catch (const SqliteError& e) {
      send_api_error(res, api_error_from(storage_error_from(e)));
    } catch (const std::exception& e) {
      send_api_error(res, {500, "internal", e.what(), {}});
    }
  }

  Result<StoreDb*> thread_store() {
    return connections_.get([this] { return StoreDb::open(config_.data_dir); });
  }

  // The method another route of this path takes (for 405), if any.
  std::string other_method(const httplib::Request& req) const {
    std::string allowed;
    for (const auto& [method, pattern] : patterns_)
      if (method != req.method && std::regex_match(req.path, pattern)) allowed = method;
    return allowed;
  }

  // The counter in the path must be the session's counter.
  static Result<int> own_counter(const Context& c) {
    const std::string digits = c.req.matches[1];
    if (digits.size() > 4 || std::stoi(digits) != c.session->counter)
      return Error{ErrorKind::Refused, "this session is for counter " + std::to_string(c.session->counter),
                   "wrong-counter"};
    return c.session->counter;
  }

  // act: on the engine, for the session (its counter, and who is logged in there).
  void add_counter_action(const std::string& action,
                          std::function<Result<json>(QueueEngine&, const StaffSession&, const JsonBody&)> act) {
    add("POST", "/api/v1/counters/(\\d{1,9})/" + action, Auth::Staff,
        [this, announces = action == "call" || action == "recall" || action == "no-show" || action == "transfer",
         act = std::move(act)](Context& c) -> Result<json> {
          Result<int> counter = own_counter(c);
          if (!counter) return counter.error();
          const JsonBody body(c.req.body);
          QueueEngine engine(c.store, clock_);
          // One writer at a time in this process: waiting here is a hand-over,
          // while SQLite's busy handler would sleep in steps of up to 100 ms.
          std::unique_lock one_writer(writes_);
          Result<json> answer = act(engine, *c.session, body);
          one_writer.unlock();
          if (answer && announces) events_.announce();
          return answer;
        });
  }

  template <class T>
  static Result<json> as_json(Result<T> result) {
    if (!result) return result.error();
    return json(to_json(result.value()));
  }

  void add_routes() {
    add("POST", "/api/v1/login", Auth::Device, [this](Context& c) -> Result<json> {
      const JsonBody body(c.req.body);
      const std::string name = body.text("name", kMaxNameBytes), pin = body.text("pin", kMaxPinBytes);
      StaffBook staff(c.store, clock_, config_.staff);
      Result<StaffSession> session = staff.login(name, pin, int(body.integer("counter", 1, kMaxCounter)));
      if (!session) {
        Error error = session.error();
        if (error.code == "locked-out") {
          if (std::optional<EpochMs> until = staff.locked_until(name))
            error.message += " (in " + std::to_string((*until - clock_.now_ms() + 999) / 1000) + " s)";
        }
        return error;
      }
      return session_json(session.value());
    });
    add("POST", "/api/v1/logout", Auth::Staff, [this](Context& c) -> Result<json> {
      Result<Done> done = StaffBook(c.store, clock_, config_.staff).logout(bearer_token(c.req));
      if (!done) return done.error();
      return json{{"logged_out", true}};
    });
    add("GET", "/api/v1/queue", Auth::Device, [this](Context& c) -> Result<json> { return queue(c); });
    add("GET", "/api/v1/events", Auth::Device, [this](Context& c) -> Result<json> { return events_after(c); });

    add("POST", "/api/v1/devices/enrol", Auth::Open, [this](Context& c) -> Result<json> {
      const JsonBody body(c.req.body);
      const std::string code = body.text("code", kMaxCodeBytes * 2), kind_name = body.text("kind", kMaxCodeBytes * 2),
                        name = body.text("name", kMaxNameBytes);
      const std::optional<DeviceKind> kind = device_kind_from(kind_name);
      if (!kind) return invalid_argument("field \"kind\" must be counter, display or other", "bad-field");
      Result<Enrolment> enrolled = DeviceBook(c.store, clock_, config_.devices).enrol(code, *kind, name);
      if (!enrolled) return enrolled.error();
      return json{{"device", device_json(enrolled.value().device)},
                  {"token", enrolled.value().token},
                  {"node_pin", tls_.pin},
                  {"fingerprint", http::fingerprint_of_pin(tls_.pin)},
                  {"store", c.store.store_id()}};
    });
    add("GET", "/api/v1/devices/me", Auth::Device, [this](Context& c) -> Result<json> {
      return json{{"device", device_json(*c.device)}, {"fingerprint", http::fingerprint_of_pin(tls_.pin)}};
    });
    // The watchdog's check: the queue is read, nothing of it is answered.
    add("GET", "/api/v1/health", Auth::Open, [this](Context& c) -> Result<json> {
      Result<std::vector<ServiceQueue>> queues = QueueEngine(c.store, clock_).queue_status();
      if (!queues) return queues.error();
      return json{{"ok", true}};
    });

    add_request_routes([this](const std::string& method, const std::string& pattern, Auth auth,
                              Endpoint endpoint) { add(method, pattern, auth, std::move(endpoint)); },
                       clock_);

    add_counter_action("call", [](QueueEngine& e, const StaffSession& s, const JsonBody&) {
      return as_json(e.call_next(s.counter, s.staff_id));
    });
    add_counter_action(
        "recall", [](QueueEngine& e, const StaffSession& s, const JsonBody&) { return as_json(e.recall(s.counter)); });
    add_counter_action(
        "start", [](QueueEngine& e, const StaffSession& s, const JsonBody&) { return as_json(e.start(s.counter)); });
    add_counter_action("no-show", [](QueueEngine& e, const StaffSession& s, const JsonBody&) {
      return as_json(e.no_show(s.counter));
    });
    add_counter_action("close", [](QueueEngine& e, const StaffSession& s, const JsonBody&) {
      return as_json(e.close_counter(s.counter));
    });
    add_counter_action("finish", [](QueueEngine& e, const StaffSession& s, const JsonBody& body) -> Result<json> {
      const std::string name = body.text("outcome", kMaxCodeBytes * 4);
      const std::optional<Outcome> outcome = outcome_from(name);
      if (!outcome) return invalid_argument("field \"outcome\" must be one of " + outcome_names(), "bad-field");
      return as_json(e.finish(s.counter, *outcome));
    });
    add_counter_action("transfer", [](QueueEngine& e, const StaffSession& s, const JsonBody& body) {
      return as_json(e.transfer(s.counter, body.text("to_service", kMaxCodeBytes)));
    });
    add_counter_action("pause", [](QueueEngine& e, const StaffSession& s, const JsonBody& body) {
      return as_json(e.pause_counter(s.counter, body.text("reason", kMaxReasonBytes)));
    });
    add_counter_action("open", [](QueueEngine& e, const StaffSession& s, const JsonBody& body) {
      return as_json(e.open_counter(s.counter, body.texts("services", 26, kMaxCodeBytes)));
    });

    add("GET", "/api/v1/reprints", Auth::Staff, [this](Context& c) -> Result<json> {
      Result<std::vector<Ticket>> tickets = QueueEngine(c.store, clock_).tickets_to_reprint();
      if (!tickets) return tickets.error();
      json list = json::array();
      for (const Ticket& t : tickets.value()) list.push_back(to_json(t));
      return json{{"tickets", list}};
    });
    add("POST", "/api/v1/reprints/([^/]{1,64})/done", Auth::Staff, [this](Context& c) -> Result<json> {
      return as_json(QueueEngine(c.store, clock_).mark_reprinted(c.req.matches[1]));
    });
  }

  // Counts and estimates only: displays show this in a public hall.
  Result<json> queue(Context& c) {
    QueueEngine engine(c.store, clock_);
    Result<std::vector<ServiceQueue>> queues = engine.queue_status();
    if (!queues) return queues.error();
    Result<std::vector<Counter>> counters = engine.counters();
    if (!counters) return counters.error();
    json services = json::array(), counter_list = json::array();
    for (const ServiceQueue& q : queues.value()) services.push_back(to_json(q));
    for (const Counter& k : counters.value()) counter_list.push_back(to_json(k));
    return json{{"store", c.store.store_id()},    {"time_zone", c.store.zone().name()},
                {"business_day", engine.today()}, {"services", services},
                {"counters", counter_list},       {"last_event_seq", latest_call_event_seq(c.store.db())}};
  }

  // Answers as soon as an event newer than `after` exists, or after `wait`
  // seconds with none. Calls in this process wake the wait at once; calls by
  // other processes are seen at the next re-read, other_process_poll_ms later.
  Result<json> events_after(Context& c) {
    const std::int64_t after = query_integer(param(c.req, "after"), "after", 0, INT64_MAX / 2, 0);
    const std::int64_t wait_s = query_integer(param(c.req, "wait"), "wait", 0, config_.max_event_wait_s, 0);
    using std::chrono::steady_clock;
    const steady_clock::time_point deadline = steady_clock::now() + std::chrono::seconds(wait_s);
    for (;;) {
      const CallEventSignal::Generation seen = events_.generation();
      const std::vector<CallEvent> events = call_events_after(c.store.db(), after, kMaxEventsPerAnswer);
      const steady_clock::time_point now = steady_clock::now();
      if (!events.empty() || now >= deadline || events_.stopped()) {
        json list = json::array();
        for (const CallEvent& e : events) list.push_back(event_json(e));
        return json{{"events", list}, {"last_seq", events.empty() ? after : events.back().seq}};
      }
      events_.wait(seen, std::min(deadline, now + std::chrono::milliseconds(config_.other_process_poll_ms)));
    }
  }

  static std::optional<std::string> param(const httplib::Request& req, const char* name) {
    if (!req.has_param(name)) return std::nullopt;
    return req.get_param_value(name);
  }

  const StoreNodeConfig& config_;
  const Clock& clock_;
  const http_server::TlsIdentity& tls_;
  std::vector<std::pair<std::string, std::regex>> patterns_;
  http_server::JsonHttpServer http_;  // after patterns_, which it reads
  http_server::ConnectionPerThread<StoreDb> connections_;
  CallEventSignal events_;
  std::mutex writes_;
};

// [SECTION] Lifetime

StoreNodeServer::StoreNodeServer(StoreNodeConfig config, const Clock& clock)
    : config_(std::move(config)), clock_(clock) {}

StoreNodeServer::~StoreNodeServer() { stop(); }

Result<int> StoreNodeServer::start() {
  if (routes_) return invalid_argument("the store node is started already");
  Result<std::unique_ptr<StoreDb>> store = StoreDb::open(config_.data_dir);
  if (!store) return store.error();
  Result<http_server::TlsIdentity> tls = http_server::load_or_create_tls_identity(
      http_server::node_tls_dir(config_.data_dir), "kiosk store node " + store.value()->store_id());
  if (!tls) return tls.error();
  tls_ = std::move(tls).value();
  pin_ = tls_.pin;
  routes_ = std::make_unique<Routes>(config_, clock_, tls_);
  return routes_->http().start(config_.listen);
}

void StoreNodeServer::stop() {
  if (!routes_) return;
  routes_->events().stop();
  routes_->http().stop();
}

}  // namespace kiosk::node
