// store_day_soak: a store day under faults (docs/reliability.md). Sets up a
// store on a small disk of its own with a real node and a real hq behind a
// fault proxy, runs a day's traffic for --minutes of wall time while faults
// come at seeded random moments, turns the faults off, syncs once cleanly,
// checks that nothing was lost or doubled, and prints the figures: one JSON
// line, then a readable summary. Exit 0 when every check passed, 1 when one
// failed, 2 on bad usage, 77 when no small disk can be mounted here.
//   store_day_soak [--minutes 1.5] [--seed 1] [--keep DIR]
#include <filesystem>
#include <iostream>
#include <thread>

#include "core/command_line.h"
#include "soak/fault_schedule.h"
#include "soak/store_day_checks.h"
#include "soak/store_traffic.h"
#include "support/test_clock.h"

using namespace kiosk;
using namespace kiosk::soak;

namespace {

constexpr int kExitSkipped = 77;

struct SoakOptions {
  double minutes = 1.5;
  unsigned seed = 1;
  std::string keep;  // a dir to copy the store's and hq's data into, for a post-mortem
};

// Room for the store's database, its write-ahead log and the day's records,
// with headroom: the ballast takes the rest when the disk is filled.
std::int64_t disk_bytes_for(double minutes) { return (12 + static_cast<std::int64_t>(minutes * 2)) * 1024 * 1024; }

// Faults off (the node stopped, hq straight, no proxy): `kioskctl sync` until
// nothing is left to send, a bounded number of rounds. The rounds it took, or 0.
int sync_cleanly(StoreUnderTest& store) {
  store.stop_node();
  store.point_sync_at_hq_directly();
  for (int round = 1; round <= 30; ++round) {
    const CtlRun run = store.kioskctl({"sync"});
    if (run.exit_code == 0 && run.body.value("complete", false)) return round;
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  return 0;
}

void keep_for_post_mortem(StoreUnderTest& store, const std::string& dir) {
  namespace fs = std::filesystem;
  fs::create_directories(dir);
  const auto options = fs::copy_options::recursive | fs::copy_options::overwrite_existing;
  fs::copy(store.data_dir(), fs::path(dir) / "store", options);
  fs::copy(store.hq().db, fs::path(dir) / "hq.db", options);
  fs::copy(store.log_dir(), fs::path(dir) / "logs", options);
}

const char* verdict_name(RefusalVerdict verdict) {
  switch (verdict) {
    case RefusalVerdict::InWords:
      return "in_words";
    case RefusalVerdict::Wrong:
      return "wrong";
  }
  return "?";
}

Json figures_json(const SoakOptions& options, double wall_s, StoreUnderTest& store, const SoakLedger& ledger,
                  const StoreDayFindings& findings, int sync_rounds) {
  Json verdicts = Json::object();
  for (const auto& [verdict, n] : findings.refusals_by_verdict) verdicts[verdict_name(verdict)] = n;
  std::int64_t records = 0;
  for (const auto& [kind, n] : findings.records_checked) records += n;
  return Json{{"soak", "store_day"},
              {"seed", options.seed},
              {"minutes", options.minutes},
              {"wall_s", wall_s},
              {"store_hours", findings.store_hours},
              {"business_days", findings.business_days},
              {"operations", ledger.operations()},
              {"kills", ledger.kills()},
              {"faults", ledger.faults()},
              {"proxy", store.proxy_counts()},
              {"records_checked", findings.records_checked},
              {"records_checked_total", records},
              {"lost", findings.lost},
              {"doubled", findings.doubled},
              {"stale", findings.stale},
              {"shown_tickets", ledger.shown_tickets().size()},
              {"shown_requests", ledger.shown_requests().size()},
              {"shown_missing", findings.shown_missing},
              {"repeated_numbers", findings.repeated_numbers},
              {"parked_at_hq", findings.parked_at_hq},
              {"display_went_back", findings.display_went_back},
              {"integrity", {{"store", findings.store_integrity}, {"hq", findings.hq_integrity}}},
              {"refusals", findings.refusals_by_code},
              {"refusal_words", findings.refusal_words},
              {"refusal_verdicts", verdicts},
              {"unexpected_exits", store.unexpected_exits()},
              {"final_sync_rounds", sync_rounds}};
}

void print_summary(const Json& f, bool passed, const std::vector<std::string>& problems) {
  std::cout << "store day under faults: " << (passed ? "PASSED" : "FAILED") << " (seed " << f["seed"] << ", "
            << f["wall_s"] << " s of wall time)\n"
            << "  store time covered: " << f["store_hours"] << " h over " << f["business_days"] << " business days\n"
            << "  operations: " << f["operations"].dump() << "\n"
            << "  kills: " << f["kills"].dump() << "\n"
            << "  faults: " << f["faults"].dump() << "\n"
            << "  proxy: " << f["proxy"].dump() << "\n"
            << "  records checked: " << f["records_checked"].dump() << "; lost " << f["lost"] << ", doubled "
            << f["doubled"] << ", stale " << f["stale"] << "\n"
            << "  shown to customers: " << f["shown_tickets"] << " tickets, " << f["shown_requests"]
            << " requests; missing " << f["shown_missing"] << "; numbers repeated " << f["repeated_numbers"] << "\n"
            << "  integrity: " << f["integrity"].dump() << "; parked at HQ " << f["parked_at_hq"]
            << "; processes that died unasked " << f["unexpected_exits"] << "; display went back "
            << f["display_went_back"] << "\n"
            << "  refusals: " << f["refusals"].dump() << " " << f["refusal_verdicts"].dump() << "\n"
            << "  refusals' words: " << f["refusal_words"].dump() << "\n"
            << "  final clean sync: " << f["final_sync_rounds"] << " rounds\n";
  for (const std::string& problem : problems) std::cout << "  PROBLEM: " << problem << "\n";
}

int run(const SoakOptions& options) {
  test::pin_clock_to_test_day();
  const auto started = std::chrono::steady_clock::now();
  std::unique_ptr<StoreUnderTest> store;
  try {
    store = std::make_unique<StoreUnderTest>(
        StoreSetup{.disk_bytes = disk_bytes_for(options.minutes), .proxy_fault_share = 0.3, .seed = options.seed});
  } catch (const std::exception& e) {
    std::cout << "store_day_soak: skipped, no small disk here: " << e.what() << std::endl;
    return kExitSkipped;
  }
  store->set_up();
  SoakLedger ledger;
  {
    StoreTraffic traffic(*store, ledger, options.seed);
    traffic.start();
    run_faults(*store, traffic, ledger, std::chrono::milliseconds(static_cast<std::int64_t>(options.minutes * 60'000)),
               options.seed);
    traffic.stop();
  }
  const int sync_rounds = sync_cleanly(*store);
  store->stop_hq();
  const StoreDayFindings findings = check_store_day(*store, ledger);
  if (!options.keep.empty()) keep_for_post_mortem(*store, options.keep);
  const double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const Json figures = figures_json(options, wall_s, *store, ledger, findings, sync_rounds);
  const bool passed = findings.passed() && sync_rounds > 0 && store->unexpected_exits() == 0;
  std::cout << figures.dump() << "\n";
  std::vector<std::string> problems = findings.problems;
  if (sync_rounds == 0) problems.push_back("the final clean sync never completed");
  print_summary(figures, passed, problems);
  return passed ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  SoakOptions options;
  try {
    CommandLine cl(std::vector<std::string>(argv + 1, argv + argc), {});
    if (const std::optional<std::string> minutes = cl.optional("minutes")) options.minutes = std::stod(*minutes);
    if (cl.optional("seed")) options.seed = static_cast<unsigned>(cl.required_int("seed", 0, INT32_MAX));
    options.keep = cl.optional("keep").value_or("");
    cl.finish();
    if (!(options.minutes > 0 && options.minutes <= 24 * 60)) throw UsageError("--minutes must be above 0");
  } catch (const std::exception& e) {
    std::cerr << "store_day_soak: " << e.what() << "\nusage: store_day_soak [--minutes 1.5] [--seed 1] [--keep DIR]\n";
    return 2;
  }
  try {
    return run(options);
  } catch (const std::exception& e) {
    std::cout << "store_day_soak: FAILED: " << e.what() << std::endl;
    return 1;
  }
}
