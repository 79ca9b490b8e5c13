// A real child process for integration tests: started with argv, its stdout
// read line by line through a pipe, killable at any moment, waited for.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::test {

class ChildProcess {
 public:
  // Starts argv[0] (a path) with the arguments; stdout is piped, stderr inherited.
  explicit ChildProcess(const std::vector<std::string>& argv);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // The next complete line of stdout, waiting at most `timeout`; nullopt on
  // timeout or end of output. A final line without '\n' is never returned.
  std::optional<std::string> read_line(std::chrono::milliseconds timeout);
  void kill_hard();  // SIGKILL
  void terminate();  // SIGTERM: asks for a clean exit
  int wait();        // exit code, or 128 + signal number
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::string buffer_;
  bool exited_ = false;
  int status_ = 0;
};

// A crash test's round: the lines a process wrote until it was killed.
struct KilledRun {
  std::vector<std::string> lines;  // in order, those written before it died included
  bool killed_mid_run = false;     // the SIGKILL found it still running
};

// Reads `process`'s lines until `kill_after` (from now) has passed, kills it
// with SIGKILL and reads what it had written before it died.
KilledRun read_until_killed(ChildProcess& process, std::chrono::milliseconds kill_after);

struct CommandOutput {
  int exit_code;
  std::string stdout_text;
};

// Runs a command to completion and returns its exit code and stdout.
CommandOutput run_command(const std::vector<std::string>& argv);

}  // namespace kiosk::test
