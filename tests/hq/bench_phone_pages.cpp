// The customer's phone pages at HQ, under load (prints figures, never fails on
// time): a store with `--pages` (1000) waiting tickets, each one's page open
// on a phone that polls its status every 2 s as the page does (with
// If-None-Match), while the store calls a ticket every `--call-every-ms` and
// posts its live queue, so every page's position changes with every call.
// Printed: polls per second, their latency (p50/p95/p99), how many answered
// 304, hq's CPU per second (the updates' cost), and how long after the store's
// call reached HQ the called ticket's page saw it.
// build/tests/hq/bench_phone_pages [--pages 1000] [--seconds 20] [--call-every-ms 3000] [--threads 8] [--dir DIR]
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "../bench/latency_figures.h"
#include "../bench/process_cpu.h"
#include "core/random_id.h"
#include "core/store_time_zone.h"
#include "hq/hq_admin.h"
#include "hq/hq_db.h"
#include "support/child_process.h"

#ifndef HQ_PATH
#error "HQ_PATH must name the hq executable"
#endif

using namespace kiosk;
using Json = nlohmann::ordered_json;
using Steady = std::chrono::steady_clock;

namespace {

struct Options {
  int pages = 1000;
  int seconds = 20;
  int call_every_ms = 3000;
  int poll_ms = 2000;
  int threads = 8;
  std::string dir = "/tmp/bench-phone-pages";
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i], value = argv[i + 1];
    if (name == "--pages")
      o.pages = std::max(2, std::stoi(value));
    else if (name == "--seconds")
      o.seconds = std::max(2, std::stoi(value));
    else if (name == "--call-every-ms")
      o.call_every_ms = std::max(200, std::stoi(value));
    else if (name == "--threads")
      o.threads = std::max(1, std::stoi(value));
    else if (name == "--dir")
      o.dir = value;
    else
      throw std::runtime_error("unknown option " + name);
  }
  return o;
}

struct Ticket {
  std::string id, token, label;
};

// The store's side: its device's uploads and live queue posts.
class Store {
 public:
  Store(int port, std::string token) : client_("127.0.0.1", port), token_(std::move(token)) {
    client_.set_keep_alive(true);
  }

  void upload(const std::vector<Json>& records) {
    const Json body{{"incarnation", incarnation_},
                    {"batch", incarnation_ + ":" + std::to_string(seq_)},
                    {"records", records}};
    must("/sync/v1/upload", body);
  }

  Json ticket_record(const Ticket& t, const std::string& day, const std::string& state, EpochMs now) {
    ++seq_;
    Json data{{"ticket", t.label}, {"business_day", day}, {"service", "A"}, {"state", state},
              {"issued_at", now},  {"token", t.token},     {"language", "zh"}};
    if (state == "called") data["counter"] = 1;
    return Json{{"seq", seq_}, {"kind", "ticket"}, {"id", t.id}, {"revision", seq_}, {"store", "S1"}, {"data", data}};
  }

  void post_queue(const std::string& day, const std::vector<Ticket>& waiting, EpochMs now) {
    Json tickets = Json::array();
    for (std::size_t i = 0; i < waiting.size(); ++i)
      tickets.push_back({{"id", waiting[i].id}, {"ahead", int(i)}, {"wait_min", int(i) * 2}});
    must("/sync/v1/queue", Json{{"business_day", day}, {"at", now}, {"tickets", tickets}});
  }

 private:
  void must(const std::string& path, const Json& body) {
    const httplib::Headers headers{{"Authorization", "Bearer " + token_}};
    const auto result = client_.Post(path, headers, body.dump(), "application/json");
    if (!result || result->status != 200)
      throw std::runtime_error(path + " failed: " + (result ? result->body : httplib::to_string(result.error())));
  }

  httplib::Client client_;
  std::string token_;
  std::string incarnation_ = new_uuid();
  std::int64_t seq_ = 0;
};

