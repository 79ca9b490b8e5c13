// The technician's tablet benchmark (prints figures, never fails on time),
// against a real hq process over loopback (libcurl):
//   1. the morning's first sync: the technician's jobs (default 50) come down;
//   2. a day's work offline (4 steps on every job, then two jobs finished
//      with the customer's signature and rating) sent in one round after
//      reconnecting: requests, bytes both ways and time;
// (The job list with 500 jobs drawn after login: tests/bench/bench_technician.)
// build-*/tests/hq/bench_tablet [--jobs 50] [--dir DIR]
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "../bench/latency_figures.h"
#include "core/random_id.h"
#include "field/field_db.h"
#include "field/field_link.h"
#include "field/field_sync.h"
#include "field/job_book.h"
#include "hq/hq_admin.h"
#include "hq/hq_db.h"
#include "http/sync_transport.h"
#include "staff/pin_hash.h"
#include "support/child_process.h"
#include "sync/gzip.h"

#ifndef HQ_PATH
#error "HQ_PATH must name the hq executable"
#endif

using namespace kiosk;
using Json = nlohmann::ordered_json;

namespace {

struct Options {
  int jobs = 50;
  std::string dir = "/tmp/bench-tablet";
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i], value = argv[i + 1];
    if (name == "--jobs")
      o.jobs = std::max(2, std::stoi(value));
    else if (name == "--dir")
      o.dir = value;
    else
      throw std::runtime_error("unknown option " + name);
  }
  return o;
}

// A repair request as the store uploads it, a home visit.
Json request_record(int seq, const std::string& code, EpochMs now) {
  return Json{{"seq", seq},
              {"kind", "request"},
              {"id", new_uuid()},
              {"revision", seq},
              {"store", "S1"},
              {"data",
               {{"code", code},
                {"kind", "repair"},
                {"state", "received"},
                {"version", 1},
                {"product", "air-conditioner"},
                {"problem", "not-cooling"},
                {"model", "KFR-35GW"},
                {"description", "客厅空调开机后不制冷，室外机不转"},
                {"contact_name", "王先生"},
                {"phone", "13812345678"},
                {"address", "上海市浦东新区世纪大道 100 号 8 楼 801 室"},
                {"preferred_date", "2026-11-25"},
                {"time_window", "morning"},
                {"urgency", "normal"},
                {"created_at", now},
                {"updated_at", now}}}};
}

// A signature's PNG about the size a real one encodes to (3.2 KB): random
// bytes after the PNG signature, as incompressible as an image.
std::string signature_png() {
  std::string png("\x89PNG\r\n\x1a\n", 8);
  std::mt19937 random(7);
  for (int i = 0; i < 3210; ++i) png.push_back(char(random() & 0xff));
  return png;
}

void print_round(const char* what, const FieldSyncReport& r, double ms) {
  std::printf("%s: %.0f ms, %d requests, %.1f KiB sent, %.1f KiB received, %.1f KiB on the wire; complete=%s%s%s\n",
              what, ms, r.requests, double(r.bytes_sent) / 1024, double(r.bytes_received) / 1024,
              double(r.wire_bytes) / 1024, r.complete ? "yes" : "no", r.error ? ", error: " : "",
              r.error ? r.error->message.c_str() : "");
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  std::filesystem::remove_all(o.dir);
  std::filesystem::create_directories(o.dir);
  SystemClock clock;
  const std::string hq_db = o.dir + "/hq.db";
  std::string store_token, technician, tablet_token;
  {
    auto db = hq::open_hq_db(hq_db).value();
    hq::HqAdmin admin(*db, clock);
    (void)admin.add_store("S1", "bench");
    store_token = admin.add_device("S1", "").value()["token"];
    technician = admin.add_staff("S1", "Zhou", "2468", "technician", PinHashCost::fastest_for_tests()).value()["staff"];
    tablet_token = admin.add_technician_device(technician, "tablet").value()["token"];
  }
  test::ChildProcess server({HQ_PATH, "--db", hq_db, "--listen", "127.0.0.1:0"});
  const std::string url =
      "http://" +
      nlohmann::json::parse(server.read_line(std::chrono::seconds(10)).value())["listening"].get<std::string>();

  // The store's requests reach HQ, and HQ gives them all to the technician.
  {
    Json records = Json::array();
    for (int i = 0; i < o.jobs; ++i)
      records.push_back(request_record(i + 1, "R" + std::to_string(1000 + i), clock.now_ms()));
    const std::string incarnation = new_uuid();
    const Json body{{"incarnation", incarnation}, {"batch", incarnation + ":1"}, {"records", records}};
    http::HttpSyncTransport store(url, store_token);
    const Result<TransportResponse> sent = store.post_gzip_json("/sync/v1/upload", gzip_compress(body.dump()), {});
    if (!sent || sent.value().status != 200) throw std::runtime_error("the store's upload failed");
    auto db = hq::open_hq_db(hq_db).value();
    hq::HqAdmin admin(*db, clock);
    for (int i = 0; i < o.jobs; ++i)
      if (!admin.assign("R" + std::to_string(1000 + i), technician)) throw std::runtime_error("assign failed");
  }

  const std::string tablet_dir = o.dir + "/tablet";
  auto field = FieldDb::open(tablet_dir, clock.now_ms()).value();
  (void)FieldLink(*field, clock).configure(url, tablet_token);
  http::HttpSyncTransport transport(url, tablet_token);
  FieldSyncReport morning;
  const double morning_ms = bench::time_ms([&] { morning = FieldSyncSession(*field, clock, transport).run_round(); });
  std::printf("bench_tablet: %d jobs on one technician's tablet, hq on SQLite over loopback\n", o.jobs);
  print_round("first sync (the jobs come down)", morning, morning_ms);

  // The day offline: 4 steps on every job, then two finished with signature and rating.
  JobBook book(*field, clock);
  const std::vector<FieldJob> jobs = book.jobs().value();
  int steps = 0, completions = 0;
  using S = RequestState;
  for (const FieldJob& job : jobs)
    for (S to : {S::OnTheWay, S::OnSite, S::WaitingForParts, S::OnTheWay})
      steps += book.take_step(StepInput{job.request_id, to, "note " + std::to_string(steps), "", std::nullopt}).ok();
  const std::string png = signature_png();
  for (int i = 0; i < 2 && i < int(jobs.size()); ++i) {
    steps += book.take_step(StepInput{jobs[i].request_id, S::OnSite, "", "", std::nullopt}).ok();
    completions += book.complete(CompletionInput{jobs[i].request_id, "replaced-part", "换了压缩机电容", true,
                                                 RatingInput{5, {"fast"}, "", RatedBy::TechnicianDevice}, png})
                       .ok();
  }
  FieldSyncReport evening;
  const double evening_ms = bench::time_ms([&] { evening = FieldSyncSession(*field, clock, transport).run_round(); });
  std::printf("a day offline: %d steps and %d completions with a %zu-byte signature each (%d changes)\n", steps,
              completions, png.size(), steps + completions);
  print_round("reconnect (the day goes up)", evening, evening_ms);
  std::printf("  %lld steps decided, %lld records uploaded, %lld feed changes back\n",
              static_cast<long long>(evening.commands), static_cast<long long>(evening.uploaded),
              static_cast<long long>(evening.changes));

  return 0;
}
