// Sync benchmark (prints figures, never fails on time):
//   1. a store's backlog (default 14,000 records, a busy week offline) uploaded
//      to a real hq process over loopback by one sync round (libcurl, gzip):
//      records/s, requests, bytes;
//   2. the cost of a sync when nothing changed (requests, bytes on the wire,
//      the health report's share);
//   3. hq's ingest rate with many stores (default 200) uploading at once,
//      spread over --servers hq processes on one database.
// --engine postgresql starts a throw-away PostgreSQL 15 with its durable
// defaults (fsync on: fair to SQLite's synchronous=FULL) and also prints the
// CPU its processes used.
// build-*/tests/hq/bench_sync [--records 14000] [--stores 200] [--per-store 100]
//                             [--clients 16] [--engine sqlite|postgresql] [--servers 1] [--dir DIR]
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "../bench/latency_figures.h"
#include "../bench/process_cpu.h"
#include "core/random_id.h"
#include "core/store_time_zone.h"
#include "hq/hq_admin.h"
#include "hq/hq_db.h"
#include "http/sync_transport.h"
#include "queue/queue_engine.h"
#include "store/catalog.h"
#include "support/child_process.h"
#include "support/pg_server.h"
#include "sync/gzip.h"
#include "sync/health_report.h"
#include "sync/sync_session.h"

#ifndef HQ_PATH
#error "HQ_PATH must name the hq executable"
#endif
#ifndef KIOSK_ASSETS_DIR
#error "KIOSK_ASSETS_DIR must name the assets directory"
#endif

using namespace kiosk;
using Clock_ = std::chrono::steady_clock;

namespace {

using bench::cpu_seconds;

struct Options {
  int records = 14000, stores = 200, per_store = 100, clients = 16, servers = 1;
  std::string engine = "sqlite";
  std::string dir = "/tmp/bench-sync";
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i], value = argv[i + 1];
    if (name == "--records")
      o.records = std::stoi(value);
    else if (name == "--stores")
      o.stores = std::stoi(value);
    else if (name == "--per-store")
      o.per_store = std::stoi(value);
    else if (name == "--clients")
      o.clients = std::stoi(value);
    else if (name == "--servers")
      o.servers = std::max(1, std::stoi(value));
    else if (name == "--engine" && (value == "sqlite" || value == "postgresql"))
      o.engine = value;
    else if (name == "--dir")
      o.dir = value;
    else
      throw std::runtime_error("unknown option " + name);
  }
  return o;
}

double seconds_since(Clock_::time_point start) { return std::chrono::duration<double>(Clock_::now() - start).count(); }

// CPU seconds of a PostgreSQL server: the postmaster and its children (the
// backends, one per hq connection, and the background processes).
double postgres_cpu_seconds(const test::PgServer* server) {
  if (!server) return 0;
  double total = 0;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    if (text.empty()) continue;
    std::istringstream fields(text.substr(text.rfind(')') + 2));
    std::string state, ppid;
    fields >> state >> ppid;
    const pid_t pid = std::stoi(name);
    if (pid == server->pid() || std::stoi(ppid) == server->pid()) total += cpu_seconds(pid);
  }
  return total;
}

