// HQ's HTTP server: routing, device authentication, per-thread database
// connections, bounded and optionally gzip-compressed upload bodies, the
// health report every authenticated request may carry, and JSON for every error.
#include "hq/hq_server.h"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <mutex>
#include <regex>
#include <vector>

#include "core/listen_socket.h"
#include "hq/hq_commands.h"
#include "hq/device_health.h"
#include "hq/hq_db.h"
#include "hq/hq_sync.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;
constexpr const char* kJson = "application/json; charset=utf-8";
constexpr std::int64_t kMaxChangesPerAnswer = 1000, kDefaultChanges = 200;

struct ThreadDb {
  std::uint64_t owner = 0;
  std::unique_ptr<Database> db;
};
thread_local ThreadDb t_db;
std::atomic<std::uint64_t> g_next_server_id{1};

void send(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, kJson);
}

void send_error(httplib::Response& res, const ApiError& error) {
  if (error.retry_after_s) res.set_header("Retry-After", std::to_string(*error.retry_after_s));
  send(res, error.status, error_body(error));
}

std::string bearer_token(const httplib::Request& req) {
  const std::string header = req.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (header.size() <= kBearer.size() || header.compare(0, kBearer.size(), kBearer) != 0) return {};
  return header.substr(kBearer.size());
}

std::optional<std::string> param(const httplib::Request& req, const char* name) {
  if (!req.has_param(name)) return std::nullopt;
  return req.get_param_value(name);
}

ApiError storage_failure(const SqliteError& e) {
  if (e.is_busy()) return {503, "busy", "HQ's database is busy; try again", 1};
  return {503, "storage", e.what(), 5};
}

}  // namespace

// [SECTION] Routes

