// PtyPrinter: posix_openpt master side read on a thread.
#include "pty_printer.h"

#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>

namespace kiosk::printer::test {

namespace {
const std::vector<std::uint8_t> kStatusQuery{0x10, 0x04, 0x04};
}

PtyPrinter::PtyPrinter(std::optional<std::uint8_t> status_answer)
    : status_answer_(status_answer ? *status_answer : -1) {
  master_ = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (master_ < 0 || ::grantpt(master_) != 0 || ::unlockpt(master_) != 0) throw std::runtime_error("cannot open a pty");
  device_path_ = ::ptsname(master_);
  slave_keepalive_ = ::open(device_path_.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (slave_keepalive_ < 0) throw std::runtime_error("cannot open " + device_path_);
  reader_ = std::thread([this] { read_until_stopped(); });
}

std::unique_ptr<PtyPrinter> PtyPrinter::status_only(std::uint8_t status_answer) {
  auto printer = std::make_unique<PtyPrinter>(status_answer);
  printer->every_query_ = true;
  return printer;
}

PtyPrinter::~PtyPrinter() {
  stop_ = true;
  if (reader_.joinable()) reader_.join();
  ::close(slave_keepalive_);
  ::close(master_);
}

bool PtyPrinter::take_query(std::vector<std::uint8_t>& pending) {
  if (pending.size() < kStatusQuery.size()) return false;
  if (!std::equal(kStatusQuery.begin(), kStatusQuery.end(), pending.begin())) return true;  // no query: all is data
  pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(kStatusQuery.size()));
  answer();
  return true;
}

void PtyPrinter::answer() {
  query_seen_ = true;
  const int status = status_answer_;
  if (status < 0) return;
  const std::uint8_t byte = static_cast<std::uint8_t>(status);
  (void)!::write(master_, &byte, 1);
}

void PtyPrinter::read_until_stopped() {
  std::vector<std::uint8_t> pending;  // bytes before the query has been recognised
  bool query_handled = false;
  int quiet_polls = 0;
  while (!(stop_ && quiet_polls >= 5)) {
    pollfd entry{master_, POLLIN, 0};
    if (::poll(&entry, 1, 20) <= 0 || !(entry.revents & POLLIN)) {
      ++quiet_polls;
      continue;
    }
    quiet_polls = 0;
    std::uint8_t buffer[4096];
    const ssize_t got = ::read(master_, buffer, sizeof buffer);
    if (got <= 0) continue;
    if (every_query_) {  // only queries are expected: answer each
      pending.insert(pending.end(), buffer, buffer + got);
      while (pending.size() >= kStatusQuery.size() &&
             std::equal(kStatusQuery.begin(), kStatusQuery.end(), pending.begin())) {
        pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(kStatusQuery.size()));
        answer();
      }
      continue;
    }
    if (query_handled) {
      std::lock_guard lock(received_mutex_);
      received_.insert(received_.end(), buffer, buffer + got);
      continue;
    }
    pending.insert(pending.end(), buffer, buffer + got);
    if (take_query(pending)) {
      query_handled = true;
      std::lock_guard lock(received_mutex_);
      received_.insert(received_.end(), pending.begin(), pending.end());
    }
  }
}

std::vector<std::uint8_t> PtyPrinter::finish() {
  stop_ = true;
  if (reader_.joinable()) reader_.join();
  std::lock_guard lock(received_mutex_);
  return received_;
}

}  // namespace kiosk::printer::test
