// SoakLedger: one mutex over counts and lists.
#include "soak/soak_ledger.h"

namespace kiosk::soak {

void SoakLedger::count_operation(const std::string& kind, std::int64_t n) {
  std::lock_guard lock(mutex_);
  operations_[kind] += n;
}

void SoakLedger::count_kill(const std::string& process) {
  std::lock_guard lock(mutex_);
  ++kills_[process];
}

void SoakLedger::count_fault(const std::string& kind) {
  std::lock_guard lock(mutex_);
  ++faults_[kind];
}

void SoakLedger::add_shown_ticket(ShownTicket ticket) {
  std::lock_guard lock(mutex_);
  shown_tickets_.push_back(std::move(ticket));
}

void SoakLedger::add_shown_request(const std::string& code) {
  std::lock_guard lock(mutex_);
  shown_requests_.push_back(code);
}

void SoakLedger::add_refusal(Refusal refusal) {
  std::lock_guard lock(mutex_);
  refusals_.push_back(std::move(refusal));
}

void SoakLedger::add_failure(const std::string& what) {
  std::lock_guard lock(mutex_);
  failures_.push_back(what);
}

std::map<std::string, std::int64_t> SoakLedger::operations() const {
  std::lock_guard lock(mutex_);
  return operations_;
}

std::map<std::string, std::int64_t> SoakLedger::kills() const {
  std::lock_guard lock(mutex_);
  return kills_;
}

std::map<std::string, std::int64_t> SoakLedger::faults() const {
  std::lock_guard lock(mutex_);
  return faults_;
}

std::vector<ShownTicket> SoakLedger::shown_tickets() const {
  std::lock_guard lock(mutex_);
  return shown_tickets_;
}

std::vector<std::string> SoakLedger::shown_requests() const {
  std::lock_guard lock(mutex_);
  return shown_requests_;
}

std::vector<Refusal> SoakLedger::refusals() const {
  std::lock_guard lock(mutex_);
  return refusals_;
}

std::vector<std::string> SoakLedger::failures() const {
  std::lock_guard lock(mutex_);
  return failures_;
}

}  // namespace kiosk::soak
