// Benchmark of the technician's tablet (prints figures; never a pass/fail on
// time), the real app headless with the real fonts on a real technician.db
// holding --jobs jobs (default 500) as HQ's feed sent them:
//  - the PIN checked offline against the argon2id hash (the store's cost), the
//    login's own price;
//  - logged in to the job list drawn: from the login's answer to the end of
//    the first frame that shows the list (the jobs read and the rows drawn);
//  - a step taken (on the way) to the job screen drawn with it.
//   bench_technician [--jobs 500] [--reps 50] [--dir DIR]
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

#include "app/role_runner.h"
#include "field/field_db.h"
#include "field/job_book.h"
#include "latency_figures.h"
#include "staff/pin_hash.h"
#include "technician/technician_app.h"
#include "ui/headless_ui.h"

using namespace kiosk;
using Json = nlohmann::ordered_json;

namespace {

constexpr const char* kTechnicianId = "5b7c1d2e-0f3a-4b5c-8d9e-0a1b2c3d4e5f";

// The technician and `count` jobs as HQ's feed lists them.
Json feed(int count, const std::string& pin_hash) {
  Json changes = Json::array();
  changes.push_back(Json{{"seq", 1},
                         {"kind", "staff"},
                         {"key", kTechnicianId},
                         {"data",
                          {{"id", kTechnicianId},
                           {"name", "Zhang Wei"},
                           {"role", "technician"},
                           {"pin_hash", pin_hash},
                           {"active", true}}}});
  for (int i = 0; i < count; ++i) {
    char id[37];
    std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", i);
    changes.push_back(Json{{"seq", i + 2},
                           {"kind", "job"},
                           {"key", id},
                           {"data",
                            {{"active", true},
                             {"request", id},
                             {"code", "J" + std::to_string(100000 + i)},
                             {"store", "S1"},
                             {"time_zone", "Asia/Shanghai"},
                             {"kind", "repair"},
                             {"state", i % 4 == 0 ? "done" : "assigned"},
                             {"version", 2},
                             {"urgency", i % 7 == 0 ? "urgent" : "normal"},
                             {"product", {{"code", "air-conditioner"}, {"zh", "空调"}, {"en", "Air conditioner"}}},
                             {"problem", {{"code", "not-cooling"}, {"zh", "不制冷"}, {"en", "Not cooling"}}},
                             {"model", "KFR-35GW"},
                             {"description", "客厅空调开机后不制冷"},
                             {"contact_name", "王先生"},
                             {"phone", "13812345678"},
                             {"address", "上海市浦东新区世纪大道 100 号"},
                             {"preferred_date", "2026-11-" + std::to_string(10 + i % 20)},
                             {"preferred_window", "morning"},
                             {"scheduled_date", nullptr},
                             {"scheduled_window", nullptr},
                             {"created_at", 1795400000000 + i}}}});
  }
  return changes;
}

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "bench_technician: %s\n", what.c_str());
  std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
  int jobs = 500, reps = 50;
  std::string dir = "/tmp/bench-technician";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--jobs") == 0) jobs = std::max(1, std::atoi(argv[i + 1]));
    if (std::strcmp(argv[i], "--reps") == 0) reps = std::max(1, std::atoi(argv[i + 1]));
    if (std::strcmp(argv[i], "--dir") == 0) dir = argv[i + 1];
  }
  std::filesystem::remove_all(dir);
  SystemClock clock;
  const std::optional<std::string> hash = hash_pin("3690", PinHashCost::for_store());
  if (!hash) fail("could not hash the PIN");
  {
    auto field = FieldDb::open(dir, clock.now_ms());
    if (!field) fail(field.error().message);
    const Json changes = feed(jobs, *hash);
    if (!JobBook(*field.value(), clock).apply_feed(changes, jobs + 1, clock.now_ms())) fail("the feed was refused");
  }

  // The PIN's price, offline.
  std::vector<double> pins;
  {
    auto field = FieldDb::open(dir, clock.now_ms());
    JobBook book(*field.value(), clock);
    for (int r = 0; r < std::min(reps, 10); ++r)
      pins.push_back(bench::time_ms([&] {
        if (!book.log_in("Zhang Wei", "3690")) fail("the PIN was refused");
      }));
  }

  Result<app::Translations> texts = app::load_translations();
  if (!texts) fail(texts.error().message);
  technician::TechnicianAppConfig config;
  config.tablet.data_dir = dir;
  EpochMs now = clock.now_ms();
  technician::TechnicianApp app(technician::TechnicianRole{config, std::move(texts).value()}, now, [] {});
  ui::HeadlessConfig headless;
  headless.font_scale = app::staff_font_scale();
  ui::HeadlessUi ui(headless);
  for (const std::string& text : app.texts_to_show()) ui.fonts().add_text(text);
  const ui::DrawFn draw = [&](ui::TouchUi& t) { app.draw(t, now); };
  const auto settle = [&] {
    while (!app.worker_idle()) std::this_thread::yield();
    app.update(now);
    ui.frame(draw);
    while (ui.fonts().rebuild_needed()) ui.frame(draw);
  };
  settle();

  std::vector<double> lists, steps;
  for (int r = 0; r < reps; ++r) {
    now += 1000;
    lists.push_back(bench::time_ms([&] {
      app.dispatch(technician::LoggedIn{"Zhang Wei"}, now);
      settle();
    }));
    if (app.state().jobs.empty()) fail("no jobs listed after login");
    const auto assigned = std::find_if(app.state().jobs.begin(), app.state().jobs.end(),
                                       [](const technician::JobLine& j) { return j.state == "assigned"; });
    if (assigned == app.state().jobs.end()) fail("no assigned job left: give more --jobs than --reps");
    app.dispatch(technician::OpenJob{assigned->request_id}, now);
    settle();
    steps.push_back(bench::time_ms([&] {
      app.dispatch(technician::ChangeState{"on-the-way"}, now);
      settle();
    }));
    if (!app.state().job || app.state().job->line.state != "on-the-way") fail("the step was not taken");
    app.dispatch(technician::Logout{}, now);
    settle();
  }
  const bench::Figures p = bench::summarise(pins), l = bench::summarise(lists), s = bench::summarise(steps);
  std::printf("bench_technician: %d jobs on the tablet (technician.db), headless with the real fonts\n", jobs);
  std::printf("PIN checked offline (argon2id, the store's cost): p50 %.1f ms, p99 %.1f ms (%zu checks)\n", p.median_ms,
              p.p99_ms, pins.size());
  std::printf("logged in to the job list drawn: p50 %.2f ms, p99 %.2f ms (%zu logins)\n", l.median_ms, l.p99_ms,
              lists.size());
  std::printf("a step taken to the job drawn with it: p50 %.2f ms, p99 %.2f ms (%zu steps, synchronous=FULL)\n",
              s.median_ms, s.p99_ms, steps.size());
  return 0;
}
