// Two processes calling next on one store at the same time, 500 times each:
// every ticket is called exactly once, none is lost.
#include <doctest/doctest.h>

#include <set>

#include "support/child_process.h"
#include "support/test_store.h"

using namespace kiosk;
using kiosk::test::ChildProcess;
using kiosk::test::TestStore;

TEST_CASE("two processes call next 500 times each: no ticket twice, none lost") {
  constexpr int kPerProcess = 500;
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A", "B"}).ok());
  REQUIRE(s.engine->open_counter(2, {"A", "B"}).ok());
  std::set<std::string> issued;
  for (int i = 0; i < 2 * kPerProcess; ++i)
    issued.insert(s.engine->issue({i % 3 ? "A" : "B", i % 7 == 0, {}}).value().ticket.id);
  s.engine.reset();
  s.store.reset();

  ChildProcess first({QUEUE_WORKER_PATH, "call", s.dir.path(), "1", std::to_string(kPerProcess)});
  ChildProcess second({QUEUE_WORKER_PATH, "call", s.dir.path(), "2", std::to_string(kPerProcess)});
  std::multiset<std::string> called;
  for (ChildProcess* worker : {&first, &second}) {
    while (std::optional<std::string> line = worker->read_line(std::chrono::seconds(60)))
      called.insert(line->substr(0, line->find(' ')));
  }
  CHECK(first.wait() == 0);
  CHECK(second.wait() == 0);
  CHECK(called.size() == issued.size());
  CHECK(std::set<std::string>(called.begin(), called.end()).size() == called.size());  // none twice
  CHECK(std::set<std::string>(called.begin(), called.end()) == issued);                // none lost
}