class HqServer::Routes {
 public:
  Routes(const HqServerConfig& config, const Clock& clock) : config_(config), clock_(clock) {
    server_.new_task_queue = [threads = config.handler_threads] { return new httplib::ThreadPool(std::size_t(threads)); };
    server_.set_payload_max_length(config.max_body_bytes);
    server_.set_keep_alive_max_count(1000);
    server_.set_tcp_nodelay(true);
    server_.set_read_timeout(30, 0);
    server_.set_socket_options([this](socket_t sock) { listen_socket_.configure(sock); });
    server_.set_error_handler([this](const httplib::Request& req, httplib::Response& res) { answer_http_error(req, res); });
    server_.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
      send_error(res, {500, "internal", "HQ failed on this request", {}});
    });
    allowed_["/sync/v1/upload"] = "POST";
    allowed_["/sync/v1/commands"] = "POST";
    allowed_["/sync/v1/changes"] = "GET";

    server_.Post("/sync/v1/upload", [this](const httplib::Request& req, httplib::Response& res,
                                           const httplib::ContentReader& reader) { upload(req, res, reader); });
    server_.Get("/sync/v1/changes", [this](const httplib::Request& req, httplib::Response& res) {
      guarded(req, res, [&](Database& db, const Device& device) {
        const std::int64_t after = query_integer(param(req, "after"), "after", 0, INT64_MAX / 2, 0);
        const std::int64_t limit = query_integer(param(req, "limit"), "limit", 1, kMaxChangesPerAnswer, kDefaultChanges);
        send(res, 200, changes_for(db, device, after, limit, clock_.now_ms()).dump());
      });
    });
    server_.Post("/sync/v1/commands", [this](const httplib::Request& req, httplib::Response& res) {
      guarded(req, res, [&](Database& db, const Device& device) {
        std::unique_lock one_writer(writes_);
        std::variant<json, ApiError> answer = apply_commands(db, device, req.body, clock_.now_ms());
        one_writer.unlock();
        if (const ApiError* error = std::get_if<ApiError>(&answer)) return send_error(res, *error);
        send(res, 200, std::get<json>(answer).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      });
    });
  }

  httplib::Server& server() { return server_; }
  const ListenSocket& listen_socket() const { return listen_socket_; }

 private:
  // Authenticates the device, then runs `act`; maps every failure to a JSON error.
  void guarded(const httplib::Request& req, httplib::Response& res,
               const std::function<void(Database&, const Device&)>& act) {
    try {
      Result<Database*> db = thread_db();
      if (!db) return send_error(res, {503, "storage", db.error().message, 5});
      std::variant<Device, ApiError> device = authenticate_device(*db.value(), bearer_token(req));
      if (const ApiError* error = std::get_if<ApiError>(&device)) return send_error(res, *error);
      take_health(*db.value(), std::get<Device>(device), req);
      act(*db.value(), std::get<Device>(device));
    } catch (const BadRequest& e) {
      send_error(res, {400, e.code(), e.what(), {}});
    } catch (const SqliteError& e) {
      send_error(res, storage_failure(e));
    } catch (const std::exception& e) {
      send_error(res, {500, "internal", e.what(), {}});
    }
  }

  void upload(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
    const std::string encoding = req.get_header_value("Content-Encoding");
    if (!encoding.empty() && encoding != "gzip" && encoding != "identity") {
      res.set_header("Connection", "close");
      return send_error(res, {415, "unsupported-encoding", "Content-Encoding must be gzip or absent (got \"" + encoding + "\")", {}});
    }
    // The device is known before the body is read: an unknown one sends nothing in vain.
    bool body_read = false;
    guarded(req, res, [&](Database& db, const Device& device) {
      body_read = true;
      std::string body;
      bool too_large = false;
      const bool read = reader([&](const char* data, std::size_t length) {
        if (body.size() + length > config_.max_inflated_bytes) {
          too_large = true;
          return false;  // stop inflating: a small gzip body may expand without end
        }
        body.append(data, length);
        return true;
      });
      if (too_large || (!read && res.status == 413)) {
        res.set_header("Connection", "close");
        return send_error(res, {413, "too-large", "the body is over " + std::to_string(config_.max_body_bytes) +
                                                      " bytes as sent or " + std::to_string(config_.max_inflated_bytes) +
                                                      " bytes inflated; send fewer records per batch", {}});
      }
      if (!read) {
        res.set_header("Connection", "close");
        return send_error(res, {400, "bad-encoding", "the body could not be read (a gzip body that does not inflate, or cut short)", {}});
      }
      // One writer at a time in this process: a hand-over here, where SQLite's
      // busy handler would sleep in steps of up to 100 ms between tries.
      std::unique_lock one_writer(writes_);
      std::variant<json, ApiError> answer =
          apply_upload(db, device, body, clock_.now_ms(), UploadLimits{config_.max_records});
      one_writer.unlock();
      if (const ApiError* error = std::get_if<ApiError>(&answer)) return send_error(res, *error);
      send(res, 200, std::get<json>(answer).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    });
    if (!body_read) res.set_header("Connection", "close");  // the unread body must not be taken for the next request
  }

  // A report that does not decode, or that cannot be stored, is logged and
  // the request goes on: health never fails a sync.
  void take_health(Database& db, const Device& device, const httplib::Request& req) {
    if (!req.has_header(kHealthHeader)) return;
    try {
      std::lock_guard one_writer(writes_);
      if (const std::optional<std::string> ignored =
              take_health_report(db, device, req.get_header_value(kHealthHeader), clock_.now_ms()))
        std::fprintf(stderr, "hq: ignored the health report of device %s: %s\n", device.id.c_str(), ignored->c_str());
    } catch (const SqliteError& e) {
      std::fprintf(stderr, "hq: could not store the health report of device %s: %s\n", device.id.c_str(), e.what());
    }
  }

  Result<Database*> thread_db() {
    if (t_db.owner != id_ || !t_db.db) {
      Result<std::unique_ptr<Database>> opened = open_hq_db(config_.db_path);
      if (!opened) return opened.error();
      t_db = ThreadDb{id_, std::move(opened).value()};
    }
    return t_db.db.get();
  }

  // Errors cpp-httplib answers itself (no route, body too large, bad HTTP)
  // get a JSON body too; ours already have one.
  void answer_http_error(const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 404) {
      const auto found = allowed_.find(req.path);
      if (found != allowed_.end() && found->second != req.method) {
        res.set_header("Allow", found->second);
        return send_error(res, {405, "method-not-allowed", req.method + " is not allowed here; use " + found->second, {}});
      }
      return send_error(res, {404, "not-found", "no endpoint " + req.path, {}});
    }
    if (res.status == 413)
      return send_error(res, {413, "too-large", "the body is over " + std::to_string(config_.max_body_bytes) + " bytes", {}});
    if (res.status == 415) return send_error(res, {415, "unsupported-encoding", "Content-Encoding must be gzip or absent", {}});
    if (res.status >= 500) return send_error(res, {res.status, "internal", "HQ failed on this request", {}});
    send_error(res, {res.status, "bad-request", "the request is not valid HTTP for HQ", {}});
  }

  const HqServerConfig& config_;
  const Clock& clock_;
  const std::uint64_t id_ = g_next_server_id++;
  httplib::Server server_;
  ListenSocket listen_socket_;
  std::map<std::string, std::string> allowed_;  // path -> its method, for 405
  std::mutex writes_;
};

// [SECTION] Lifetime

HqServer::HqServer(HqServerConfig config, const Clock& clock)
    : config_(std::move(config)), clock_(clock), routes_(std::make_unique<Routes>(config_, clock_)) {}

HqServer::~HqServer() { stop(); }

Result<int> HqServer::start() {
  Result<std::unique_ptr<Database>> db = open_hq_db(config_.db_path);
  if (!db) return db.error();
  httplib::Server& server = routes_->server();
  const std::string& host = config_.listen.host;
  const int port = config_.listen.port == 0 ? server.bind_to_any_port(host)
                                            : (server.bind_to_port(host, config_.listen.port) ? config_.listen.port : -1);
  if (port < 0) return invalid_argument("cannot listen on " + host + ":" + std::to_string(config_.listen.port));
  if (!routes_->listen_socket().widen_backlog()) return storage_error("cannot set the listen backlog on " + host);
  listener_ = std::thread([&server] { server.listen_after_bind(); });
  for (int i = 0; i < 5000 && !server.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return port;
}

void HqServer::stop() {
  if (!listener_.joinable()) return;
  for (int i = 0; i < 5000 && !routes_->server().is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  routes_->server().stop();
  listener_.join();
}

}  // namespace kiosk::hq
