// HQ's HTTP server: routing (the sync API here, the console's in
// console_api.h), device authentication, per-thread database connections, bounded and optionally gzip-compressed upload
// bodies, the health report every authenticated request may carry, and JSON for every error.
#include "hq/hq_server.h"

#include <httplib.h>

#include <cstdio>
#include <functional>
#include <map>

#include "hq/console_api.h"
#include "hq/console_pages.h"
#include "hq/device_health.h"
#include "hq/hq_commands.h"
#include "hq/hq_db.h"
#include "hq/hq_sync.h"
#include "hq/live_queue.h"
#include "hq/public_article.h"
#include "hq/public_pages.h"
#include "hq/public_request_api.h"
#include "hq/public_ticket_api.h"
#include "hq/storage_answer.h"
#include "http_server/json_http_server.h"
#include "sync/gzip.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

using http_server::bearer_token;
using http_server::send_api_error;
using http_server::send_json;

// A sync answer, gzip-compressed for a client that accepts it: the feed (a
// tablet's jobs, a store's catalogue) and the results of many commands are
// repetitive JSON that shrinks several times over; a small answer (a no-op
// sync's) stays plain.
void send_compressible(const httplib::Request& req, httplib::Response& res, const std::string& body) {
  constexpr std::size_t kCompressFrom = 1024;
  if (body.size() < kCompressFrom || req.get_header_value("Accept-Encoding").find("gzip") == std::string::npos)
    return send_json(res, 200, body);
  send_json(res, 200, gzip_compress(body));
  res.set_header("Content-Encoding", "gzip");
}

constexpr std::int64_t kMaxChangesPerAnswer = 1000, kDefaultChanges = 200;

http_server::ServerLimits limits_of(const HqServerConfig& config) {
  return {config.handler_threads, config.max_body_bytes, 30};
}

std::optional<std::string> param(const httplib::Request& req, const char* name) {
  if (!req.has_param(name)) return std::nullopt;
  return req.get_param_value(name);
}

}  // namespace

// [SECTION] Routes

