// A systemd unit file read the simple way (key=value per section, later lines
// win, Environment= lines collected), and its [Service] ExecStart run the way
// systemd would run it for the tests that cannot have systemd: as an
// unprivileged user, with the unit's environment, supervised by the unit's
// Restart=always, RestartSec= and start limit.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <deque>
#include <map>
#include <string>
#include <vector>

namespace kiosk::test {

struct UnitFile {
  std::map<std::string, std::map<std::string, std::string>> sections;  // [Service] -> ExecStart -> ...
  std::vector<std::string> environment;                                // Environment= of [Service]
  std::string get(const std::string& section, const std::string& key) const;
  double seconds(const std::string& section, const std::string& key) const;  // "30", "2s", "5min"
};

UnitFile read_unit_file(const std::string& path);

// Splits an ExecStart= line into words (no quoting: the project's units use none).
std::vector<std::string> split_words(const std::string& line);

// Restart=always with StartLimitIntervalSec=/StartLimitBurst=: whether one more start is allowed now.
class StartLimit {
 public:
  StartLimit(std::chrono::milliseconds interval, int burst) : interval_(interval), burst_(burst) {}
  bool allow(std::chrono::steady_clock::time_point now);

 private:
  std::chrono::milliseconds interval_;
  int burst_;
  std::deque<std::chrono::steady_clock::time_point> starts_;
};

// Starts argv as the user `nobody` when run as root (cage refuses root), else
// as the caller, with exactly `environment` ("NAME=value"); returns its pid.
pid_t spawn_unprivileged(const std::vector<std::string>& argv, const std::vector<std::string>& environment);

// The pids of every process in the process group `group` (from /proc): the session
// spawn_unprivileged started, including what its children double-forked (Xwayland).
std::vector<pid_t> process_group(pid_t group);

}  // namespace kiosk::test
