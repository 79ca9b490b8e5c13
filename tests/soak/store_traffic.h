// A store day's traffic, from seeded generators, one thread each: two
// customers taking tickets and making requests as kioskctl processes (some
// SIGKILLed mid-run), the clerks of counters 1 and 2 working through the
// node's API (log in, call, recall, start, finish, no-show), and a display
// polling the call events and the queue. Everything a customer was shown and
// every refusal goes into the ledger.
#pragma once

#include <array>
#include <atomic>
#include <thread>
#include <vector>

#include "soak/soak_ledger.h"
#include "soak/store_under_test.h"

namespace kiosk::soak {

class StoreTraffic {
 public:
  StoreTraffic(StoreUnderTest& store, SoakLedger& ledger, unsigned seed);
  ~StoreTraffic();  // stops and joins
  StoreTraffic(const StoreTraffic&) = delete;
  StoreTraffic& operator=(const StoreTraffic&) = delete;

  void start();
  void stop();
  // The counter's session ends at the node (as an expiry or a restart of the
  // PC would end it); its clerk finds out on the next action and logs in again.
  void drop_session(int counter) { drop_session_.at(counter - 1) = true; }

 private:
  void customer(unsigned seed);
  void counter(int number, unsigned seed);
  void display(unsigned seed);
  bool stopping() const { return stop_.load(); }

  StoreUnderTest& store_;
  SoakLedger& ledger_;
  unsigned seed_;
  std::atomic<bool> stop_{false};
  std::array<std::atomic<bool>, StoreUnderTest::kCounters> drop_session_{};
  std::vector<std::thread> threads_;
};

}  // namespace kiosk::soak
