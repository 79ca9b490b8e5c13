// Crash safety of the tablet: a worker completing jobs (step, signature and
// its outbox row in one transaction) is killed with SIGKILL at random
// moments, round after round. Every completion it reported is in the file
// whole; no job is done without its step, no step without its signature and
// outbox row, nothing half-written is left, and the outbox has no gap.
#include <doctest/doctest.h>

#include <random>
#include <set>

#include "field_fixture.h"
#include "support/child_process.h"

using namespace kiosk;
using namespace kiosk::test;

TEST_CASE("SIGKILL at random moments: a completion's step, signature and outbox row commit together or not at all") {
  FieldFixture f;
  constexpr int kJobs = 5000;
  Json page = changes(1, {staff_entry()});
  for (int n = 1; n <= kJobs; ++n)
    page.push_back(Json{{"seq", n + 1}, {"kind", "job"}, {"key", request_id(n)}, {"data", job_entry(n, "on-site", 6)}});
  f.feed(page);
  f.book.reset();
  f.field.reset();

  std::mt19937 random(20261207);
  std::set<std::string> reported;
  constexpr int kRounds = 30;
  int killed_mid_run = 0;
  for (int round = 0; round < kRounds; ++round) {
    ChildProcess worker({FIELD_WORKER_PATH, f.dir.path()});
    REQUIRE_MESSAGE(worker.read_line(std::chrono::seconds(30)) == "start",
                    "the worker did not start in round " << round);
    const KilledRun run = read_until_killed(worker, std::chrono::milliseconds(random() % 50));
    killed_mid_run += run.killed_mid_run;
    reported.insert(run.lines.begin(), run.lines.end());
  }
  CHECK(killed_mid_run == kRounds);
  MESSAGE("completions reported committed: " << reported.size());
  REQUIRE(reported.size() < std::size_t(kJobs));  // the worker never ran out of jobs: every kill hit work

  f.reopen();
  for (const std::string& id : reported) {
    CAPTURE(id);
    CHECK(f.book->job(id).value().state == RequestState::Done);
  }
  const std::int64_t done = f.count("SELECT count(*) FROM job WHERE state = 'done'");
  CHECK(done >= std::int64_t(reported.size()));
  CHECK(f.count("SELECT count(*) FROM job_step") == done);
  CHECK(f.count("SELECT count(*) FROM job j WHERE state = 'done' AND version = 7 AND EXISTS "
                "(SELECT 1 FROM job_step s JOIN signature g ON g.id = json_extract(s.data, '$.signature') "
                " JOIN outbox o ON o.record_id = g.id WHERE s.request_id = j.request_id AND s.action = 'done')") ==
        done);
  CHECK(f.count("SELECT count(*) FROM signature") == done);
  CHECK(f.count("SELECT count(*) FROM outbox") == done);
  CHECK(f.count("SELECT max(seq) FROM outbox") == done);  // gapless: 1..N
  CHECK(f.book->waiting_count().value().total() == 2 * done);
}
