// ScriptedHqServer: its routes and lifetime.
#include "scripted_hq_server.h"

#include <httplib.h>

#include <chrono>
#include <stdexcept>

#include "core/clock.h"
#include "support/gunzip.h"

namespace kiosk::test {
namespace {

using Json = nlohmann::json;

// The body as JSON, whether the server inflated it already or not.
Json body_of(const httplib::Request& req) {
  const bool gzip = req.body.size() >= 2 && static_cast<unsigned char>(req.body[0]) == 0x1f &&
                    static_cast<unsigned char>(req.body[1]) == 0x8b;
  return Json::parse(gzip ? gunzip(req.body) : req.body, nullptr, false);
}

void answer(httplib::Response& res, int status, const Json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

EpochMs hq_time() { return SystemClock().now_ms(); }

}  // namespace

ScriptedHqServer::ScriptedHqServer() : server_(std::make_unique<httplib::Server>()) {
  server_->Post("/sync/v1/upload", [this](const httplib::Request& req, httplib::Response& res) {
    const Json body = body_of(req);
    std::int64_t last = 0;
    if (body.contains("records"))
      for (const Json& r : body["records"]) last = std::max(last, r.value("seq", std::int64_t(0)));
    {
      std::lock_guard lock(mutex_);
      received_.push_back({req.path, body});
    }
    answer(res, 200,
           {{"acked_through", last},
            {"received", body["records"].size()},
            {"applied", body["records"].size()},
            {"parked", Json::array()},
            {"duplicate_batch", false},
            {"hq_time", hq_time()}});
  });
  server_->Get("/sync/v1/changes", [this](const httplib::Request& req, httplib::Response& res) {
    {
      std::lock_guard lock(mutex_);
      received_.push_back({req.path, nullptr});
    }
    const std::int64_t after = req.has_param("after") ? std::stoll(req.get_param_value("after")) : 0;
    answer(res, 200, {{"changes", Json::array()}, {"last_seq", after}, {"more", false}, {"hq_time", hq_time()}});
  });
  server_->Post("/sync/v1/queue", [this](const httplib::Request& req, httplib::Response& res) {
    const Json body = body_of(req);
    int status = 200;
    {
      std::lock_guard lock(mutex_);
      received_.push_back({req.path, body});
      if (!queue_statuses_.empty()) {
        status = queue_statuses_.front();
        queue_statuses_.pop_front();
      }
    }
    if (status == 200)
      answer(res, 200, {{"tickets", body["tickets"].size()}, {"hq_time", hq_time()}});
    else
      answer(res, status, {{"error", {{"code", status == 404 ? "not-found" : "internal"}, {"message", "scripted"}}}});
  });
  port_ = server_->bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("the scripted HQ cannot bind 127.0.0.1");
  listener_ = std::thread([this] { server_->listen_after_bind(); });
  // Bounded: stop() before the accept loop has started would be lost.
  for (int waited_ms = 0; !server_->is_running() && waited_ms < 2000; waited_ms += 5)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

ScriptedHqServer::~ScriptedHqServer() {
  server_->stop();
  listener_.join();
}

std::string ScriptedHqServer::base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

void ScriptedHqServer::answer_queue_with(std::initializer_list<int> statuses) {
  std::lock_guard lock(mutex_);
  queue_statuses_.insert(queue_statuses_.end(), statuses.begin(), statuses.end());
}

std::vector<ReceivedRequest> ScriptedHqServer::received() const {
  std::lock_guard lock(mutex_);
  return received_;
}

std::vector<Json> ScriptedHqServer::queue_posts() const {
  std::vector<Json> posts;
  for (const ReceivedRequest& r : received())
    if (r.path == "/sync/v1/queue") posts.push_back(r.body);
  return posts;
}

void ScriptedHqServer::forget() {
  std::lock_guard lock(mutex_);
  received_.clear();
}

}  // namespace kiosk::test
