// The sync worker's loop: open the store, run a round, wait, again.
#include "sync/sync_worker.h"

#include <random>

#include "store/store_db.h"

namespace kiosk {

SyncWorker::SyncWorker(std::string data_dir, const Clock& clock, TransportFactory transport, SyncWorkerOptions options,
                       RoundObserver observer)
    : data_dir_(std::move(data_dir)),
      clock_(clock),
      started_at_(clock.now_ms()),
      transport_(std::move(transport)),
      options_(options),
      observer_(std::move(observer)) {}

SyncWorker::~SyncWorker() { stop(); }

void SyncWorker::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void SyncWorker::nudge() {
  std::lock_guard lock(mutex_);
  nudged_ = true;
  wake_.notify_all();
}

void SyncWorker::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    wake_.notify_all();
  }
  if (thread_.joinable()) thread_.join();
}

bool SyncWorker::wait_for(std::chrono::milliseconds wait) {
  std::unique_lock lock(mutex_);
  const auto deadline = std::chrono::steady_clock::now() + wait;
  while (!stopping_) {
    if (nudged_) {
      // Gather the writes that follow a nudge, but never wait longer than planned.
      nudged_ = false;
      const auto soon = std::chrono::steady_clock::now() + options_.nudge_delay;
      wake_.wait_until(lock, std::min(soon, deadline), [this] { return stopping_; });
      return stopping_;
    }
    if (wake_.wait_until(lock, deadline, [this] { return stopping_ || nudged_; }) == false) return false;
  }
  return true;
}

void SyncWorker::run() {
  std::mt19937_64 random(std::random_device{}());
  int failures = 0;
  std::unique_ptr<StoreDb> store;
  std::optional<HealthProbe> health;  // on `store`, kept across rounds
  for (;;) {
    std::chrono::milliseconds wait = options_.interval;
    if (!store) {
      Result<std::unique_ptr<StoreDb>> opened = StoreDb::open(data_dir_);
      if (opened) {
        store = std::move(opened).value();
        health.emplace(*store, clock_, started_at_);
      }
    }
    if (store) {
      const Result<SyncConfig> config = SyncStore(*store, clock_).config();
      if (config && config.value().configured()) {
        std::unique_ptr<SyncTransport> transport = transport_(config.value());
        // Retries happen here, between rounds, not inside one.
        SyncOptions round = options_.round;
        round.attempts = 1;
        SyncSession session(*store, clock_, *transport, round, {}, &*health);
        const SyncRoundReport report = session.run_round();
        if (observer_) observer_(report);
        if (report.complete) {
          failures = 0;
        } else if (report.refused) {
          wait = options_.refused_interval;
        } else {
          wait = backoff_delay(failures++, report.retry_after_s, options_.round, random);
        }
      }
    } else {
      wait = backoff_delay(failures++, std::nullopt, options_.round, random);
    }
    if (wait_for(wait)) return;
  }
}

}  // namespace kiosk
