// A private X server for one test: Xvfb on the first free display, DISPLAY
// pointed at it, stopped again when the object goes. Tests never draw on the
// developer's own display, and CI needs none.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace kiosk::test {

class XvfbServer {
 public:
  // Starts Xvfb with one `width`x`height`x24 screen and waits until it
  // accepts clients; throws std::runtime_error if it does not start.
  XvfbServer(int width, int height);
  ~XvfbServer();
  XvfbServer(const XvfbServer&) = delete;
  XvfbServer& operator=(const XvfbServer&) = delete;

  const std::string& display() const { return display_; }

 private:
  pid_t pid_ = -1;
  std::string display_;
};

// Runs a program found on PATH with `args` (argv[0] included) and returns its
// exit status, or -1 if it could not be started.
int run_program(const std::vector<std::string>& args);

}  // namespace kiosk::test