struct PollFigures {
  std::mutex mutex;
  std::vector<double> latency_ms;
  long answers_200 = 0, answers_304 = 0, failures = 0;
  std::vector<double> called_seen_ms;  // the call's upload done -> its page saw "called"
};

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  std::filesystem::remove_all(o.dir);
  std::filesystem::create_directories(o.dir);
  SystemClock clock;
  const std::string db_path = o.dir + "/hq.db";
  std::string device_token;
  {
    auto db = hq::open_hq_db(db_path).value();
    hq::HqAdmin admin(*db, clock);
    (void)admin.add_store("S1", "徐汇服务大厅", "Asia/Shanghai");
    device_token = admin.add_device("S1", "").value()["token"];
  }
  test::ChildProcess server({HQ_PATH, "--db", db_path, "--listen", "127.0.0.1:0"});
  const std::string listening =
      nlohmann::json::parse(server.read_line(std::chrono::seconds(10)).value())["listening"];
  const int port = std::stoi(listening.substr(listening.rfind(':') + 1));
  const std::string day = StoreTimeZone::load("Asia/Shanghai").value().business_day(clock.now_ms());

  // The morning's queue: every ticket uploaded and posted once.
  Store store(port, device_token);
  std::vector<Ticket> waiting;
  std::vector<Json> records;
  for (int i = 0; i < o.pages; ++i) {
    char label[16];
    std::snprintf(label, sizeof label, "A%03d", i + 1);
    waiting.push_back({new_uuid(), random_token(20), label});
    records.push_back(store.ticket_record(waiting.back(), day, "waiting", clock.now_ms()));
  }
  store.upload(records);
  store.post_queue(day, waiting, clock.now_ms());

  // The phones.
  PollFigures figures;
  std::vector<std::atomic<std::int64_t>> called_at_ns(static_cast<std::size_t>(o.pages));  // 0: not called yet
  for (auto& at : called_at_ns) at = 0;
  std::atomic<bool> stop{false};
  const auto start = Steady::now();
  std::vector<std::thread> phones;
  for (int t = 0; t < o.threads; ++t)
    phones.emplace_back([&, t] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      std::mt19937 random(static_cast<unsigned>(t));
      struct Page {
        std::size_t index;
        std::string etag;
        Steady::time_point due;
        bool saw_called = false;
      };
      std::vector<Page> pages;
      for (std::size_t i = static_cast<std::size_t>(t); i < waiting.size(); i += static_cast<std::size_t>(o.threads))
        pages.push_back({i, "", start + std::chrono::milliseconds(random() % static_cast<unsigned>(o.poll_ms))});
      std::sort(pages.begin(), pages.end(), [](const Page& a, const Page& b) { return a.due < b.due; });
      std::size_t next = 0;
      while (!stop && !pages.empty()) {
        Page& page = pages[next];
        std::this_thread::sleep_until(page.due);
        if (stop) break;
        httplib::Headers headers;
        if (!page.etag.empty()) headers.emplace("If-None-Match", page.etag);
        const auto sent = Steady::now();
        const auto result = client.Get("/t/" + waiting[page.index].token + "/status", headers);
        const double ms = std::chrono::duration<double, std::milli>(Steady::now() - sent).count();
        std::lock_guard lock(figures.mutex);
        figures.latency_ms.push_back(ms);
        if (!result || (result->status != 200 && result->status != 304)) {
          ++figures.failures;
        } else if (result->status == 304) {
          ++figures.answers_304;
        } else {
          ++figures.answers_200;
          page.etag = result->get_header_value("ETag");
          const nlohmann::json status = nlohmann::json::parse(result->body, nullptr, false);
          const std::int64_t called = called_at_ns[page.index];
          if (!page.saw_called && called != 0 && status.is_object() && status.value("state", "") == "called") {
            page.saw_called = true;
            figures.called_seen_ms.push_back(double(Steady::now().time_since_epoch().count() - called) / 1e6);
          }
        }
        page.due += std::chrono::milliseconds(o.poll_ms);
        next = (next + 1) % pages.size();
      }
    });

  // The store calls the head of the queue every call_every_ms.
  const double cpu_before = bench::cpu_seconds(server.pid());
  const auto end = start + std::chrono::seconds(o.seconds);
  std::size_t head = 0;
  int calls = 0;
  for (auto at = start + std::chrono::milliseconds(o.call_every_ms); at < end && head + 1 < waiting.size();
       at += std::chrono::milliseconds(o.call_every_ms)) {
    std::this_thread::sleep_until(at);
    store.upload({store.ticket_record(waiting[head], day, "called", clock.now_ms())});
    called_at_ns[head] = Steady::now().time_since_epoch().count();
    ++head;
    store.post_queue(day, std::vector<Ticket>(waiting.begin() + static_cast<std::ptrdiff_t>(head), waiting.end()),
                     clock.now_ms());
    ++calls;
  }
  std::this_thread::sleep_until(end);
  const double cpu = bench::cpu_seconds(server.pid()) - cpu_before;
  const double wall = std::chrono::duration<double>(Steady::now() - start).count();
  stop = true;
  for (std::thread& phone : phones) phone.join();

  const bench::Figures latency = bench::summarise(figures.latency_ms);
  const bench::Figures seen = bench::summarise(figures.called_seen_ms);
  const long polls = figures.answers_200 + figures.answers_304;
  std::printf("bench_phone_pages: %d open pages polling every %d ms, a call every %d ms (%d calls), %.0f s\n", o.pages,
              o.poll_ms, o.call_every_ms, calls, wall);
  std::printf("polls: %.0f/s answered (%ld with 200, %ld with 304 Not Modified, %ld failed)\n", double(polls) / wall,
              figures.answers_200, figures.answers_304, figures.failures);
  std::printf("poll latency: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n", latency.median_ms, latency.p95_ms,
              latency.p99_ms);
  std::printf("hq CPU: %.2f s over %.0f s = %.1f%% of one core for %d pages\n", cpu, wall, 100 * cpu / wall, o.pages);
  std::printf("a call at HQ -> its page shows it: p50 %.0f ms, p95 %.0f ms (%zu calls seen; the poll interval bounds it)\n",
              seen.median_ms, seen.p95_ms, figures.called_seen_ms.size());
  return figures.failures == 0 ? 0 : 1;
}
