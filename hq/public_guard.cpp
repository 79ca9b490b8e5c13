// Public answers' headers and the per-minute limits (public_guard.h).
#include "hq/public_guard.h"

#include <algorithm>

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

void send_public_error(httplib::Response& res, const ApiError& error) {
  http_server::send_api_error(res, error);
  set_public_headers(res);
  res.set_header("Cache-Control", "no-store");
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
