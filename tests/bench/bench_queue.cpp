// Benchmark of the queue engine on a real store file (prints figures; never a
// pass/fail on time). Measures, in the data dir's own file system:
//   - the disk's floor: a 4 KiB write + fdatasync;
//   - issue-to-durable: QueueEngine::issue, committed with synchronous=FULL;
//   - call-next: QueueEngine::call_next (each call's finish is not timed);
// with no history and with --history earlier tickets, and prints medians,
// p99s and the ratios that matter: issue vs the floor, and history vs none.
//   bench_queue [--reps 300] [--history 100000] [--dir DIR]
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "core/random_id.h"
#include "latency_figures.h"
#include "queue/queue_engine.h"
#include "store/catalog.h"
#include "store/store_db.h"

using namespace kiosk;

namespace {

using bench::Figures;
using bench::summarise;
using bench::time_ms;

Figures disk_floor(const std::string& dir, int reps) {
  const std::string path = dir + "/fdatasync-probe";
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) {
    std::perror("open probe");
    std::exit(1);
  }
  std::vector<char> page(4096, 'k');
  std::vector<double> ms;
  for (int i = 0; i < reps; ++i) {
    ms.push_back(time_ms([&] {
      if (::pwrite(fd, page.data(), page.size(), off_t(i % 16) * 4096) != 4096 || ::fdatasync(fd) != 0)
        std::perror("probe");
    }));
  }
  ::close(fd);
  std::filesystem::remove(path);
  return summarise(ms);
}

// Fills the store with `count` finished tickets spread over earlier days, in one
// transaction (history is set-up, not what is measured).
void add_history(StoreDb& store, int count, EpochMs now) {
  constexpr int kPerDay = 400;
  Database& db = store.db();
  Transaction tx(db);
  Statement& insert = db.prepare(
      "INSERT INTO ticket(id, business_day, service_code, prefix, number, priority, state, counter, outcome, "
      "issued_at, queued_since, called_at, started_at, finished_at) "
      "VALUES (?1, ?2, ?3, ?3, ?4, ?5, 'done', 1, 'resolved', ?6, ?6, ?7, ?7, ?8)");
  const char* codes[] = {"A", "B", "C", "D", "E", "F", "G", "H"};
  for (int i = 0; i < count; ++i) {
    const int days_ago = 1 + i / kPerDay;
    const EpochMs issued = now - EpochMs(days_ago) * 86'400'000 + (i % kPerDay) * 60'000;
    const std::string day = store.zone().business_day(issued);
    insert.bind(1, new_uuid())
        .bind(2, day)
        .bind(3, codes[i % 8])
        .bind(4, 1 + (i % kPerDay) / 8)
        .bind(5, i % 5 == 0 ? 1 : 0);
    insert.bind(6, issued).bind(7, issued + 300'000).bind(8, issued + 700'000);
    insert.run();
  }
  tx.commit();
}

struct EngineFigures {
  Figures issue, call;
  double db_mb;
};

EngineFigures measure_engine(const std::string& dir, int history, int reps) {
  std::filesystem::remove_all(dir);
  SystemClock clock;
  StoreSettings settings;
  settings.store_id = "BENCH";
  std::unique_ptr<StoreDb> store =
      StoreDb::create(dir, settings, read_catalog_file(KIOSK_ASSETS_DIR "/catalog-default.jsonl").value(),
                      clock.now_ms())
          .value();
  if (history > 0) add_history(*store, history, clock.now_ms());
  QueueEngine engine(*store, clock);
  for (int counter = 1; counter <= 3; ++counter)
    engine.open_counter(counter, {"A", "B", "C", "D", "E", "F", "G", "H"}).value();

  const char* codes[] = {"A", "B", "C", "D", "E", "F", "G", "H"};
  std::vector<double> issue_ms, call_ms;
  for (int i = 0; i < reps; ++i)
    issue_ms.push_back(time_ms([&] { engine.issue({codes[i % 8], i % 4 == 0, {}}).value(); }));
  for (int i = 0; i < reps; ++i) {
    const int counter = 1 + i % 3;
    call_ms.push_back(time_ms([&] { engine.call_next(counter).value(); }));
    engine.finish(counter, Outcome::Resolved).value();
  }
  const double db_mb = double(std::filesystem::file_size(StoreDb::file_in(dir)) +
                              std::filesystem::file_size(StoreDb::file_in(dir) + "-wal")) /
                       1e6;
  return {summarise(issue_ms), summarise(call_ms), db_mb};
}

}  // namespace

int main(int argc, char** argv) {
  int reps = 300, history = 100'000;
  std::string base = std::filesystem::current_path().string();
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--reps"))
      reps = std::max(2, std::atoi(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--history"))
      history = std::max(0, std::atoi(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--dir"))
      base = argv[i + 1];
    else {
      std::fprintf(stderr, "usage: bench_queue [--reps N] [--history N] [--dir DIR]\n");
      return 2;
    }
  }
  const std::string dir = base + "/bench-queue-store";
  std::filesystem::create_directories(base);

  std::printf("bench_queue: %d operations each, data dir %s\n", reps, dir.c_str());
  const Figures floor = disk_floor(base, reps);
  const EngineFigures empty = measure_engine(dir, 0, reps);
  const EngineFigures full = measure_engine(dir, history, reps);
  std::filesystem::remove_all(dir);

  std::printf("%-34s %10s %10s\n", "figure", "median ms", "p99 ms");
  std::printf("%-34s %10.3f %10.3f\n", "disk floor: 4 KiB write+fdatasync", floor.median_ms, floor.p99_ms);
  std::printf("%-34s %10.3f %10.3f\n", "issue to durable, 0 history", empty.issue.median_ms, empty.issue.p99_ms);
  std::printf("%-34s %10.3f %10.3f\n", ("issue to durable, " + std::to_string(history) + " history").c_str(),
              full.issue.median_ms, full.issue.p99_ms);
  std::printf("%-34s %10.3f %10.3f\n", "call next, 0 history", empty.call.median_ms, empty.call.p99_ms);
  std::printf("%-34s %10.3f %10.3f\n", ("call next, " + std::to_string(history) + " history").c_str(),
              full.call.median_ms, full.call.p99_ms);
  std::printf("database size with history: %.1f MB\n", full.db_mb);
  std::printf("ratio issue median / disk floor median: %.2f (0 history), %.2f (%d history); aim <= 3\n",
              empty.issue.median_ms / floor.median_ms, full.issue.median_ms / floor.median_ms, history);
  std::printf("ratio with history / without, medians: issue %.2f, call next %.2f; aim ~1 (flat)\n",
              full.issue.median_ms / empty.issue.median_ms, full.call.median_ms / empty.call.median_ms);
  return 0;
}
