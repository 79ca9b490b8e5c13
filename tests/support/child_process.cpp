// ChildProcess over fork/exec, pipe and poll.
#include "support/child_process.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

namespace kiosk::test {

ChildProcess::ChildProcess(const std::vector<std::string>& argv) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
    execv(args[0], args.data());
    _exit(127);
  }
  close(fds[1]);
  stdout_fd_ = fds[0];
}

ChildProcess::~ChildProcess() {
  if (!exited_) {
    kill_hard();
    wait();
  }
  if (stdout_fd_ >= 0) close(stdout_fd_);
}

std::optional<std::string> ChildProcess::read_line(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const std::size_t newline = buffer_.find('\n');
    if (newline != std::string::npos) {
      std::string line = buffer_.substr(0, newline);
      buffer_.erase(0, newline + 1);
      return line;
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::nullopt;
    pollfd p{stdout_fd_, POLLIN, 0};
    const int ready = poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return std::nullopt;
    char chunk[4096];
    const ssize_t got = read(stdout_fd_, chunk, sizeof chunk);
    if (got <= 0) return std::nullopt;
    buffer_.append(chunk, static_cast<std::size_t>(got));
  }
}

void ChildProcess::terminate() {
  if (!exited_) ::kill(pid_, SIGTERM);
}

void ChildProcess::kill_hard() {
  if (!exited_) ::kill(pid_, SIGKILL);
}

int ChildProcess::wait() {
  if (!exited_) {
    while (waitpid(pid_, &status_, 0) < 0 && errno == EINTR) {
    }
    exited_ = true;
  }
  if (WIFEXITED(status_)) return WEXITSTATUS(status_);
  return 128 + WTERMSIG(status_);
}

CommandOutput run_command(const std::vector<std::string>& argv) {
  ChildProcess child(argv);
  std::string out;
  while (std::optional<std::string> line = child.read_line(std::chrono::seconds(120))) out += *line + "\n";
  return {child.wait(), out};
}

KilledRun read_until_killed(ChildProcess& process, std::chrono::milliseconds kill_after) {
  KilledRun run;
  const auto kill_at = std::chrono::steady_clock::now() + kill_after;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(kill_at - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    std::optional<std::string> line = process.read_line(left);
    if (!line) break;
    run.lines.push_back(std::move(*line));
  }
  process.kill_hard();
  run.killed_mid_run = process.wait() == 128 + 9;
  while (std::optional<std::string> line = process.read_line(std::chrono::milliseconds(0)))
    run.lines.push_back(std::move(*line));
  return run;
}

}  // namespace kiosk::test
