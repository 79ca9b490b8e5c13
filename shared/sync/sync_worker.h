// The store's sync worker: a thread of its own (its own store connection)
// that runs sync rounds (sync_session.h) so no screen ever waits for HQ. After
// a complete round it waits `interval`; after a failure it backs off with full
// jitter, never sooner than HQ's Retry-After; a device HQ refused waits
// `refused_interval`. nudge() asks for a round soon (after a ticket is
// issued); stop() ends the wait at once and joins. A crash loses nothing: the
// outbox and the acknowledged seq are in the store file, so the next worker
// goes on from there. Its rounds report the store's health to HQ, as of a
// process started when the worker was made (integrity checked hourly), and
// post the live queue (queue_post.h).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/clock.h"
#include "sync/sync_session.h"

namespace kiosk {

struct SyncWorkerOptions {
  std::chrono::milliseconds interval{30000};           // between complete rounds
  std::chrono::milliseconds nudge_delay{1000};         // a nudge gathers writes for this long
  std::chrono::milliseconds refused_interval{900000};  // 401/403: the configuration must change
  SyncOptions round;
};

class SyncWorker {
 public:
  // Makes the transport for a configuration (libcurl in the kiosk and kioskctl).
  using TransportFactory = std::function<std::unique_ptr<SyncTransport>(const SyncConfig&)>;
  // Called after every round, on the worker thread.
  using RoundObserver = std::function<void(const SyncRoundReport&)>;

  SyncWorker(std::string data_dir, const Clock& clock, TransportFactory transport, SyncWorkerOptions options = {},
             RoundObserver observer = {});
  ~SyncWorker();  // stops
  SyncWorker(const SyncWorker&) = delete;
  SyncWorker& operator=(const SyncWorker&) = delete;

  void start();
  void nudge();
  void stop();

 private:
  void run();
  // Sleeps up to `wait` unless stopped or nudged; true when stopping.
  bool wait_for(std::chrono::milliseconds wait);

  std::string data_dir_;
  const Clock& clock_;
  EpochMs started_at_;
  TransportFactory transport_;
  SyncWorkerOptions options_;
  RoundObserver observer_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool nudged_ = false;
  std::thread thread_;
};

}  // namespace kiosk
