// One sync round with HQ (docs/hq-sync-protocol.md): upload the pending outbox
// in batches until nothing is left, then follow HQ's change feed until it has
// nothing more. The transport is an interface (shared/ links no network
// library): the kiosk and kioskctl give it libcurl (platform/http). Every
// request of a round carries the store's health report (health_report.h).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/store_db.h"
#include "sync/command_outbox.h"
#include "sync/health_probe.h"
#include "sync/sync_store.h"

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

struct SyncRoundReport {
  bool complete = false;              // nothing left to send, and the change feed read to its end
  std::int64_t uploaded = 0;          // records HQ acknowledged in this round
  std::int64_t parked = 0;            // of which HQ parked
  std::int64_t changes = 0;           // changes applied from HQ
  std::int64_t commands = 0;          // request transitions HQ decided in this round
  std::int64_t commands_refused = 0;  // of which HQ answered with a conflict or a rejection
  std::int64_t pending = 0;           // outbox rows left
  int requests = 0;
  std::int64_t bytes_sent = 0;  // bodies only
  std::int64_t bytes_received = 0;
  std::int64_t wire_bytes = 0;    // both ways, headers included (as the transport counts them)
  std::int64_t health_bytes = 0;  // the health report's size, sent with each request
  std::optional<std::int64_t> clock_offset_ms;
  std::optional<Error> error;  // why the round stopped early
  bool refused = false;        // HQ refused this device (401/403): retrying will not help
  std::optional<long> retry_after_s;
};

// Full-jitter exponential backoff: a random wait in [0, min(cap, base x 2^attempt)],
// never shorter than Retry-After.
std::chrono::milliseconds backoff_delay(int attempt, std::optional<long> retry_after_s, const SyncOptions& options,
                                        std::mt19937_64& random);

class SyncSession {
 public:
  using Sleep = std::function<void(std::chrono::milliseconds)>;
  // `health`: the probe whose report goes with each request (kept across
  // rounds by the caller, see health_probe.h); none: one of this session's own.
  SyncSession(StoreDb& store, const Clock& clock, SyncTransport& transport, SyncOptions options = {}, Sleep sleep = {},
              HealthProbe* health = nullptr);

  // One round; what happened is also written to the store's sync state.
  SyncRoundReport run_round();

 private:
  struct Answer;
  // One upload's records, ready to send.
  struct Batch {
    std::int64_t first = 0, last = 0;
    std::string gzip;
    bool empty() const { return last == 0; }
  };
  static constexpr int kBatchesPerAcknowledgement = 8;
  Result<Batch> build_batch(const std::string& incarnation, std::int64_t after, int limit);
  Answer request(const std::function<Result<TransportResponse>()>& send, SyncRoundReport& report);
  bool upload(SyncRoundReport& report);
  bool send_commands(SyncRoundReport& report);
  bool follow_changes(SyncRoundReport& report);
  void read_health(SyncRoundReport& report);

  StoreDb& store_;
  const Clock& clock_;
  SyncTransport& transport_;
  SyncOptions options_;
  Sleep sleep_;
  SyncStore sync_;
  CommandOutbox commands_;
  std::optional<HealthProbe> own_health_;
  HealthProbe& health_;
  HeaderFields headers_;  // this round's, health included
  std::mt19937_64 random_;
};

}  // namespace kiosk
