// Benchmark of staff creating requests through the store node (prints
// figures; never a pass/fail on time): POST /api/v1/requests round trip on
// 127.0.0.1 (JSON form read, validate_request, a collision-checked code, the
// request, its event and outbox rows committed with synchronous=FULL, the
// answer) alternating with its peer, RequestBook::create called directly on
// the same store file. Medians, p99s and the ratio.
//   bench_node_requests [--reps 300] [--dir DIR]
#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_request_store.h"
#include "codec/request_form_json.h"
#include "latency_figures.h"
#include "node/store_node_server.h"
#include "queue/queue_engine.h"
#include "requests/request_book.h"
#include "staff/device_book.h"
#include "staff/staff_book.h"

using namespace kiosk;
using bench::Figures;
using bench::sample_request_form;
using bench::summarise;
using bench::time_ms;

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "bench_node_requests: %s\n", what.c_str());
  std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
  int reps = 300;
  std::string base = std::filesystem::temp_directory_path().string();
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--reps"))
      reps = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--dir"))
      base = argv[i + 1];
    else
      fail("usage: bench_node_requests [--reps N] [--dir DIR]");
  }
  const std::string dir = base + "/bench-node-requests";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(base);
  SystemClock clock;
  StaffPolicy policy;
  policy.pin_cost = PinHashCost::fastest_for_tests();
  std::unique_ptr<StoreDb> store = bench::create_request_store(dir, clock);
  if (!StaffBook(*store, clock, policy).add("bench", "2580", StaffRole::Counter)) fail("cannot add staff");
  if (!QueueEngine(*store, clock).open_counter(1, {"A"})) fail("cannot open counter 1");

  node::StoreNodeConfig config;
  config.data_dir = dir;
  config.listen = {"127.0.0.1", 0};
  config.staff = policy;
  node::StoreNodeServer server(config, clock);
  Result<int> port = server.start();
  if (!port) fail(port.error().message);
  DeviceBook devices(*store, clock);
  Result<Enrolment> device = devices.enrol(devices.issue_code("").value().code, DeviceKind::Counter, "bench");
  if (!device) fail(device.error().message);
  httplib::Client client("https://127.0.0.1:" + std::to_string(port.value()));
  client.enable_server_certificate_verification(false);  // the node's own key; pinning is the devices' (bench_node)
  client.set_keep_alive(true);
  client.set_tcp_nodelay(true);  // as libcurl (the counter's client) does: no Nagle delay between headers and body
  const httplib::Headers as_device{{"X-Device-Token", device.value().token}};
  httplib::Result login =
      client.Post("/api/v1/login", as_device, R"({"name": "bench", "pin": "2580", "counter": 1})", "application/json");
  if (!login || login->status != 200) fail("cannot log in");
  const httplib::Headers auth{
      {"Authorization", "Bearer " + nlohmann::json::parse(login->body)["token"].get<std::string>()},
      {"X-Device-Token", device.value().token}};
  const std::string body = request_form_json(sample_request_form(store->zone(), clock.now_ms())).dump();
  RequestBook book(*store, clock);

  std::vector<double> api, direct;
  for (int i = 0; i < reps; ++i) {
    api.push_back(time_ms([&] {
      httplib::Result res = client.Post("/api/v1/requests", auth, body, "application/json");
      if (!res || res->status != 200)
        fail("POST /api/v1/requests failed: " + (res ? res->body : std::string("no answer")));
    }));
    direct.push_back(time_ms([&] {
      if (!book.create(sample_request_form(store->zone(), clock.now_ms()), "bench")) fail("RequestBook::create failed");
    }));
  }
  server.stop();
  std::filesystem::remove_all(dir);
  const Figures a = summarise(api), d = summarise(direct);
  std::printf("bench_node_requests: %d requests each way, alternating\n", reps);
  std::printf("%-44s %10s %10s\n", "", "p50 ms", "p99 ms");
  std::printf("%-44s %10.3f %10.3f\n", "POST /api/v1/requests round trip", a.median_ms, a.p99_ms);
  std::printf("%-44s %10.3f %10.3f\n", "RequestBook::create direct (peer)", d.median_ms, d.p99_ms);
  std::printf("ratio API p50 / direct p50: %.2f\n", a.median_ms / d.median_ms);
  return 0;
}
