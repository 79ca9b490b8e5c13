// Benchmark of requests on a real store file (prints figures; never a
// pass/fail on time): request create-to-durable (RequestBook::create: form
// validation, a collision-checked code, the request, its first event and
// their outbox rows, committed with synchronous=FULL) and a state change
// (transition with its event), each alternating with its peer, a ticket issued
// to durable (QueueEngine::issue), in the same store; with no history and with
// --history earlier requests. Medians, p99s and the ratios to the peer.
//   bench_requests [--reps 300] [--history 100000] [--dir DIR]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_request_store.h"
#include "latency_figures.h"
#include "queue/queue_engine.h"
#include "requests/request_book.h"
#include "requests/request_validation.h"
#include "store/product_catalog.h"
#include "store/store_db.h"

using namespace kiosk;

namespace {

using bench::Figures;
using bench::sample_request_form;
using bench::summarise;
using bench::time_ms;

// `count` earlier requests, in batches of 10,000 per transaction (set-up, not measured).
void add_history(StoreDb& store, int count, EpochMs now) {
  Database& db = store.db();
  const Request draft =
      validate_request(sample_request_form(store.zone(), now), load_product_catalog(db), store.zone(), now).value();
  for (int done = 0; done < count;) {
    Transaction tx(db);
    for (int i = 0; i < 10'000 && done < count; ++i, ++done)
      insert_request(db, draft, "history", now, new_request_code);
    tx.commit();
  }
}

struct RequestFigures {
  Figures create, transition, ticket;
};

RequestFigures measure(const std::string& dir, int history, int reps) {
  std::filesystem::remove_all(dir);
  SystemClock clock;
  std::unique_ptr<StoreDb> store = bench::create_request_store(dir, clock);
  if (history > 0) add_history(*store, history, clock.now_ms());
  RequestBook book(*store, clock);
  QueueEngine engine(*store, clock);

  std::vector<double> create_ms, transition_ms, ticket_ms;
  std::vector<std::string> codes;
  for (int i = 0; i < reps; ++i) {  // alternating with the peer, so both see the same disk
    const RequestForm f = sample_request_form(store->zone(), clock.now_ms(), i);
    create_ms.push_back(time_ms([&] { codes.push_back(book.create(f, "customer").value().code); }));
    ticket_ms.push_back(time_ms([&] { engine.issue({"G", false, {}}).value(); }));
  }
  for (const std::string& code : codes) {
    const TransitionRequest cancel{code, RequestState::Cancelled, "bench", "customer moved", "", "", std::nullopt, 1};
    transition_ms.push_back(time_ms([&] { book.transition(cancel).value(); }));
  }
  return {summarise(create_ms), summarise(transition_ms), summarise(ticket_ms)};
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
      std::fprintf(stderr, "usage: bench_requests [--reps N] [--history N] [--dir DIR]\n");
      return 2;
    }
  }
  const std::string dir = base + "/bench-requests-store";
  std::filesystem::create_directories(base);

  std::printf("bench_requests: %d operations each, data dir %s\n", reps, dir.c_str());
  const RequestFigures empty = measure(dir, 0, reps);
  const RequestFigures full = measure(dir, history, reps);
  std::filesystem::remove_all(dir);

  const std::string with = ", " + std::to_string(history) + " history";
  std::printf("%-46s %10s %10s\n", "figure", "median ms", "p99 ms");
  const auto row = [](const std::string& name, const Figures& f) {
    std::printf("%-46s %10.3f %10.3f\n", name.c_str(), f.median_ms, f.p99_ms);
  };
  row("request create to durable, 0 history", empty.create);
  row("request create to durable" + with, full.create);
  row("request transition to durable, 0 history", empty.transition);
  row("request transition to durable" + with, full.transition);
  row("peer: ticket issue to durable, 0 history", empty.ticket);
  row("peer: ticket issue to durable" + with, full.ticket);
  std::printf("ratio request create / ticket issue, medians: %.2f (0 history), %.2f (%d history)\n",
              empty.create.median_ms / empty.ticket.median_ms, full.create.median_ms / full.ticket.median_ms, history);
  std::printf("ratio with history / without, medians: create %.2f, transition %.2f; aim ~1 (flat)\n",
              full.create.median_ms / empty.create.median_ms, full.transition.median_ms / empty.transition.median_ms);
  return 0;
}
