// The live queue post's cost at the store (prints figures; never a pass/fail
// on time): for a queue of 20, 200 and 2,000 waiting tickets (8 services, 4
// open counters each busy, a phone on every third ticket, HQ sending
// reminders) on a real store file:
//   - read: read_live_queue (the waiting tickets, the snapshot, one replay);
//   - replay alone: estimate_waits_min on the snapshot, beside the newcomer's
//     estimate_wait_min on the same snapshot (what issuing a ticket replays);
//   - the body: JSON bytes and gzip bytes as posted.
//   bench_live_queue [--reps 200] [--dir DIR]
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/random_id.h"
#include "latency_figures.h"
#include "queue/queue_engine.h"
#include "queue/queue_snapshot.h"
#include "store/catalog.h"
#include "store/store_db.h"
#include "sync/gzip.h"
#include "sync/live_queue.h"
#include "sync/sync_store.h"

using namespace kiosk;

namespace {

using bench::Figures;
using bench::summarise;
using bench::time_ms;

[[noreturn]] void fail(const std::string& message) {
  std::fprintf(stderr, "bench_live_queue: %s\n", message.c_str());
  std::exit(1);
}

template <class T>
T must(Result<T> result, const char* what) {
  if (!result) fail(std::string(what) + ": " + result.error().message);
  return std::move(result).value();
}

const char* const kCodes[] = {"A", "B", "C", "D", "E", "F", "G", "H"};

// A store whose day has `waiting` tickets in the queue, 4 counters open and busy, reminders on.
std::unique_ptr<StoreDb> queue_of(const std::string& dir, int waiting, const Clock& clock) {
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  StoreSettings settings;
  settings.store_id = "BENCH";
  settings.counters = 4;
  const std::vector<Service> catalog =
      must(read_catalog_file(std::string(KIOSK_ASSETS_DIR) + "/catalog-default.jsonl"), "catalogue");
  std::unique_ptr<StoreDb> store = must(StoreDb::create(dir, settings, catalog, clock.now_ms()), "store");
  QueueEngine engine(*store, clock);
  for (int c = 1; c <= 4; ++c) {  // each its two services, and A (the busiest) at all
    std::vector<std::string> services{kCodes[2 * c - 2], kCodes[2 * c - 1]};
    if (c > 1) services.push_back("A");
    must(engine.open_counter(c, services), "open");
  }
  const EpochMs now = clock.now_ms();
  const std::string day = store->zone().business_day(now);
  Database& db = store->db();
  Transaction tx(db);
  Statement& insert = db.prepare(
      "INSERT INTO ticket(id, business_day, service_code, prefix, number, priority, state, issued_at, queued_since, "
      "phone, token, language) VALUES (?1, ?2, ?3, ?3, ?4, ?5, 'waiting', ?6, ?6, ?7, ?8, 'zh')");
  for (int i = 0; i < waiting + 4; ++i) {
    const EpochMs at = now - EpochMs(waiting + 4 - i) * 20'000;
    insert.bind(1, new_uuid()).bind(2, day).bind(3, kCodes[i % 8]).bind(4, 1 + i / 8).bind(5, i % 10 == 0 ? 1 : 0);
    insert.bind(6, at).bind(7, i % 3 == 0 ? std::optional<std::string>("13800138000") : std::nullopt);
    insert.bind(8, random_token(20));
    insert.run();
  }
  tx.commit();
  for (int c = 1; c <= 4; ++c) must(engine.call_next(c), "call");  // each counter holds one
  const nlohmann::json change =
      nlohmann::json::array({{{"seq", 1},
                              {"kind", "public_page"},
                              {"key", "settings"},
                              {"data", {{"public_url", "https://q.example.com"}, {"reminders", true}}}}});
  must(SyncStore(*store, clock).apply_changes(change, 1), "public_page");
  return store;
}

void print(const char* what, const Figures& f) {
  std::printf("  %-28s median %7.3f ms  p95 %7.3f ms  p99 %7.3f ms\n", what, f.median_ms, f.p95_ms, f.p99_ms);
}

}  // namespace

int main(int argc, char** argv) {
  int reps = 200;
  std::string dir = std::filesystem::temp_directory_path() / ("bench-live-queue-" + new_uuid());
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--reps")
      reps = std::max(1, std::atoi(argv[i + 1]));
    else if (flag == "--dir")
      dir = argv[i + 1];
    else
      fail("usage: bench_live_queue [--reps 200] [--dir DIR]");
  }
  SystemClock clock;
  for (const int waiting : {20, 200, 2000}) {
    std::unique_ptr<StoreDb> store = queue_of(dir + "/store-" + std::to_string(waiting), waiting, clock);
    std::vector<double> read_ms, replay_ms, newcomer_ms;
    LiveQueue queue;
    for (int r = 0; r < reps; ++r)
      read_ms.push_back(time_ms([&] { queue = must(read_live_queue(*store, clock), "read"); }));
    const EpochMs now = clock.now_ms();
    const QueueSnapshot snapshot = read_queue_snapshot(store->db(), store->zone().business_day(now), now,
                                                       load_active_services(store->db()), store->priority_interleave());
    std::size_t with_minutes = 0;
    for (int r = 0; r < reps; ++r) {
      replay_ms.push_back(time_ms([&] { with_minutes = estimate_waits_min(snapshot).size(); }));
      newcomer_ms.push_back(time_ms([&] { (void)estimate_wait_min(snapshot, {"A", false}); }));
    }
    nlohmann::ordered_json body = live_queue_json(queue);
    body["at"] = now;
    const std::string json = body.dump();
    std::size_t phones = 0;
    for (const LiveTicket& t : queue.tickets) phones += t.phone.empty() ? 0 : 1;
    std::printf("%d waiting (%zu listed, %zu replayed for minutes, %zu phones), %d reps:\n", waiting,
                queue.tickets.size(), with_minutes, phones, reps);
    print("read_live_queue", summarise(read_ms));
    print("estimate_waits_min (all)", summarise(replay_ms));
    print("estimate_wait_min (newcomer)", summarise(newcomer_ms));
    std::printf("  body: %zu bytes JSON, %zu bytes gzip\n", json.size(), gzip_compress(json).size());
  }
  std::filesystem::remove_all(dir);
  return 0;
}
