// StoreSync: the sync worker with the kiosk's libcurl transport, and the
// outbox watcher that nudges it (see store_sync.h).
#include "node/store_sync.h"

#include <cstdint>
#include <memory>
#include <optional>

#include "http/sync_transport.h"
#include "store/store_db.h"

namespace kiosk::node {
namespace {

SyncWorker::TransportFactory curl_transport() {
  return [](const SyncConfig& config) -> std::unique_ptr<SyncTransport> {
    return std::make_unique<http::HttpSyncTransport>(config.hq_url, config.device_token);
  };
}

}  // namespace

StoreSync::StoreSync(std::string data_dir, const Clock& clock, StoreSyncOptions options)
    : data_dir_(std::move(data_dir)), options_(options), worker_(data_dir_, clock, curl_transport(), options.worker) {}

StoreSync::~StoreSync() { stop(); }

void StoreSync::start() {
  worker_.start();
  std::lock_guard lock(mutex_);
  if (watcher_.joinable()) return;
  stopping_ = false;
  watcher_ = std::thread([this] { watch(); });
}

void StoreSync::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    wake_.notify_all();
  }
  if (watcher_.joinable()) watcher_.join();
  worker_.stop();
}

void StoreSync::watch() {
  std::unique_ptr<StoreDb> store;
  // The outbox as the worker last knew it: at first what HQ has acknowledged,
  // so a write made between the worker's first round and this first look
  // still nudges it.
  std::optional<std::int64_t> seen;
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, options_.watch_every, [this] { return stopping_; })) {
    if (!store) {
      Result<std::unique_ptr<StoreDb>> opened = StoreDb::open(data_dir_);
      if (!opened) continue;  // the worker reports the store's problem; try again next time
      store = std::move(opened).value();
    }
    try {
      Statement& q = store->db().prepare(
          "SELECT coalesce(max(seq), 0), coalesce((SELECT acked_through FROM sync_state), 0) FROM outbox");
      const std::int64_t latest = q.step() ? q.int64(0) : 0, acked = q.int64(1);
      q.reset();
      if (latest > seen.value_or(acked)) worker_.nudge();
      seen = latest;
    } catch (const SqliteError&) {
      store.reset();  // busy or failing: open again next time
    }
  }
}

}  // namespace kiosk::node
