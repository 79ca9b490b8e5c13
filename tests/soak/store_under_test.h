// The store of a soak and everything around it, as real processes: its data
// dir on a small disk of its own, `kiosk --role node` (the API and the sync to
// HQ), a real hq behind a fault proxy, and kioskctl runs on the store's clock.
// The fault schedule works it through here: kill and restart the node or hq,
// step the store's clock, fill the disk and make room again. Built on the main
// thread before any other thread starts (SmallDisk's mount namespace is that
// thread's, and the threads started later share it).
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/clock.h"
#include "hq/fault_proxy.h"
#include "hq/hq_fixture.h"
#include "support/child_process.h"
#include "support/small_disk.h"
#include "support/temp_dir.h"

namespace kiosk::soak {

using test::Json;

// One kioskctl run: its exit code and the last JSON line it printed (null
// when it printed none), and whether a SIGKILL ended it.
struct CtlRun {
  int exit_code = 0;
  Json body;
  bool killed = false;
};

struct StoreSetup {
  std::int64_t disk_bytes = 0;
  double proxy_fault_share = 0;
  unsigned seed = 0;
};

class StoreUnderTest {
 public:
  static constexpr int kCounters = 2;

  explicit StoreUnderTest(const StoreSetup& setup);
  ~StoreUnderTest();  // stops the node and hq
  StoreUnderTest(const StoreUnderTest&) = delete;
  StoreUnderTest& operator=(const StoreUnderTest&) = delete;

  // kioskctl init, counters 1 and 2 open, their staff, HQ through the proxy,
  // the node started, a device enrolled for each counter and the display.
  void set_up();

  // `kioskctl --data DIR ARGS` on the store's clock as it is now; a run that
  // lasts past `kill_after_ms` (when >= 0) is ended by SIGKILL.
  CtlRun kioskctl(const std::vector<std::string>& args, int kill_after_ms = -1) const;

  // The node: started (bounded wait for its "listening" line; false if it
  // did not come up), SIGKILLed, stopped with SIGTERM. Its exit code when it
  // ended another way than asked is counted in unexpected_exits().
  bool start_node();
  void kill_node();
  void stop_node();
  int node_port() const { return node_port_.load(); }  // 0 while down
  bool node_running() const { return node_ != nullptr; }

  void kill_hq() { hq_.kill_hard(); }
  void start_hq() { hq_.start(); }
  bool hq_running() const { return hq_.running(); }
  void stop_hq() { hq_.stop(); }

  // Moves the store's clock to `shift_ms` from the test day's: the node is
  // restarted on it, and every later kioskctl runs on it.
  void set_clock_shift(EpochMs shift_ms);
  EpochMs clock_shift() const { return clock_shift_.load(); }

  void fill_disk();
  void make_room();
  bool disk_full() const { return disk_full_.load(); }

  // HQ straight, without the proxy (for the final clean sync).
  void point_sync_at_hq_directly();

  const std::string& device_token(int device) const { return device_tokens_.at(device); }
  std::string staff_name(int counter) const;
  std::string staff_pin(int counter) const;
  std::map<std::string, int> proxy_counts() const;
  std::string data_dir() const { return disk_.file("store"); }
  std::string store_db() const { return data_dir() + "/store.db"; }
  test::HqFixture& hq() { return hq_; }
  const std::string& log_dir() const { return logs_.path(); }
  int unexpected_exits() const { return unexpected_exits_.load(); }

 private:
  std::vector<std::string> on_store_clock(std::vector<std::string> argv) const;
  std::string enrol_device(const std::string& kind, const std::string& name);

  test::SmallDisk disk_;
  test::TempDir logs_;  // the node's stderr and kioskctl's, on the machine's disk
  test::HqFixture hq_;
  std::string hq_token_;
  std::unique_ptr<test::FaultProxy> proxy_;
  std::unique_ptr<test::ChildProcess> node_;
  std::atomic<int> node_port_{0};
  std::atomic<EpochMs> clock_shift_{0};
  std::atomic<bool> disk_full_{false};
  std::atomic<int> unexpected_exits_{0};
  std::vector<std::string> device_tokens_;
  StoreSetup setup_;
};

}  // namespace kiosk::soak
