// Xvfb started with -displayfd, so it picks a free display number itself and
// writes it to a pipe once it is ready.
#include "support/xvfb_server.h"

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

extern char** environ;

namespace kiosk::test {
namespace {

pid_t spawn(const std::vector<std::string>& args, const posix_spawn_file_actions_t* actions) {
  std::vector<char*> argv;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  pid_t pid = -1;
  if (posix_spawnp(&pid, argv[0], actions, nullptr, argv.data(), environ) != 0) return -1;
  return pid;
}

}  // namespace

XvfbServer::XvfbServer(int width, int height) {
  int ready[2];
  if (pipe(ready) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addclose(&actions, ready[0]);
  const std::string screen = std::to_string(width) + "x" + std::to_string(height) + "x24";
  pid_ = spawn({"Xvfb", "-displayfd", std::to_string(ready[1]), "-screen", "0", screen, "-nolisten", "tcp"}, &actions);
  posix_spawn_file_actions_destroy(&actions);
  close(ready[1]);
  if (pid_ < 0) {
    close(ready[0]);
    throw std::runtime_error("cannot start Xvfb (is the xvfb package installed?)");
  }

  std::string number;
  pollfd wait_ready{ready[0], POLLIN, 0};
  char c = 0;
  while (poll(&wait_ready, 1, 30'000) == 1 && read(ready[0], &c, 1) == 1 && c != '\n') number += c;
  close(ready[0]);
  if (number.empty()) {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
    throw std::runtime_error("Xvfb did not report a display number");
  }
  display_ = ":" + number;
  setenv("DISPLAY", display_.c_str(), 1);
}

XvfbServer::~XvfbServer() {
  kill(pid_, SIGTERM);
  waitpid(pid_, nullptr, 0);
}

int run_program(const std::vector<std::string>& args) {
  const pid_t pid = spawn(args, nullptr);
  if (pid < 0) return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

}  // namespace kiosk::test
