// PtyPrinter: a pseudo terminal standing in for a bidirectional printer. The
// code under test opens device_path(); this side reads what arrives, answers
// the first DLE EOT 4 with a chosen status byte (or stays silent), and keeps
// every byte that follows the query. A status-only printer answers every
// query with the latest set_status_answer (asked again and again while idle).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::printer::test {

class PtyPrinter {
 public:
  // `status_answer`: the byte to answer DLE EOT 4 with, or nullopt for a printer that never answers.
  explicit PtyPrinter(std::optional<std::uint8_t> status_answer);
  static std::unique_ptr<PtyPrinter> status_only(std::uint8_t status_answer);
  void set_status_answer(std::uint8_t status_answer) { status_answer_ = status_answer; }
  ~PtyPrinter();
  PtyPrinter(const PtyPrinter&) = delete;
  PtyPrinter& operator=(const PtyPrinter&) = delete;

  const std::string& device_path() const { return device_path_; }

  // Waits until nothing has arrived for a moment, stops reading, and returns
  // what arrived after the status query.
  std::vector<std::uint8_t> finish();
  bool query_seen() const { return query_seen_; }

 private:
  void read_until_stopped();
  bool take_query(std::vector<std::uint8_t>& pending);
  void answer();

  int master_ = -1;
  int slave_keepalive_ = -1;  // keeps the pty open between the tested code's open and close
  std::string device_path_;
  std::atomic<int> status_answer_;  // -1: never answers
  std::atomic<bool> every_query_{false};
  std::atomic<bool> stop_{false};
  std::atomic<bool> query_seen_{false};
  std::mutex received_mutex_;
  std::vector<std::uint8_t> received_;
  std::thread reader_;
};

}  // namespace kiosk::printer::test
