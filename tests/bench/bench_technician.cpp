// Benchmark of a technician's status change through the store node (prints
// figures; never a pass/fail on time): POST /api/v1/jobs/CODE/transition
// round trip on 127.0.0.1 (session check, the assignee and version checked,
// the state, its event and outbox rows committed with synchronous=FULL, the
// job's details read back for the answer) alternating with its peer,
// RequestBook::transition called directly on the same store file. Each
// request is moved assigned -> on-the-way -> on-site: one step by each way.
//   bench_technician [--reps 300] [--dir DIR]
#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_request_store.h"
#include "latency_figures.h"
#include "node/store_node_server.h"
#include "requests/request_book.h"
#include "staff/staff_book.h"

using namespace kiosk;
using bench::Figures;
using bench::sample_request_form;
using bench::summarise;
using bench::time_ms;

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "bench_technician: %s\n", what.c_str());
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
      fail("usage: bench_technician [--reps N] [--dir DIR]");
  }
  const std::string dir = base + "/bench-technician";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(base);
  SystemClock clock;
  StaffPolicy policy;
  policy.pin_cost = PinHashCost::fastest_for_tests();
  std::unique_ptr<StoreDb> store = bench::create_request_store(dir, clock);
  if (!StaffBook(*store, clock, policy).add("Zhang", "3690", StaffRole::Technician)) fail("cannot add the technician");
  RequestBook book(*store, clock);
  std::vector<Request> jobs;
  for (int i = 0; i < reps; ++i) {
    Result<Request> r = book.create(sample_request_form(store->zone(), clock.now_ms()), "customer");
    if (!r) fail(r.error().message);
    TransitionRequest assign;
    assign.code = r.value().code;
    assign.to = RequestState::Assigned;
    assign.actor = "dispatcher";
    assign.assignee = "Zhang";
    Result<Request> assigned = book.transition(assign);
    if (!assigned) fail(assigned.error().message);
    jobs.push_back(assigned.value());
  }

  node::StoreNodeConfig config;
  config.data_dir = dir;
  config.listen = {"127.0.0.1", 0};
  config.staff = policy;
  node::StoreNodeServer server(config, clock);
  Result<int> port = server.start();
  if (!port) fail(port.error().message);
  httplib::Client client("127.0.0.1", port.value());
  client.set_keep_alive(true);
  client.set_tcp_nodelay(true);  // as libcurl, the devices' client, does by default
  httplib::Result login = client.Post("/api/v1/login", R"({"name": "Zhang", "pin": "3690"})", "application/json");
  if (!login || login->status != 200) fail("cannot log in");
  const httplib::Headers auth{
      {"Authorization", "Bearer " + nlohmann::json::parse(login->body)["token"].get<std::string>()}};

  std::vector<double> api, direct;
  for (const Request& job : jobs) {
    const std::string body = nlohmann::json{{"to", "on-the-way"}, {"note", "出发"}, {"version", job.version}}.dump();
    api.push_back(time_ms([&] {
      httplib::Result res = client.Post("/api/v1/jobs/" + job.code + "/transition", auth, body, "application/json");
      if (!res || res->status != 200) fail("POST transition failed: " + (res ? res->body : std::string("no answer")));
    }));
    TransitionRequest on_site;
    on_site.code = job.code;
    on_site.to = RequestState::OnSite;
    on_site.actor = "Zhang";
    on_site.note = "到达";
    on_site.expected_version = job.version + 1;
    direct.push_back(time_ms([&] {
      if (!book.transition(on_site, job.assignee)) fail("RequestBook::transition failed");
    }));
  }
  server.stop();
  std::filesystem::remove_all(dir);
  const Figures a = summarise(api), d = summarise(direct);
  std::printf("bench_technician: %d status changes each way, alternating\n", reps);
  std::printf("%-48s %10s %10s\n", "", "p50 ms", "p99 ms");
  std::printf("%-48s %10.3f %10.3f\n", "POST /api/v1/jobs/CODE/transition round trip", a.median_ms, a.p99_ms);
  std::printf("%-48s %10.3f %10.3f\n", "RequestBook::transition direct (peer)", d.median_ms, d.p99_ms);
  std::printf("ratio API p50 / direct p50: %.2f\n", a.median_ms / d.median_ms);
  return 0;
}
