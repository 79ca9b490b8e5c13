// Crash safety: a worker issuing tickets is killed with SIGKILL at random
// moments, round after round. Every ticket it reported as issued must be in
// the database with the same number, no number may repeat, and because a
// killed transaction takes its number with it, the numbers have no gaps.
#include <doctest/doctest.h>

#include <map>
#include <random>
#include <set>

#include "support/child_process.h"
#include "support/test_store.h"

using namespace kiosk;
using kiosk::test::ChildProcess;
using kiosk::test::KilledRun;
using kiosk::test::TestStore;

TEST_CASE("SIGKILL at random moments loses no reported ticket and repeats no number") {
  TestStore s;
  s.engine.reset();
  s.store.reset();
  std::mt19937 random(20261122);
  std::map<std::string, std::string> reported;  // id -> label
  constexpr int kRounds = 40;
  int killed_mid_run = 0;
  for (int round = 0; round < kRounds; ++round) {
    ChildProcess worker({QUEUE_WORKER_PATH, "issue", s.dir.path(), "A", "0"});
    // Wait for the first ticket so the kill lands while tickets are being issued.
    const std::optional<std::string> first = worker.read_line(std::chrono::seconds(30));
    REQUIRE_MESSAGE(first, "the worker issued nothing in round " << round);
    KilledRun run = kiosk::test::read_until_killed(worker, std::chrono::milliseconds(random() % 120));
    killed_mid_run += run.killed_mid_run;
    run.lines.insert(run.lines.begin(), *first);
    // Every line the worker wrote, before it died, is a ticket committed.
    for (const std::string& line : run.lines) {
      const std::size_t space = line.find(' ');
      REQUIRE(space != std::string::npos);
      reported[line.substr(0, space)] = line.substr(space + 1);
    }
  }
  CHECK(killed_mid_run == kRounds);
  MESSAGE("tickets reported committed: " << reported.size());

  Result<std::unique_ptr<StoreDb>> store = StoreDb::open(s.dir.path());
  REQUIRE_MESSAGE(store.ok(), (store.ok() ? "" : store.error().message));
  Database& db = store.value()->db();
  std::map<std::string, std::string> stored;  // id -> label
  std::set<int> numbers;
  int rows = 0;
  Statement& q = db.prepare("SELECT id, number FROM ticket WHERE service_code = 'A'");
  while (q.step()) {
    ++rows;
    stored[q.text(0)] = "A" +
                        std::string(q.int32(1) < 10    ? "00"
                                    : q.int32(1) < 100 ? "0"
                                                       : "") +
                        std::to_string(q.int32(1));
    numbers.insert(q.int32(1));
  }
  q.reset();
  CHECK(numbers.size() == static_cast<std::size_t>(rows));  // no number twice
  CHECK(*numbers.begin() == 1);
  CHECK(*numbers.rbegin() == rows);  // no gaps: 1..N
  for (const auto& [id, label] : reported) {
    const auto found = stored.find(id);
    REQUIRE_MESSAGE(found != stored.end(), "reported ticket " << label << " is not in the database");
    CHECK(found->second == label);
  }
  CHECK(rows >= static_cast<int>(reported.size()));
}
