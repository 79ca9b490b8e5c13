// Benchmark of the store node's LAN API (prints figures; never a pass/fail on
// time): call-next latency through real HTTP on 127.0.0.1 with 2 and with 20
// counters calling at once (each call followed by an untimed finish), next to
// QueueEngine::call_next called directly on the same kind of store file, so
// the ratio shows what HTTP, auth and the per-thread connections add.
//   bench_node [--reps 200] [--dir DIR]     (reps: calls per counter)
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "latency_figures.h"
#include "node/store_node_server.h"
#include "queue/queue_engine.h"
#include "staff/staff_book.h"
#include "store/catalog.h"

using namespace kiosk;

namespace {

using Steady = std::chrono::steady_clock;

using bench::Figures;
using bench::summarise;

double ms_since(Steady::time_point start) {
  return std::chrono::duration<double, std::milli>(Steady::now() - start).count();
}

void fail(const std::string& what) {
  std::fprintf(stderr, "bench_node: %s\n", what.c_str());
  std::exit(1);
}

// A fresh store with `counters` open counters and enough waiting tickets.
std::unique_ptr<StoreDb> make_store(const std::string& dir, int counters, int tickets, const Clock& clock) {
  std::filesystem::remove_all(dir);
  StoreSettings settings;
  settings.store_id = "BENCH";
  settings.counters = counters;
  std::unique_ptr<StoreDb> store =
      StoreDb::create(dir, settings, read_catalog_file(KIOSK_ASSETS_DIR "/catalog-default.jsonl").value(),
                      clock.now_ms())
          .value();
  QueueEngine engine(*store, clock);
  for (int c = 1; c <= counters; ++c) engine.open_counter(c, {"A", "B"}).value();
  for (int i = 0; i < tickets; ++i) engine.issue({i % 2 ? "A" : "B", false, {}}).value();
  return store;
}

Figures direct_calls(const std::string& dir, int reps) {
  SystemClock clock;
  std::unique_ptr<StoreDb> store = make_store(dir, 1, reps, clock);
  QueueEngine engine(*store, clock);
  std::vector<double> ms;
  for (int i = 0; i < reps; ++i) {
    const Steady::time_point start = Steady::now();
    engine.call_next(1).value();
    ms.push_back(ms_since(start));
    engine.finish(1, Outcome::Resolved).value();
  }
  return summarise(ms);
}

Figures api_calls(const std::string& dir, int counters, int reps) {
  SystemClock clock;
  StaffPolicy policy;
  policy.pin_cost = PinHashCost::fastest_for_tests();  // logins are not what is measured
  {
    std::unique_ptr<StoreDb> store = make_store(dir, counters, counters * reps, clock);
    if (!StaffBook(*store, clock, policy).add("bench", "2580", StaffRole::Counter)) fail("cannot add staff");
  }
  node::StoreNodeConfig config;
  config.data_dir = dir;
  config.listen = {"127.0.0.1", 0};
  config.staff = policy;
  node::StoreNodeServer server(config, clock);
  Result<int> port = server.start();
  if (!port) fail(port.error().message);

  std::vector<std::vector<double>> per_counter(static_cast<std::size_t>(counters));
  std::vector<std::thread> callers;
  for (int c = 1; c <= counters; ++c) {
    callers.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", port.value());
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      client.set_read_timeout(60, 0);  // a busy disk (fsync) must slow the figures, not end the run
      const nlohmann::json login{{"name", "bench"}, {"pin", "2580"}, {"counter", c}};
      httplib::Result session = client.Post("/api/v1/login", login.dump(), "application/json");
      if (!session || session->status != 200)
        fail("login failed: " + (session ? session->body : httplib::to_string(session.error())));
      client.set_bearer_token_auth(nlohmann::json::parse(session->body)["token"].get<std::string>());
      const std::string base = "/api/v1/counters/" + std::to_string(c);
      for (int i = 0; i < reps; ++i) {
        const Steady::time_point start = Steady::now();
        httplib::Result call = client.Post(base + "/call");
        per_counter[std::size_t(c - 1)].push_back(ms_since(start));
        if (!call || call->status != 200)
          fail("call failed: " + (call ? call->body : httplib::to_string(call.error())));
        httplib::Result finish = client.Post(base + "/finish", R"({"outcome": "resolved"})", "application/json");
        if (!finish || finish->status != 200) fail("finish failed");
      }
    });
  }
  for (std::thread& t : callers) t.join();
  server.stop();
  std::vector<double> all;
  for (const std::vector<double>& ms : per_counter) all.insert(all.end(), ms.begin(), ms.end());
  return summarise(all);
}

}  // namespace

int main(int argc, char** argv) {
  int reps = 200;
  std::string base = std::filesystem::current_path().string();
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--reps"))
      reps = std::max(2, std::atoi(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--dir"))
      base = argv[i + 1];
    else {
      std::fprintf(stderr, "usage: bench_node [--reps N] [--dir DIR]\n");
      return 2;
    }
  }
  std::filesystem::create_directories(base);
  const std::string dir = base + "/bench-node-store";
  std::printf("bench_node: %d calls per counter, data dir %s\n", reps, dir.c_str());
  const Figures direct = direct_calls(dir, reps);
  const Figures two = api_calls(dir, 2, reps);
  const Figures twenty = api_calls(dir, 20, reps);
  std::filesystem::remove_all(dir);

  std::printf("%-40s %10s %10s\n", "call next", "p50 ms", "p99 ms");
  std::printf("%-40s %10.3f %10.3f\n", "QueueEngine direct, 1 counter", direct.median_ms, direct.p99_ms);
  std::printf("%-40s %10.3f %10.3f\n", "through the API, 2 counters at once", two.median_ms, two.p99_ms);
  std::printf("%-40s %10.3f %10.3f\n", "through the API, 20 counters at once", twenty.median_ms, twenty.p99_ms);
  std::printf("ratio API p50 / direct p50: %.2f (2 counters), %.2f (20 counters)\n", two.median_ms / direct.median_ms,
              twenty.median_ms / direct.median_ms);
  return 0;
}
