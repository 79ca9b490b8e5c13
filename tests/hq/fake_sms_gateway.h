// A fake SMS gateway for the reminder tests: a cpp-httplib server on
// 127.0.0.1 (a port the OS picks) that records every POST it receives (the
// JSON body and the Authorization header) and answers by script: the next
// statuses in order, then 200.
#pragma once

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::test {

class FakeSmsGateway {
 public:
  struct Received {
    nlohmann::json body;  // {"to", "text", "id"}
    std::string authorization;
    int answered;  // the status it got
  };

  FakeSmsGateway();
  ~FakeSmsGateway();  // stops and joins
  FakeSmsGateway(const FakeSmsGateway&) = delete;
  FakeSmsGateway& operator=(const FakeSmsGateway&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/send"; }
  // The answers to the next requests, in order; 200 after them.
  void script(std::vector<int> statuses);
  std::vector<Received> received() const;
  // Waits until at least `count` requests came, at most `limit`; true if they did.
  bool wait_for(std::size_t count, std::chrono::seconds limit = std::chrono::seconds(20)) const;

 private:
  httplib::Server server_;
  std::thread listener_;
  int port_ = 0;
  mutable std::mutex mutex_;
  mutable std::condition_variable arrived_;
  std::deque<int> script_;
  std::vector<Received> received_;
};

}  // namespace kiosk::test
