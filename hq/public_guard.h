// What every answer of HQ's public pages and their APIs shares
// (docs/public-pages.md, "Abuse"): the strict security headers, JSON errors
// that carry them, ETags, the database call that answers its failures in JSON,
// and the per-minute limits that slow guessing (tokens, request codes, article
// ids) and over-eager polling, per client address and overall.
#pragma once

#include <httplib.h>

#include <deque>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>

#include "codec/api_json.h"
#include "core/clock.h"
#include "core/result.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

// CSP (nothing from elsewhere, no inline script or style, no framing), no
// referrer, no sniffing.
void set_public_headers(httplib::Response& res);
// An API answer's headers: the public ones and Cache-Control (no-store
// unless the answer may be kept).
void set_public_api_headers(httplib::Response& res, const char* cache_control = "no-store");
// The JSON error (never kept), or a JSON answer, with the API headers.
void send_public_error(httplib::Response& res, const ApiError& error);
void send_public_json(httplib::Response& res, int status, const nlohmann::ordered_json& body,
                      const char* cache_control = "no-store");

// Sets the ETag of `content` (what the answer's body depends on); true, with
// a 304 answered (the API headers, `cache_control`), when the request's
// If-None-Match already names it.
bool answered_unchanged(const httplib::Request& req, httplib::Response& res, const std::string& content,
                        const char* cache_control = "no-store");

using PublicThreadDb = std::function<Result<HqDb*>()>;  // this handler thread's connection

// Runs `act` with this thread's database; storage failures become 503, any
// other failure 500, each a public JSON error.
void with_public_db(httplib::Response& res, const PublicThreadDb& thread_db, const std::function<void(HqDb&)>& act);

// Whose request this is, for the limits: the peer's address, or, when the
// peer is on loopback (a reverse proxy on the same host, which HTTPS needs:
// hq serves plain HTTP), the last address of X-Forwarded-For, the one that
// proxy saw. A remote peer's X-Forwarded-For is never believed.
std::string client_address(const httplib::Request& req);

// Events in the last minute, per client address and overall; thread-safe.
// Memory stays bounded: a minute's events at most, the overall limit caps them.
class MinuteLimit {
 public:
  MinuteLimit(int per_address, int overall) : per_address_(per_address), overall_(overall) {}

  // 0 when `address` may act now, else the seconds until it may (Retry-After).
  int wait_s(const std::string& address, EpochMs now);
  // Counts one event of `address` (a guess that matched nothing, a poll).
  void count(const std::string& address, EpochMs now);

 private:
  void forget_before(EpochMs cutoff);

  const int per_address_, overall_;
  std::mutex mutex_;
  std::deque<std::pair<EpochMs, std::string>> events_;  // oldest first
  std::unordered_map<std::string, std::deque<EpochMs>> by_address_;
};

// 429 "slowed-down" with Retry-After.
ApiError slowed_down(int wait_s);

}  // namespace kiosk::hq
