// Public answers' headers and the per-minute limits (public_guard.h).
#include "hq/public_guard.h"

#include <algorithm>
#include <cstdio>

#include "http_server/json_http_server.h"

namespace kiosk::hq {
namespace {

constexpr EpochMs kMinuteMs = 60'000;

}  // namespace

void set_public_headers(httplib::Response& res) {
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
                 "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("X-Content-Type-Options", "nosniff");
}

void set_public_api_headers(httplib::Response& res, const char* cache_control) {
  set_public_headers(res);
  res.set_header("Cache-Control", cache_control);
}

void send_public_error(httplib::Response& res, const ApiError& error) {
  http_server::send_api_error(res, error);
  set_public_api_headers(res);
}

void send_public_json(httplib::Response& res, int status, const nlohmann::ordered_json& body,
                      const char* cache_control) {
  http_server::send_json(res, status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  set_public_api_headers(res, cache_control);
}

bool answered_unchanged(const httplib::Request& req, httplib::Response& res, const std::string& content,
                        const char* cache_control) {
  char tag[24];
  std::snprintf(tag, sizeof tag, "\"%016zx\"", std::hash<std::string>{}(content));
  res.set_header("ETag", tag);
  if (req.get_header_value("If-None-Match") != tag) return false;
  res.status = 304;
  set_public_api_headers(res, cache_control);
  return true;
}

void with_public_db(httplib::Response& res, const PublicThreadDb& thread_db, const std::function<void(HqDb&)>& act) {
  try {
    Result<HqDb*> db = thread_db();
    if (!db) return send_public_error(res, {503, "storage", db.error().message, 5});
    act(*db.value());
  } catch (const StorageFailure& e) {
    send_public_error(res, {503, e.kind() == StorageFailure::Kind::Busy ? "busy" : "storage",
                            "HQ's database is busy or failing; try again", 2});
  } catch (const std::exception& e) {
    send_public_error(res, {500, "internal", e.what(), {}});
  }
}

std::string client_address(const httplib::Request& req) {
  const bool loopback =
      req.remote_addr.rfind("127.", 0) == 0 || req.remote_addr == "::1" || req.remote_addr.rfind("::ffff:127.", 0) == 0;
  const std::string forwarded = req.get_header_value("X-Forwarded-For");
  if (!loopback || forwarded.empty()) return req.remote_addr;
  std::string last = forwarded.substr(forwarded.rfind(',') + 1);
  last.erase(0, last.find_first_not_of(' '));
  last.erase(last.find_last_not_of(' ') + 1);
  return last.empty() || last.size() > 64 ? req.remote_addr : last;
}

ApiError slowed_down(int wait_s) {
  return {429, "slowed-down", "too many tries; wait " + std::to_string(wait_s) + " s", wait_s};
}

void MinuteLimit::forget_before(EpochMs cutoff) {
  while (!events_.empty() && events_.front().first < cutoff) {
    auto found = by_address_.find(events_.front().second);
    if (found != by_address_.end()) {
      found->second.pop_front();
      if (found->second.empty()) by_address_.erase(found);
    }
    events_.pop_front();
  }
}

int MinuteLimit::wait_s(const std::string& address, EpochMs now) {
  std::lock_guard lock(mutex_);
  forget_before(now - kMinuteMs);
  EpochMs until = 0;
  if (static_cast<int>(events_.size()) >= overall_) until = events_.front().first + kMinuteMs;
  const auto found = by_address_.find(address);
  if (found != by_address_.end() && static_cast<int>(found->second.size()) >= per_address_)
    until = std::max(until, found->second.front() + kMinuteMs);
  return until > now ? static_cast<int>((until - now + 999) / 1000) : 0;
}

void MinuteLimit::count(const std::string& address, EpochMs now) {
  std::lock_guard lock(mutex_);
  forget_before(now - kMinuteMs);
  if (static_cast<int>(events_.size()) >= overall_) return;  // already refusing everyone: nothing more to keep
  events_.emplace_back(now, address);
  by_address_[address].push_back(now);
}

}  // namespace kiosk::hq
