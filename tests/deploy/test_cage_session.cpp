// The customer kiosk's session as deploy/systemd/kiosk.service defines it, run
// without systemd (CI has none): the unit's ExecStart (cage -- kiosk ...) on
// wlroots' headless backend as an unprivileged user (nobody, when run as
// root), the kiosk laid out as the package installs it, with Xwayland, the unit's
// environment, WATCHDOG_USEC from WatchdogSec= and a NOTIFY_SOCKET; supervised
// with the unit's Restart=always, RestartSec= and start limit. Shows: the
// first frame is drawn (READY=1, sent after the first frame's buffer swap; a
// screenshot of cage's headless output is not possible here: grim's screencopy
// makes wlroots 0.15 fail its output test and gives a black picture), a SIGKILLed kiosk makes cage exit 0 and the
// restart brings the kiosk back. Prints the figures: service start to first frame, crash to first frame again, the
// session's memory (cage + Xwayland + kiosk).
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "notify_socket.h"
#include "support/child_process.h"
#include "support/temp_dir.h"
#include "unit_file.h"

namespace kiosk::test {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

void give_to_nobody(const std::string& path) {
  if (geteuid() == 0) run_command({"/bin/chown", "-R", "nobody:nogroup", path});
}

// The kiosk laid out as the package installs it (PREFIX/bin/kiosk, PREFIX/share/kiosk/assets
// and rime-data) under `prefix`, where the unprivileged user can read it whoever owns the
// build tree. Returns the kiosk's path.
std::string install_kiosk(const std::string& prefix) {
  namespace fs = std::filesystem;
  fs::create_directories(prefix + "/bin");
  fs::create_directories(prefix + "/share/kiosk");
  fs::copy_file(KIOSK_PATH, prefix + "/bin/kiosk");
  fs::copy(KIOSK_SOURCE_DIR "/assets", prefix + "/share/kiosk/assets", fs::copy_options::recursive);
  fs::copy(KIOSK_RIME_DATA, prefix + "/share/kiosk/rime-data", fs::copy_options::recursive);
  return prefix + "/bin/kiosk";
}

// The unit's ExecStart with the installed paths mapped to the test's.
std::vector<std::string> exec_start(const UnitFile& unit, const std::string& kiosk, const std::string& config) {
  std::vector<std::string> argv = split_words(unit.get("Service", "ExecStart"));
  for (std::string& word : argv) {
    if (word == "/usr/bin/kiosk") word = kiosk;
    if (word == "/etc/kiosk/kiosk.toml") word = config;
  }
  return argv;
}

std::string exe_of(pid_t pid) {
  std::error_code error;
  return std::filesystem::read_symlink("/proc/" + std::to_string(pid) + "/exe", error).string();
}

// Proportional set size of the processes, in MiB (shared pages split among their users).
double pss_mib(const std::vector<pid_t>& pids) {
  long kib = 0;
  for (pid_t pid : pids) {
    std::ifstream rollup("/proc/" + std::to_string(pid) + "/smaps_rollup");
    for (std::string line; std::getline(rollup, line);)
      if (line.rfind("Pss:", 0) == 0) kib += std::stol(line.substr(4));
  }
  return double(kib) / 1024;
}

TEST_CASE("kiosk.service's session under cage draws a first frame and comes back after a SIGKILL") {
  const UnitFile unit = read_unit_file(KIOSK_SOURCE_DIR "/deploy/systemd/kiosk.service");
  REQUIRE(unit.get("Service", "Restart") == "always");
  REQUIRE(unit.get("Service", "NotifyAccess") == "all");
  REQUIRE(std::filesystem::exists("/usr/bin/cage"));

  TempDir dir;
  const std::string runtime = dir.file("runtime"), data = dir.file("data"), config = dir.file("kiosk.toml");
  std::filesystem::create_directories(runtime);
  chmod(runtime.c_str(), 0700);
  REQUIRE(
      run_command({KIOSKCTL_PATH, "--data", data, "init", "--store", "CAGE-001", "--tz", "Asia/Shanghai"}).exit_code ==
      0);
  std::ofstream(config) << "data_dir = \"" << data << "\"\n";
  const std::string kiosk_path = install_kiosk(dir.file("usr"));
  give_to_nobody(dir.path());
  chmod(dir.path().c_str(), 0755);
  NotifySocket notify(dir.file("notify.sock"));

  std::vector<std::string> environment = {
      "PATH=/usr/bin:/bin",
      "XDG_RUNTIME_DIR=" + runtime,
      "WLR_BACKENDS=headless",
      "WLR_LIBINPUT_NO_DEVICES=1",
      "WLR_RENDERER=pixman",
      "NOTIFY_SOCKET=" + notify.path(),
      "WATCHDOG_USEC=" + std::to_string(long(unit.seconds("Service", "WatchdogSec") * 1e6))};
  environment.insert(environment.end(), unit.environment.begin(), unit.environment.end());
  const std::vector<std::string> argv = exec_start(unit, kiosk_path, config);
  StartLimit start_limit(milliseconds(long(unit.seconds("Unit", "StartLimitIntervalSec") * 1000)),
                         std::stoi(unit.get("Unit", "StartLimitBurst")));
  const milliseconds restart_delay(long(unit.seconds("Service", "RestartSec") * 1000));

  // [SECTION] start: service start to first frame
  REQUIRE(start_limit.allow(Clock::now()));
  Clock::time_point started = Clock::now();
  pid_t cage = spawn_unprivileged(argv, environment);
  REQUIRE(notify.wait_for("READY=1", Clock::now() + std::chrono::seconds(90)));
  MESSAGE("service start to first frame: " << ms_since(started) << " ms");

  const std::vector<pid_t> session = process_group(cage);
  std::string names;
  for (pid_t pid : session) names += " " + std::filesystem::path(exe_of(pid)).filename().string();
  MESSAGE("session memory (PSS of" << names << "): " << pss_mib(session) << " MiB");
  CHECK(session.size() >= 3);  // cage, Xwayland, kiosk
  pid_t kiosk = 0;
  for (pid_t pid : session)
    if (exe_of(pid) == std::filesystem::canonical(kiosk_path).string()) kiosk = pid;
  REQUIRE(kiosk > 0);

  // [SECTION] crash: SIGKILL the kiosk, cage exits, Restart=always starts it again
  const Clock::time_point crashed = Clock::now();
  REQUIRE(kill(kiosk, SIGKILL) == 0);
  int status = 0;
  REQUIRE(waitpid(cage, &status, 0) == cage);
  MESSAGE("cage after its kiosk was killed: " << (WIFEXITED(status) ? "exit " + std::to_string(WEXITSTATUS(status))
                                                                    : "signal " + std::to_string(WTERMSIG(status))));
  kill(-cage, SIGKILL);  // Xwayland, if cage left it behind
  std::this_thread::sleep_for(restart_delay);
  REQUIRE(start_limit.allow(Clock::now()));
  cage = spawn_unprivileged(argv, environment);
  REQUIRE(notify.wait_for("READY=1", Clock::now() + std::chrono::seconds(90)));
  MESSAGE("crash to first frame again: " << ms_since(crashed) << " ms (RestartSec " << restart_delay.count() << " ms)");
  CHECK(notify.count_pings(milliseconds(1000)) >= 1);  // the new session is supervised too

  kill(-cage, SIGTERM);
  std::this_thread::sleep_for(milliseconds(500));
  kill(-cage, SIGKILL);
  waitpid(cage, &status, 0);
}

TEST_CASE("the start limit refuses a start beyond StartLimitBurst within StartLimitIntervalSec") {
  StartLimit limit(milliseconds(1000), 3);
  const Clock::time_point t = Clock::now();
  CHECK(limit.allow(t));
  CHECK(limit.allow(t + milliseconds(10)));
  CHECK(limit.allow(t + milliseconds(20)));
  CHECK_FALSE(limit.allow(t + milliseconds(30)));
  CHECK(limit.allow(t + milliseconds(1015)));
}

}  // namespace
}  // namespace kiosk::test
