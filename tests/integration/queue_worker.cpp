// A worker process for the integration tests: issues or calls tickets on a
// store in a loop and prints one line per committed operation ("<id> <label>"),
// flushed at once, so the parent knows exactly what was committed before it
// kills or joins the worker.
//   queue_worker issue DIR SERVICE COUNT     (COUNT 0: until killed)
//   queue_worker call DIR COUNTER COUNT      (call next, then finish, COUNT times)
#include <cstdio>
#include <cstdlib>
#include <string>

#include "queue/queue_engine.h"
#include "store/store_db.h"

using namespace kiosk;

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: queue_worker issue|call DIR SERVICE|COUNTER COUNT\n");
    return 2;
  }
  const std::string mode = argv[1], dir = argv[2], target = argv[3];
  const long count = std::strtol(argv[4], nullptr, 10);
  Result<std::unique_ptr<StoreDb>> store = StoreDb::open(dir);
  if (!store) {
    std::fprintf(stderr, "queue_worker: %s\n", store.error().message.c_str());
    return 1;
  }
  SystemClock clock;
  QueueEngine engine(*store.value(), clock);
  for (long i = 0; count == 0 || i < count; ++i) {
    Result<Ticket> done = invalid_argument("unknown mode " + mode);
    if (mode == "issue") {
      Result<IssuedTicket> issued = engine.issue({target, false, {}});
      done = issued ? Result<Ticket>(issued.value().ticket) : Result<Ticket>(issued.error());
    } else if (mode == "call") {
      const int counter = std::atoi(target.c_str());
      done = engine.call_next(counter);
      if (done) {
        Result<Ticket> finished = engine.finish(counter, Outcome::Resolved);
        if (!finished) done = finished.error();
      }
    }
    if (!done) {
      std::fprintf(stderr, "queue_worker: %s\n", done.error().message.c_str());
      return 3;
    }
    std::printf("%s %s\n", done.value().id.c_str(), done.value().label.c_str());
    std::fflush(stdout);
  }
  return 0;
}
