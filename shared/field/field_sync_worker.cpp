// The field tablet's sync thread: open the tablet's file, run a round, tell
// the observer, wait, again (see field_sync_worker.h).
#include "field/field_sync_worker.h"

#include <algorithm>

namespace kiosk {
namespace {

// The round's transport, refusing every request once the worker stops: a
// round stops after the request on the wire instead of going on to the next.
class StoppableTransport final : public SyncTransport {
 public:
  StoppableTransport(SyncTransport& inner, const std::atomic<bool>& stopping) : inner_(inner), stopping_(stopping) {}
  Result<TransportResponse> get(const std::string& path, const HeaderFields& headers) override {
    if (stopping_) return stopped();
    return inner_.get(path, headers);
  }
  Result<TransportResponse> post_gzip_json(const std::string& path, const std::string& gzip_body,
                                           const HeaderFields& headers) override {
    if (stopping_) return stopped();
    return inner_.post_gzip_json(path, gzip_body, headers);
  }

 private:
  static Error stopped() { return unavailable("the tablet's sync is stopping", "stopping"); }
  SyncTransport& inner_;
  const std::atomic<bool>& stopping_;
};

}  // namespace

FieldSyncWorker::FieldSyncWorker(std::string data_dir, const Clock& clock, TransportFactory transport,
                                 FieldSyncWorkerOptions options, RoundObserver observer)
    : data_dir_(std::move(data_dir)),
      clock_(clock),
      transport_(std::move(transport)),
      options_(std::move(options)),
      observer_(std::move(observer)) {
  options_.round.attempts = 1;
}

FieldSyncWorker::~FieldSyncWorker() { stop(); }

void FieldSyncWorker::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void FieldSyncWorker::nudge() {
  std::lock_guard lock(mutex_);
  nudged_ = true;
  wake_.notify_all();
}

void FieldSyncWorker::sync_now() {
  std::lock_guard lock(mutex_);
  asked_ = true;
  wake_.notify_all();
}

void FieldSyncWorker::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    wake_.notify_all();
  }
  if (thread_.joinable()) thread_.join();
}

bool FieldSyncWorker::wait_for(std::chrono::milliseconds wait) {
  using steady = std::chrono::steady_clock;
  std::unique_lock lock(mutex_);
  steady::time_point deadline = steady::now() + wait;
  for (;;) {
    if (stopping_) return true;
    if (asked_) {
      asked_ = nudged_ = false;
      deadline = std::min(deadline, not_before_);
    } else if (nudged_) {
      nudged_ = false;
      deadline = std::min(deadline, std::max(not_before_, steady::now() + options_.nudge_delay));
    }
    if (!wake_.wait_until(lock, deadline, [this] { return stopping_ || asked_ || nudged_; })) return false;
  }
}

std::chrono::milliseconds FieldSyncWorker::after_round(const FieldSyncReport& report, int& failures,
                                                       std::mt19937_64& random) {
  if (!report.error) {  // went through (steps HQ cannot take yet may still wait)
    failures = 0;
    return options_.interval;
  }
  if (report.requests == 0) return options_.interval;  // not set up, revoked, or the file: nothing went out
  if (report.refused) return options_.refused_interval;
  if (report.error->kind == ErrorKind::Refused || report.error->kind == ErrorKind::InvalidArgument)
    return options_.rejected_interval;  // HQ said no to the request itself, or sent what the tablet cannot take
  const std::chrono::milliseconds wait = backoff_delay(failures++, report.retry_after_s, options_.round, random);
  if (report.retry_after_s) {
    std::lock_guard lock(mutex_);
    not_before_ = std::chrono::steady_clock::now() + std::chrono::seconds(*report.retry_after_s);
  }
  return wait;
}

void FieldSyncWorker::run() {
  std::mt19937_64 random(std::random_device{}());
  int failures = 0;
  std::unique_ptr<FieldDb> field;
  if (wait_for(options_.first_round_after)) return;
  for (;;) {
    std::chrono::milliseconds wait = options_.interval;
    if (!field) {
      Result<std::unique_ptr<FieldDb>> opened = FieldDb::open(data_dir_, clock_.now_ms());
      if (opened) field = std::move(opened).value();
    }
    if (field) {
      FieldSyncReport report;
      const Result<SyncConfig> config = FieldLink(*field, clock_).config();
      if (config) {
        const std::unique_ptr<SyncTransport> transport = transport_(config.value(), stopping_);
        StoppableTransport guarded(*transport, stopping_);
        FieldSyncSession session(*field, clock_, guarded, options_.round, {}, options_.book);
        report = session.run_round();
      } else {
        report.error = config.error();
      }
      if (stopping_) return;
      if (observer_) observer_(report, *field);
      wait = after_round(report, failures, random);
    } else {
      wait = backoff_delay(failures++, std::nullopt, options_.round, random);
    }
    if (wait_for(wait)) return;
  }
}

}  // namespace kiosk
