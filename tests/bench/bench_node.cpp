// Benchmark of the store node's LAN API (prints figures; never a pass/fail on
// time): call-next latency through real HTTPS on 127.0.0.1 with 2 and with 20
// enrolled counters calling at once through libcurl pinned to the node's key,
// as the consoles do (each call followed by an untimed finish), next to
// QueueEngine::call_next called directly on the same kind of store file, so
// the ratio shows what TLS, HTTP, auth and the per-thread connections add;
// the same with a new connection for every call (what reuse saves), each
// device's first request (its handshake), and how many connections were opened.
//   bench_node [--reps 200] [--dir DIR]     (reps: calls per counter)
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "http/http_client.h"
#include "latency_figures.h"
#include "node/store_node_server.h"
#include "queue/queue_engine.h"
#include "staff/device_book.h"
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

struct ApiFigures {
  Figures calls;             // call next, on each device's open connection
  Figures handshakes;        // each device's first request: TCP + TLS handshake + login
  long new_connections = 0;  // over every request of every device
  long requests = 0;
};

// `counters` devices, each enrolled and logged in, calling at once through
// libcurl pinned to the node's key, as the counter consoles do. With
// `fresh_connection_each`, every call opens a new connection (what TLS would
// cost without reuse).
ApiFigures api_calls(const std::string& dir, int counters, int reps, bool fresh_connection_each = false) {
  SystemClock clock;
  StaffPolicy policy;
  policy.pin_cost = PinHashCost::fastest_for_tests();  // logins are not what is measured
  std::vector<std::string> device_tokens;
  {
    std::unique_ptr<StoreDb> store = make_store(dir, counters, counters * reps, clock);
    if (!StaffBook(*store, clock, policy).add("bench", "2580", StaffRole::Counter)) fail("cannot add staff");
    DeviceBook devices(*store, clock);
    for (int c = 1; c <= counters; ++c) {
      Result<Enrolment> enrolled =
          devices.enrol(devices.issue_code("").value().code, DeviceKind::Counter, "bench " + std::to_string(c));
      if (!enrolled) fail(enrolled.error().message);
      device_tokens.push_back(enrolled.value().token);
    }
  }
  node::StoreNodeConfig config;
  config.data_dir = dir;
  config.listen = {"127.0.0.1", 0};
  config.staff = policy;
  node::StoreNodeServer server(config, clock);
  Result<int> port = server.start();
  if (!port) fail(port.error().message);

  std::vector<std::vector<double>> per_counter(static_cast<std::size_t>(counters));
  std::vector<double> handshakes(static_cast<std::size_t>(counters));
  std::atomic<long> new_connections{0}, requests{0};
  std::vector<std::thread> callers;
  for (int c = 1; c <= counters; ++c) {
    callers.emplace_back([&, c] {
      http::HttpClientOptions options;
      options.base_url = "https://127.0.0.1:" + std::to_string(port.value()) + "/api/v1";
      options.pinned_public_key = server.pin();
      options.total_timeout =
          std::chrono::milliseconds(60000);  // a busy disk (fsync) must slow the figures, not end the run
      auto client = std::make_unique<http::HttpClient>(options);
      http::RequestOptions request;
      request.headers = {{"X-Device-Token", device_tokens[std::size_t(c - 1)]}};
      auto send = [&](const std::string& path, const std::string& body) {
        Result<http::HttpResponse> answer = client->post_json(path, body, request);
        if (!answer) fail(path + ": " + answer.error().message);
        if (answer.value().status != 200) fail(path + ": " + answer.value().body);
        ++requests;
        if (answer.value().new_connection) ++new_connections;
        return answer.value();
      };
      const Steady::time_point first = Steady::now();
      const http::HttpResponse session =
          send("/login", nlohmann::json{{"name", "bench"}, {"pin", "2580"}, {"counter", c}}.dump());
      handshakes[std::size_t(c - 1)] = ms_since(first);
      request.bearer_token = nlohmann::json::parse(session.body)["token"].get<std::string>();
      const std::string base = "/counters/" + std::to_string(c);
      for (int i = 0; i < reps; ++i) {
        if (fresh_connection_each) client = std::make_unique<http::HttpClient>(options);
        const Steady::time_point start = Steady::now();
        send(base + "/call", "{}");
        per_counter[std::size_t(c - 1)].push_back(ms_since(start));
        send(base + "/finish", R"({"outcome": "resolved"})");
      }
    });
  }
  for (std::thread& t : callers) t.join();
  server.stop();
  std::vector<double> all;
  for (const std::vector<double>& ms : per_counter) all.insert(all.end(), ms.begin(), ms.end());
  return ApiFigures{summarise(all), summarise(handshakes), new_connections.load(), requests.load()};
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
  const ApiFigures two = api_calls(dir, 2, reps);
  const ApiFigures twenty = api_calls(dir, 20, reps);
  const ApiFigures two_fresh = api_calls(dir, 2, std::max(2, reps / 4), /*fresh_connection_each=*/true);
  std::filesystem::remove_all(dir);

  std::printf("%-52s %10s %10s\n", "call next", "p50 ms", "p99 ms");
  std::printf("%-52s %10.3f %10.3f\n", "QueueEngine direct, 1 counter", direct.median_ms, direct.p99_ms);
  std::printf("%-52s %10.3f %10.3f\n", "API over TLS, 2 counters at once", two.calls.median_ms, two.calls.p99_ms);
  std::printf("%-52s %10.3f %10.3f\n", "API over TLS, 20 counters at once", twenty.calls.median_ms,
              twenty.calls.p99_ms);
  std::printf("%-52s %10.3f %10.3f\n", "API over TLS, 2 counters, a new connection each call",
              two_fresh.calls.median_ms, two_fresh.calls.p99_ms);
  std::printf("%-52s %10.3f %10.3f\n", "first request of a device (handshake + login), 20", twenty.handshakes.median_ms,
              twenty.handshakes.p99_ms);
  std::printf("ratio API p50 / direct p50: %.2f (2 counters), %.2f (20 counters)\n",
              two.calls.median_ms / direct.median_ms, twenty.calls.median_ms / direct.median_ms);
  std::printf("connections opened: %ld for %ld requests of 2 devices, %ld for %ld requests of 20 devices\n",
              two.new_connections, two.requests, twenty.new_connections, twenty.requests);
  return 0;
}