// The hq processes' CPU seconds, summed.
double hq_cpu_seconds(const std::vector<std::unique_ptr<test::ChildProcess>>& servers) {
  double total = 0;
  for (const auto& server : servers) total += cpu_seconds(server->pid());
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  std::filesystem::remove_all(o.dir);
  std::filesystem::create_directories(o.dir);
  const std::string store_dir = o.dir + "/store";
  SystemClock clock;
  std::unique_ptr<test::PgServer> postgres;
  if (o.engine == "postgresql") {
    if (!test::PgServer::installed()) {
      std::printf("skipped: %s\n", test::PgServer::not_installed_message().c_str());
      return 77;
    }
    postgres = std::make_unique<test::PgServer>(test::PgServerOptions{/*durable=*/true});
  }
  const std::string hq_db = postgres ? postgres->create_database() : o.dir + "/hq.db";

  // HQ: one store for the backlog, o.stores more for the ingest test.
  std::string token;
  std::vector<std::pair<std::string, std::string>> fleet;  // store id, device token
  {
    auto db = hq::open_hq_db(hq_db).value();
    hq::HqAdmin admin(*db, clock);
    (void)admin.add_store("S0", "backlog");
    token = admin.add_device("S0", "").value()["token"];
    for (int i = 1; i <= o.stores; ++i) {
      const std::string id = "F" + std::to_string(i);
      (void)admin.add_store(id, "fleet " + std::to_string(i));
      fleet.emplace_back(id, admin.add_device(id, "").value()["token"].get<std::string>());
    }
  }
  std::vector<std::unique_ptr<test::ChildProcess>> servers;
  std::vector<std::string> urls;
  for (int i = 0; i < o.servers; ++i) {
    servers.push_back(std::make_unique<test::ChildProcess>(
        std::vector<std::string>{HQ_PATH, "--db", hq_db, "--listen", "127.0.0.1:0"}));
    const std::string listening =
        nlohmann::json::parse(servers.back()->read_line(std::chrono::seconds(10)).value())["listening"];
    urls.push_back("http://" + listening);
  }
  const std::string& url = urls.front();

  // The store's backlog.
  const auto backlog_start = Clock_::now();
  {
    auto catalog = read_catalog_file(std::string(KIOSK_ASSETS_DIR) + "/catalog-default.jsonl").value();
    StoreSettings settings;
    settings.store_id = "S0";
    auto store = StoreDb::create(store_dir, settings, catalog, clock.now_ms()).value();
    store->db().exec("PRAGMA synchronous=OFF");  // only to make the backlog fast
    QueueEngine engine(*store, clock);
    for (int i = 0; i < o.records; ++i) (void)engine.issue({i % 2 ? "A" : "B", false, {}});
    (void)SyncStore(*store, clock).configure(url, token);
  }
  std::printf("bench_sync: %d hq process(es) on %s, %d records in the store's backlog (made in %.1f s)\n", o.servers,
              o.engine.c_str(), o.records, seconds_since(backlog_start));
  std::fflush(stdout);

  // 1. The backlog in one round.
  {
    auto store = StoreDb::open(store_dir).value();
    http::HttpSyncTransport transport(url, token);
    SyncSession session(*store, clock, transport);
    const auto start = Clock_::now();
    const double store_cpu = cpu_seconds(getpid()), hq_cpu = hq_cpu_seconds(servers),
                 pg_cpu = postgres_cpu_seconds(postgres.get());
    const SyncRoundReport report = session.run_round();
    const double s = seconds_since(start);
    std::printf(
        "backlog upload: %lld records in %.2f s = %.0f records/s; %d requests, %.1f KiB sent gzip, complete=%s%s\n",
        static_cast<long long>(report.uploaded), s, double(report.uploaded) / s, report.requests,
        double(report.bytes_sent) / 1024, report.complete ? "yes" : "no",
        report.error ? (" error: " + report.error->message).c_str() : "");
    std::printf("backlog upload CPU: store %.2f s, hq %.2f s, postgres %.2f s\n", cpu_seconds(getpid()) - store_cpu,
                hq_cpu_seconds(servers) - hq_cpu, postgres_cpu_seconds(postgres.get()) - pg_cpu);

    // 2. Nothing changed.
    const auto noop_start = Clock_::now();
    const SyncRoundReport noop = session.run_round();
    // The health header's line: "X-Kiosk-Health: " + the report + CRLF.
    const long long health_line =
        noop.health_bytes > 0 ? noop.health_bytes + static_cast<long long>(std::strlen(kHealthHeader)) + 4 : 0;
    std::printf(
        "no-op sync: %d request(s), %lld bytes sent, %lld bytes of answer body, %lld bytes on the wire both ways "
        "(headers included), of which the health header %lld (without it %lld), %.2f ms\n",
        noop.requests, static_cast<long long>(noop.bytes_sent), static_cast<long long>(noop.bytes_received),
        static_cast<long long>(noop.wire_bytes), health_line, static_cast<long long>(noop.wire_bytes) - health_line,
        seconds_since(noop_start) * 1000);
  }

  // 3. Many stores at once: each uploads per_store of today's tickets in one
  // gzip batch; o.clients threads share the fleet.
  {
    const std::string today = StoreTimeZone::load("Asia/Shanghai").value().business_day(clock.now_ms());
    std::vector<std::string> bodies;
    for (const auto& [store_id, device_token] : fleet) {
      const std::string incarnation = new_uuid();
      nlohmann::json records = nlohmann::json::array();
      for (int seq = 1; seq <= o.per_store; ++seq)
        records.push_back({{"seq", seq},
                           {"kind", "ticket"},
                           {"id", new_uuid()},
                           {"revision", seq},
                           {"store", store_id},
                           {"data",
                            {{"ticket", "A" + std::to_string(100 + seq)},
                             {"business_day", today},
                             {"service", "A"},
                             {"state", "done"},
                             {"issued_at", clock.now_ms()}}}});
      bodies.push_back(gzip_compress(
          nlohmann::json{{"incarnation", incarnation}, {"batch", incarnation + ":1"}, {"records", records}}.dump()));
    }
    std::atomic<std::size_t> next{0};
    std::atomic<long> failures{0};
    std::vector<std::vector<double>> latencies(std::size_t(o.clients));
    const auto start = Clock_::now();
    const double hq_cpu = hq_cpu_seconds(servers), pg_cpu = postgres_cpu_seconds(postgres.get());
    std::vector<std::thread> clients;
    for (int c = 0; c < o.clients; ++c)
      clients.emplace_back([&, c] {
        for (std::size_t i; (i = next++) < fleet.size();) {
          http::HttpClient client({urls[std::size_t(c) % urls.size()], fleet[i].second});
          http::RequestOptions request;
          request.content_encoding = "gzip";
          const auto sent = Clock_::now();
          auto answer = client.post_json("/sync/v1/upload", bodies[i], request);
          latencies[std::size_t(c)].push_back(seconds_since(sent) * 1000);
          if (!answer || answer.value().status != 200) ++failures;
        }
      });
    for (std::thread& t : clients) t.join();
    const double s = seconds_since(start);
    std::vector<double> all;
    for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
    const bench::Figures f = bench::summarise(all);
    const double total = double(fleet.size()) * o.per_store;
    std::printf(
        "ingest: %zu stores x %d records, %d clients at once, %d hq on %s: %.2f s = %.0f records/s; upload p50 %.1f "
        "ms, p99 %.1f ms; %ld failed\n",
        fleet.size(), o.per_store, o.clients, o.servers, o.engine.c_str(), s, total / s, f.median_ms, f.p99_ms,
        failures.load());
    std::printf("ingest CPU: hq %.2f s, postgres %.2f s\n", hq_cpu_seconds(servers) - hq_cpu,
                postgres_cpu_seconds(postgres.get()) - pg_cpu);
  }
  for (const auto& server : servers) {
    server->terminate();
    server->wait();
  }
  // What a record costs on disk (docs/hq-scale.md): the record table with its
  // indexes on PostgreSQL, the whole file on SQLite.
  {
    auto db = hq::open_hq_db(hq_db).value();
    const std::int64_t records = db->single_int64("SELECT count(*) FROM record", {}).value_or(0);
    const std::int64_t bytes =
        db->single_int64(postgres ? "SELECT pg_total_relation_size('record')"
                                  : "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
                         {})
            .value_or(0);
    std::printf("storage: %lld records, %lld bytes = %.0f bytes per record (%s)\n", static_cast<long long>(records),
                static_cast<long long>(bytes), records ? double(bytes) / double(records) : 0.0,
                postgres ? "record table and its indexes" : "the whole file");
  }
  return 0;
}
