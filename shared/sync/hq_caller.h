// One request to HQ as the sync protocol wants it (docs/hq-sync-protocol.md,
// "Retry rules"): transport failures, 429 and 5xx retried with full-jitter
// backoff, never sooner than Retry-After, a wait too long for a round ending
// it; an answer that is not the protocol's JSON counted as a transport
// failure; HQ's clock difference measured from each good answer. Shared by
// every kind of device's sync round (the store's, the field tablet's). The
// transport is an interface: shared/ links no network library.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace kiosk {

struct TransportResponse {
  long status = 0;
  std::string body;
  std::optional<long> retry_after_s;
  std::int64_t wire_bytes = 0;  // request and answer as on the wire, headers included; 0: not known
};

// Extra request headers, e.g. {kHealthHeader, encode_health(...)}.
struct HeaderField {
  std::string name;
  std::string value;
};
using HeaderFields = std::vector<HeaderField>;

class SyncTransport {
 public:
  virtual ~SyncTransport() = default;
  // Transport failures (refused, reset, timeout) are errors; any HTTP status is a response.
  virtual Result<TransportResponse> get(const std::string& path, const HeaderFields& headers) = 0;
  virtual Result<TransportResponse> post_gzip_json(const std::string& path, const std::string& gzip_body,
                                                   const HeaderFields& headers) = 0;
};

struct SyncOptions {
  int batch_records = 1000;
  int change_page = 200;
  int max_change_pages = 1000;   // per round: a feed that never ends is HQ's bug
  int commands_per_body = 100;   // HQ's limit
  int max_command_bodies = 100;  // per round: a request's commands go one per body
  // Transient failures (transport, 429, 5xx) of one request are retried within
  // the round this many times in all, waiting as the protocol says.
  int attempts = 4;
  std::chrono::milliseconds backoff_base{500};
  std::chrono::milliseconds backoff_cap{300000};
  std::chrono::milliseconds longest_wait_in_round{15000};  // a longer Retry-After ends the round
};

// Full-jitter exponential backoff: a random wait in [0, min(cap, base x 2^attempt)],
// never shorter than Retry-After.
std::chrono::milliseconds backoff_delay(int attempt, std::optional<long> retry_after_s, const SyncOptions& options,
                                        std::mt19937_64& random);

// What a round's requests to HQ cost, HQ's clock, and why the one that failed
// did. A round's report is one (it adds its own figures).
struct HqCalls {
  int requests = 0;
  std::int64_t bytes_sent = 0;  // bodies only
  std::int64_t bytes_received = 0;
  std::int64_t wire_bytes = 0;                  // both ways, headers included (as the transport counts them)
  std::optional<std::int64_t> clock_offset_ms;  // HQ's clock minus ours, from the latest good answer
  std::optional<Error> error;                   // why the round stopped early
  bool refused = false;                         // HQ refused this device (401/403): retrying will not help
  std::string refusal_code;                     // then HQ's error code: "revoked-device", "wrong-store"...
  std::optional<long> retry_after_s;
};

// HQ's answer to one request. Not ok: `calls.error` says why; `status` is
// HQ's final status (0 when none came, or only retryable ones).
struct HqAnswer {
  bool ok = false;  // 200 with a JSON object carrying an integer hq_time
  long status = 0;
  nlohmann::json body;
};

// True when `body` is an object whose `field` is an integer: the answer checks.
bool has_int(const nlohmann::json& body, const char* field);

// Takes one page of HQ's change feed (checked: `changes` in order, each seq
// above the cursor and at most `last_seq`) with HQ's clock of the answer, and
// moves the cursor to `last_seq`; or says why it could not.
using FeedPage =
    std::function<std::optional<Error>(const nlohmann::json& changes, std::int64_t last_seq, EpochMs hq_time)>;

class HqCaller {
 public:
  using Sleep = std::function<void(std::chrono::milliseconds)>;
  // `sleep`: how to wait between attempts (tests pass one that does not).
  HqCaller(SyncTransport& transport, const Clock& clock, const SyncOptions& options, Sleep sleep = {});

  HqAnswer get(const std::string& path, const HeaderFields& headers, HqCalls& calls);
  HqAnswer post(const std::string& path, const std::string& gzip_body, const HeaderFields& headers, HqCalls& calls);

  // Reads HQ's change feed after seq `after`, page by page (options'
  // change_page, at most max_change_pages), giving each to `take`, until HQ
  // has nothing more. False when it stopped early (`calls.error` says why).
  bool follow_feed(std::int64_t after, const HeaderFields& headers, const FeedPage& take, HqCalls& calls);

 private:
  HqAnswer call(const std::function<Result<TransportResponse>()>& send, std::int64_t body_bytes, HqCalls& calls);

  SyncTransport& transport_;
  const Clock& clock_;
  SyncOptions options_;
  Sleep sleep_;
  std::mt19937_64 random_;
};

}  // namespace kiosk