class HqServer::Routes {
 public:
  Routes(const HqServerConfig& config, const Clock& clock)
      : config_(config), clock_(clock), http_(limits_of(config), "HQ", [this](const httplib::Request& req) {
          const auto found = allowed_.find(req.path);
          return found == allowed_.end() ? std::string() : found->second;
        }) {
    httplib::Server& server_ = http_.routes();
    allowed_["/sync/v1/upload"] = "POST";
    allowed_["/sync/v1/commands"] = "POST";
    allowed_["/sync/v1/changes"] = "GET";
    allowed_["/sync/v1/queue"] = "POST";

    server_.Post("/sync/v1/upload", [this](const httplib::Request& req, httplib::Response& res,
                                           const httplib::ContentReader& reader) { upload(req, res, reader); });
    server_.Get("/sync/v1/changes", [this](const httplib::Request& req, httplib::Response& res) {
      guarded(req, res, [&](HqDb& db, const Device& device) {
        const std::int64_t after = query_integer(param(req, "after"), "after", 0, INT64_MAX / 2, 0);
        const std::int64_t limit =
            query_integer(param(req, "limit"), "limit", 1, kMaxChangesPerAnswer, kDefaultChanges);
        note_device_heard(db, device, clock_.now_ms());
        send_compressible(req, res, changes_for(db, device, after, limit, clock_.now_ms()).dump());
      });
    });
    server_.Post("/sync/v1/queue", [this](const httplib::Request& req, httplib::Response& res) {
      guarded(req, res, [&](HqDb& db, const Device& device) {
        std::variant<json, ApiError> answer = apply_queue_post(db, device, req.body, clock_.now_ms());
        if (const ApiError* error = std::get_if<ApiError>(&answer)) return send_api_error(res, *error);
        send_json(res, 200, std::get<json>(answer).dump());
      });
    });
    console_.add_routes(server_, allowed_);
    mount_console_pages(server_);
    mount_public_pages(server_);
    add_public_request_routes(
        server_, allowed_, [this] { return thread_db(); }, clock_, public_guesses_);
    public_tickets_.add_routes(server_);
    public_articles_.add_routes(server_);
    server_.Post("/sync/v1/commands", [this](const httplib::Request& req, httplib::Response& res) {
      guarded(req, res, [&](HqDb& db, const Device& device) {
        std::variant<json, ApiError> answer = apply_commands(db, device, req.body, clock_.now_ms());
        if (const ApiError* error = std::get_if<ApiError>(&answer)) return send_api_error(res, *error);
        send_compressible(req, res,
                          std::get<json>(answer).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      });
    });
  }

  http_server::JsonHttpServer& http() { return http_; }

 private:
  // Authenticates the device, then runs `act`; maps every failure to a JSON error.
  void guarded(const httplib::Request& req, httplib::Response& res,
               const std::function<void(HqDb&, const Device&)>& act) {
    try {
      Result<HqDb*> db = thread_db();
      if (!db) return send_api_error(res, storage_answer(db.error()));
      std::variant<Device, ApiError> device = authenticate_device(*db.value(), bearer_token(req));
      if (const ApiError* error = std::get_if<ApiError>(&device)) return send_api_error(res, *error);
      take_health(*db.value(), std::get<Device>(device), req);
      act(*db.value(), std::get<Device>(device));
    } catch (const BadRequest& e) {
      send_api_error(res, {400, e.code(), e.what(), {}});
    } catch (const StorageFailure& e) {
      send_api_error(res, storage_answer(e));
    } catch (const std::exception& e) {
      send_api_error(res, {500, "internal", e.what(), {}});
    }
  }

  void upload(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
    const std::string encoding = req.get_header_value("Content-Encoding");
    if (!encoding.empty() && encoding != "gzip" && encoding != "identity") {
      res.set_header("Connection", "close");
      return send_api_error(
          res, {415, "unsupported-encoding", "Content-Encoding must be gzip or absent (got \"" + encoding + "\")", {}});
    }
    // The device is known before the body is read: an unknown one sends nothing in vain.
    bool body_read = false;
    guarded(req, res, [&](HqDb& db, const Device& device) {
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
        return send_api_error(
            res, {413,
                  "too-large",
                  "the body is over " + std::to_string(config_.max_body_bytes) + " bytes as sent or " +
                      std::to_string(config_.max_inflated_bytes) + " bytes inflated; send fewer records per batch",
                  {}});
      }
      if (!read) {
        res.set_header("Connection", "close");
        return send_api_error(
            res,
            {400, "bad-encoding", "the body could not be read (a gzip body that does not inflate, or cut short)", {}});
      }
      std::variant<json, ApiError> answer =
          apply_upload(db, device, body, clock_.now_ms(), UploadLimits{config_.max_records});
      if (const ApiError* error = std::get_if<ApiError>(&answer)) return send_api_error(res, *error);
      send_json(res, 200, std::get<json>(answer).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    });
    if (!body_read) res.set_header("Connection", "close");  // the unread body must not be taken for the next request
  }

  // A report that does not decode, or that cannot be stored, is logged and
  // the request goes on: health never fails a sync.
  void take_health(HqDb& db, const Device& device, const httplib::Request& req) {
    if (!req.has_header(kHealthHeader)) return;
    try {
      if (const std::optional<std::string> ignored =
              take_health_report(db, device, req.get_header_value(kHealthHeader), clock_.now_ms()))
        std::fprintf(stderr, "hq: ignored the health report of device %s: %s\n", device.id.c_str(), ignored->c_str());
    } catch (const StorageFailure& e) {
      std::fprintf(stderr, "hq: could not store the health report of device %s: %s\n", device.id.c_str(), e.what());
    }
  }

  Result<HqDb*> thread_db() {
    return connections_.get([this] { return open_hq_db(config_.db, OpenMode::CheckSchema); });
  }

  const HqServerConfig& config_;
  const Clock& clock_;
  std::map<std::string, std::string> allowed_;  // path -> its method, for 405
  http_server::JsonHttpServer http_;            // after allowed_, which it reads
  http_server::ConnectionPerThread<HqDb> connections_;
  ConsoleApi console_{[this] { return thread_db(); }, clock_};
  // Guessed codes, tokens and article ids, per address and overall (public_guard.h).
  MinuteLimit public_guesses_{20, 600};
  PublicTicketApi public_tickets_{[this] { return thread_db(); }, clock_, public_guesses_};
  PublicArticleApi public_articles_{[this] { return thread_db(); }, clock_, public_guesses_};
};

// [SECTION] Lifetime

HqServer::HqServer(HqServerConfig config, const Clock& clock)
    : config_(std::move(config)),
      clock_(clock),
      routes_(std::make_unique<Routes>(config_, clock_)),
      alerts_(config_.db, clock_),
      sms_(config_.db, clock_) {}

HqServer::~HqServer() { stop(); }

Result<int> HqServer::start() {
  Result<std::unique_ptr<HqDb>> db = open_hq_db(config_.db, OpenMode::Migrate);
  if (!db) return db.error();
  Result<int> port = routes_->http().start(config_.listen);
  if (port) {
    alerts_.start();
    sms_.start();
  }
  return port;
}

void HqServer::stop() {
  alerts_.stop();
  sms_.stop();
  routes_->http().stop();
}

}  // namespace kiosk::hq
