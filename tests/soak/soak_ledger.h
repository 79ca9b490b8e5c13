// What happened during a store day under faults, written by every thread of
// the soak (customers, counters, the display, the fault schedule) and read by
// the checks at the end: operations and faults counted by kind, every ticket
// and request a customer was shown, every refusal a customer or clerk got.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace kiosk::soak {

// The operation the display counts when /events answers a last_seq below the one before.
inline constexpr const char* kDisplayWentBack = "display events went back";

// A ticket as the customer saw it printed: only after its commit.
struct ShownTicket {
  std::string id;
  std::string label;  // "A012"
  std::string business_day;
};

// What a customer or clerk was told instead of what they asked for.
struct Refusal {
  std::string who;         // "customer", "counter 1", ...
  std::string action;      // "issue", "call", ...
  int status = 0;          // HTTP status, or kioskctl's exit code
  std::string code;        // the API's error.code; kioskctl's code when it gives one
  std::string message;     // the words
  bool disk_full = false;  // the store's disk was full from before the action until after it
};

class SoakLedger {
 public:
  void count_operation(const std::string& kind, std::int64_t n = 1);
  void count_kill(const std::string& process);
  void count_fault(const std::string& kind);
  void add_shown_ticket(ShownTicket ticket);
  void add_shown_request(const std::string& code);
  void add_refusal(Refusal refusal);
  // A thread of the soak itself failed (an answer it could not read): the day fails.
  void add_failure(const std::string& what);

  std::map<std::string, std::int64_t> operations() const;
  std::map<std::string, std::int64_t> kills() const;
  std::map<std::string, std::int64_t> faults() const;
  std::vector<ShownTicket> shown_tickets() const;
  std::vector<std::string> shown_requests() const;
  std::vector<Refusal> refusals() const;
  std::vector<std::string> failures() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::int64_t> operations_, kills_, faults_;
  std::vector<ShownTicket> shown_tickets_;
  std::vector<std::string> shown_requests_;
  std::vector<Refusal> refusals_;
  std::vector<std::string> failures_;
};

}  // namespace kiosk::soak
