// The field tablet's sync thread: FieldSyncSession rounds with HQ on a thread
// of its own (its own connection to technician.db), so the technician's
// screens never wait for a network. A round at start (or `first_round_after`), then every `interval`
// while rounds go through; `nudge_delay` after a local step (nudge), to gather
// what the technician does next; at once when asked (sync_now); after a
// failure a full-jitter exponential backoff (backoff_delay), never sooner than
// HQ's Retry-After, not even when nudged. A tablet HQ refused (401/403) waits
// `refused_interval`, a request HQ called wrong (an upgrade fixes it)
// `rejected_interval`; a tablet with nothing to send to (not set up, revoked) only
// looks at its configuration again each interval, so `kioskctl tablet set`
// needs no restart. After each round the observer gets the round's report and
// the thread's connection (to read what the screens need), on this thread.
// stop() ends a wait at once, tells the transport to abandon a request on
// the wire (libcurl: within about a second) and lets no further request of
// the round go out. A crash loses nothing: the steps and records wait in the
// file.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>

#include "core/clock.h"
#include "field/field_db.h"
#include "field/field_sync.h"
#include "sync/sync_store.h"

namespace kiosk {

struct FieldSyncWorkerOptions {
  std::chrono::milliseconds first_round_after{0};        // from start()
  std::chrono::milliseconds interval{30000};             // between rounds that went through
  std::chrono::milliseconds nudge_delay{2000};           // a nudge gathers steps for this long
  std::chrono::milliseconds refused_interval{900000};    // HQ refused the tablet: its setup must change
  std::chrono::milliseconds rejected_interval{3600000};  // HQ called a request wrong (400, 404...): a bug
  SyncOptions round;                                     // its `attempts` is 1: retries happen between rounds
  JobBookOptions book;
};

class FieldSyncWorker {
 public:
  // Makes the transport for HQ's URL and token (libcurl in the kiosk); once
  // `stopping` is set it should abandon a request on the wire.
  using TransportFactory =
      std::function<std::unique_ptr<SyncTransport>(const SyncConfig&, const std::atomic<bool>& stopping)>;
  // After every round, on the worker thread, with the worker's own connection.
  using RoundObserver = std::function<void(const FieldSyncReport&, FieldDb&)>;

  FieldSyncWorker(std::string data_dir, const Clock& clock, TransportFactory transport,
                  FieldSyncWorkerOptions options = {}, RoundObserver observer = {});
  ~FieldSyncWorker();  // stops
  FieldSyncWorker(const FieldSyncWorker&) = delete;
  FieldSyncWorker& operator=(const FieldSyncWorker&) = delete;

  void start();
  void nudge();     // a round in nudge_delay (or sooner if one was due)
  void sync_now();  // a round at once (once Retry-After has passed)
  void stop();

 private:
  void run();
  std::chrono::milliseconds after_round(const FieldSyncReport& report, int& failures, std::mt19937_64& random);
  // Sleeps up to `wait` unless stopped, nudged or asked; true when stopping.
  bool wait_for(std::chrono::milliseconds wait);

  std::string data_dir_;
  const Clock& clock_;
  TransportFactory transport_;
  FieldSyncWorkerOptions options_;
  RoundObserver observer_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool nudged_ = false;
  bool asked_ = false;
  std::chrono::steady_clock::time_point not_before_;  // HQ's Retry-After
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace kiosk
