// run_faults: one loop over the faulted part, a fault whenever its moment comes.
#include "soak/fault_schedule.h"

#include <random>
#include <thread>

namespace kiosk::soak {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr EpochMs kHourMs = 3'600'000;
// Mean time between kills and dropped sessions: several of each in the short run.
constexpr milliseconds kNodeKillEvery{15'000}, kHqKillEvery{20'000}, kSessionDropEvery{10'000};

// The next moment of a fault that comes every `mean` or so.
Clock::time_point next_after(Clock::time_point now, milliseconds mean, std::mt19937& random) {
  return now +
         milliseconds(std::uniform_int_distribution<std::int64_t>(mean.count() / 2, mean.count() * 3 / 2)(random));
}

// A moment between the shares `from` and `to` of the faulted part.
Clock::time_point within(Clock::time_point start, milliseconds duration, double from, double to, std::mt19937& random) {
  const double share = std::uniform_real_distribution<>(from, to)(random);
  return start + milliseconds(static_cast<std::int64_t>(static_cast<double>(duration.count()) * share));
}

}  // namespace

void run_faults(StoreUnderTest& store, StoreTraffic& traffic, SoakLedger& ledger, milliseconds duration,
                unsigned seed) {
  std::mt19937 random(seed * 104729u + 1);
  const Clock::time_point start = Clock::now(), end = start + duration;
  Clock::time_point node_kill = next_after(start, kNodeKillEvery, random);
  Clock::time_point hq_kill = next_after(start, kHqKillEvery, random);
  Clock::time_point session_drop = next_after(start, kSessionDropEvery, random);
  Clock::time_point clock_back = within(start, duration, 0.25, 0.35, random);
  Clock::time_point clock_forward = within(start, duration, 0.5, 0.6, random);
  Clock::time_point disk_fill = within(start, duration, 0.7, 0.75, random);
  Clock::time_point disk_empty = disk_fill + std::max(milliseconds(5'000), duration / 12);
  Clock::time_point node_back = start, hq_back = start;
  const Clock::time_point never = Clock::time_point::max();

  for (Clock::time_point now = start; now < end; now = Clock::now()) {
    if (!store.node_running() && now >= node_back) {
      if (store.start_node())
        ledger.count_operation("node started");
      else
        ledger.count_operation("node start failed");
    }
    if (!store.hq_running() && now >= hq_back) store.start_hq();
    if (now >= node_kill) {
      store.kill_node();
      ledger.count_kill("store node");
      node_back = now + milliseconds(std::uniform_int_distribution<>(100, 1500)(random));
      node_kill = next_after(now, kNodeKillEvery, random);
    }
    if (now >= hq_kill) {
      store.kill_hq();
      ledger.count_kill("hq");
      hq_back = now + milliseconds(std::uniform_int_distribution<>(300, 3000)(random));
      hq_kill = next_after(now, kHqKillEvery, random);
    }
    if (now >= session_drop) {
      traffic.drop_session(std::uniform_int_distribution<>(1, StoreUnderTest::kCounters)(random));
      session_drop = next_after(now, kSessionDropEvery, random);
    }
    if (now >= clock_back) {
      store.set_clock_shift(-kHourMs);
      ledger.count_fault("store clock back an hour");
      clock_back = never;
    }
    if (now >= clock_forward) {
      store.set_clock_shift(-kHourMs + 24 * kHourMs);
      ledger.count_fault("store clock forward a day");
      clock_forward = never;
    }
    if (now >= disk_fill) {
      store.fill_disk();
      ledger.count_fault("store disk filled");
      disk_fill = never;
    }
    if (now >= disk_empty) {
      store.make_room();
      disk_empty = never;
    }
    std::this_thread::sleep_for(milliseconds(100));
  }
  if (store.disk_full()) store.make_room();
  if (!store.hq_running()) store.start_hq();
  for (int attempt = 0; attempt < 5 && !store.node_running(); ++attempt) store.start_node();
}

}  // namespace kiosk::soak
