// A fault-injecting HTTP proxy between a store and hq, on 127.0.0.1: each
// request is passed on, or answered 503/429 (Retry-After: 0) or 500 without
// reaching hq, or passed on twice (a duplicated request), or passed on with
// its answer lost (502) or cut short mid-body, or the connection closed
// before any answer, or stalled before answering. Faults are drawn from a
// seeded generator; counts are kept per fault. With several upstreams (hq
// processes, say), requests go to them in turn, and the two copies of a
// duplicated request go to two of them at the same time.
#pragma once

#include <httplib.h>

#include <atomic>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::test {

class FaultProxy {
 public:
  enum class Fault { Pass, Busy503, Slow429, Fail500, Duplicate, AnswerLost, Truncated, Reset, Stall };

  // `fault_share` of requests get a fault (evenly among the kinds).
  FaultProxy(int upstream_port, double fault_share, unsigned seed);
  // Round-robin over `upstream_ports` (at least one).
  FaultProxy(std::vector<int> upstream_ports, double fault_share, unsigned seed);
  ~FaultProxy();
  int port() const { return port_; }
  std::map<Fault, int> counts() const;
  static const char* name(Fault fault);

 private:
  Fault draw();
  void handle(const httplib::Request& req, httplib::Response& res);
  httplib::Result forward(const httplib::Request& req, int upstream_port);
  // Both copies at once to two different upstreams; the first 200 to come
  // back, else the first answer to come back.
  httplib::Result forward_twice(const httplib::Request& req, int first_port, int second_port);

  std::vector<int> upstream_ports_;
  std::atomic<unsigned> next_upstream_{0};
  double fault_share_;
  httplib::Server server_;
  std::thread listener_;
  int port_ = 0;
  mutable std::mutex mutex_;
  std::mt19937 random_;
  std::map<Fault, int> counts_;
};

}  // namespace kiosk::test
