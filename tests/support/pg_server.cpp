// PgServer over fork/exec: initdb and the postmaster as direct children
// (dropped to the `postgres` user when running as root), readiness read from
// the postmaster.pid status line as pg_ctl does, then confirmed with
// pg_isready; psql for statements. Everything allocated before fork(), since
// tests call this from multi-threaded processes.
#include "support/pg_server.h"

#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <vector>

extern char** environ;

namespace kiosk::test {
namespace {

using Clock = std::chrono::steady_clock;

const std::string kBin = "/usr/lib/postgresql/15/bin/";
constexpr auto kStartTimeout = std::chrono::seconds(30);
constexpr auto kInitdbTimeout = std::chrono::seconds(120);
constexpr auto kSqlTimeout = std::chrono::seconds(120);
constexpr auto kPoll = std::chrono::milliseconds(50);
constexpr int kStartAttempts = 5;

// Who initdb and postgres run as: themselves, or `postgres` when we are root.
struct RunAs {
  bool drop = false;
  uid_t uid = 0;
  gid_t gid = 0;
};

RunAs server_user() {
  RunAs as;
  if (geteuid() != 0) return as;
  passwd entry{};
  passwd* found = nullptr;
  std::vector<char> buffer(16384);
  if (getpwnam_r("postgres", &entry, buffer.data(), buffer.size(), &found) != 0 || !found)
    throw std::runtime_error("running as root, but there is no `postgres` user to run PostgreSQL as");
  as.drop = true;
  as.uid = found->pw_uid;
  as.gid = found->pw_gid;
  return as;
}

// Our environment minus what must not reach PostgreSQL: libfaketime and the
// test clock (some test phases run under them).
std::vector<std::string> child_environment() {
  std::vector<std::string> env;
  for (char** entry = environ; entry && *entry; ++entry) {
    const std::string_view var(*entry);
    if (var.rfind("LD_PRELOAD=", 0) == 0 || var.rfind("FAKETIME", 0) == 0 ||
        var.rfind("KIOSK_TEST_CLOCK_OFFSET_MS=", 0) == 0)
      continue;
    env.emplace_back(var);
  }
  return env;
}

std::vector<char*> pointers(const std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (const std::string& s : strings) out.push_back(const_cast<char*>(s.c_str()));
  out.push_back(nullptr);
  return out;
}

// fork + exec of argv[0] (a full path) with stdout/stderr on the given
// descriptors, stdin on /dev/null, no other descriptors, the scrubbed
// environment; SIGTERM when the forking thread dies.
pid_t spawn(const std::vector<std::string>& args, const RunAs& as, int out_fd, int err_fd, const std::string& cwd) {
  const std::vector<std::string> env = child_environment();
  std::vector<char*> argv = pointers(args);
  std::vector<char*> envp = pointers(env);
  rlimit files{};
  const int max_fd = getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY
                         ? static_cast<int>(std::min<rlim_t>(files.rlim_cur, 65536))
                         : 4096;
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error(std::string("fork failed: ") + std::strerror(errno));
  if (pid > 0) return pid;

  // The child: async-signal-safe calls only from here on.
  const int null_fd = open("/dev/null", O_RDONLY);
  if (null_fd >= 0) dup2(null_fd, STDIN_FILENO);
  dup2(out_fd, STDOUT_FILENO);
  dup2(err_fd, STDERR_FILENO);
  if (close_range(3, ~0U, 0) != 0)
    for (int fd = 3; fd < max_fd; ++fd) close(fd);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  if (as.drop && (setgroups(1, &as.gid) != 0 || setgid(as.gid) != 0 || setuid(as.uid) != 0)) _exit(126);
  // After setuid, which clears the parent-death signal.
  prctl(PR_SET_PDEATHSIG, SIGTERM);
  if (getppid() != parent) _exit(125);  // the parent died before prctl
  if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(124);
  execve(argv[0], argv.data(), envp.data());
  _exit(127);
}

int exit_code(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

// waitpid without blocking past `deadline`; true (and *status) once reaped.
bool reap(pid_t pid, Clock::time_point deadline, int* status) {
  auto pause = std::chrono::microseconds(200);
  for (;;) {
    const pid_t got = waitpid(pid, status, WNOHANG);
    if (got == pid) return true;
    if (got < 0 && errno != EINTR) {
      *status = 0;
      return true;  // not our child any more (someone else reaped it)
    }
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(pause);
    pause = std::min<std::chrono::microseconds>(pause * 2, std::chrono::milliseconds(10));
  }
}

// SIGKILL and a blocking wait: a killed process is always reaped quickly.
void kill_and_reap(pid_t pid) {
  kill(pid, SIGKILL);
  while (waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
  }
}

struct Captured {
  int code = -1;
  bool timed_out = false;
  std::string out;
  std::string err;
};

// Runs a command to completion, collecting stdout and stderr; killed after
// `timeout`.
Captured run_captured(const std::vector<std::string>& args, const RunAs& as, const std::string& cwd,
                      Clock::duration timeout) {
  const Clock::time_point deadline = Clock::now() + timeout;
  int out[2];
  int err[2];
  if (pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  if (pipe2(err, O_CLOEXEC) != 0) {
    close(out[0]);
    close(out[1]);
    throw std::runtime_error("pipe failed");
  }
  pid_t pid = -1;
  try {
    pid = spawn(args, as, out[1], err[1], cwd);
  } catch (...) {
    for (int fd : {out[0], out[1], err[0], err[1]}) close(fd);
    throw;
  }
  close(out[1]);
  close(err[1]);

  Captured result;
  pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_pipes = 2;
  while (open_pipes > 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) {
      result.timed_out = true;
      break;
    }
    const int ready = poll(fds, 2, static_cast<int>(left));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      char chunk[8192];
      const ssize_t got = read(fds[i].fd, chunk, sizeof chunk);
      if (got > 0) {
        sinks[i]->append(chunk, static_cast<std::size_t>(got));
      } else if (got == 0 || errno != EINTR) {
        fds[i].fd = -1;  // poll ignores negative descriptors
        --open_pipes;
      }
    }
  }
  close(out[0]);
  close(err[0]);
  int status = 0;
  if (!result.timed_out && reap(pid, deadline, &status)) {
    result.code = exit_code(status);
  } else {
    result.timed_out = true;
    kill_and_reap(pid);
  }
  return result;
}

// A port that was free a moment ago: bound to 127.0.0.1:0, then closed.
int free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  const bool ok = bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
  close(fd);
  if (!ok) throw std::runtime_error("cannot find a free port on 127.0.0.1");
  return ntohs(address.sin_port);
}

// The postmaster.pid status line (the 8th) says "ready" once the server
// accepts connections; the first line must be our postmaster's pid.
bool pid_file_ready(const std::string& data_dir, pid_t postmaster) {
  std::ifstream file(data_dir + "/postmaster.pid");
  std::string line;
  for (int number = 1; std::getline(file, line); ++number) {
    if (number == 1 && line != std::to_string(postmaster)) return false;
    if (number == 8) return line.rfind("ready", 0) == 0;
  }
  return false;
}

std::string psql_path() {
  const std::string direct = kBin + "psql";  // skips /usr/bin/psql's Perl wrapper
  return access(direct.c_str(), X_OK) == 0 ? direct : "/usr/bin/psql";
}

}  // namespace

bool PgServer::installed() { return access((kBin + "initdb").c_str(), X_OK) == 0; }

std::string PgServer::not_installed_message() { return "PostgreSQL 15 is not installed (Debian package postgresql)"; }

PgServer::PgServer(PgServerOptions options) : options_(options) {
  if (!installed()) throw std::runtime_error(not_installed_message());
  const RunAs as = server_user();
  char pattern[] = "/tmp/kiosk-pg-XXXXXX";
  if (!mkdtemp(pattern)) throw std::runtime_error(std::string("mkdtemp failed: ") + std::strerror(errno));
  dir_ = pattern;
  try {
    if (chmod(dir_.c_str(), 0755) != 0) throw std::runtime_error("chmod failed on " + dir_);
    if (as.drop && chown(dir_.c_str(), as.uid, as.gid) != 0) throw std::runtime_error("chown failed on " + dir_);

    const Captured init = run_captured(
        {kBin + "initdb", "-D", dir_ + "/data", "-A", "trust", "-U", "hq", "-E", "UTF8", "--no-sync", "--locale=C"}, as,
        dir_, kInitdbTimeout);
    std::ofstream(dir_ + "/log", std::ios::app) << init.out << init.err;
    if (init.code != 0)
      throw std::runtime_error("initdb failed (" +
                               (init.timed_out ? "timed out" : "exit " + std::to_string(init.code)) + "):\n" +
                               log_tail());

    std::string error;
    for (int attempt = 0; attempt < kStartAttempts; ++attempt) {
      const int port = free_port();
      if (start(port, &error)) {
        port_ = port;
        return;
      }
    }
    throw std::runtime_error("PostgreSQL did not start in " + std::to_string(kStartAttempts) + " attempts:\n" + error);
  } catch (...) {
    stop();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
    throw;
  }
}

PgServer::~PgServer() {
  try {
    stop();
  } catch (...) {
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

bool PgServer::start(int port, std::string* error) {
  std::vector<std::string> args = {kBin + "postgres",
                                   "-D",
                                   dir_ + "/data",
                                   "-p",
                                   std::to_string(port),
                                   "-k",
                                   dir_,
                                   "-c",
                                   "listen_addresses=127.0.0.1",
                                   "-c",
                                   "max_connections=200"};
  if (!options_.durable)
    for (const char* setting : {"fsync=off", "synchronous_commit=off", "full_page_writes=off"}) {
      args.emplace_back("-c");
      args.emplace_back(setting);
    }
  const int log = open((dir_ + "/log").c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log < 0) throw std::runtime_error("cannot open " + dir_ + "/log");
  try {
    postmaster_ = spawn(args, server_user(), log, log, dir_);
  } catch (...) {
    close(log);
    throw;
  }
  close(log);

  const Clock::time_point deadline = Clock::now() + kStartTimeout;
  for (;;) {
    int status = 0;
    if (waitpid(postmaster_, &status, WNOHANG) == postmaster_) {
      postmaster_ = -1;
      *error = "postgres exited (" + std::to_string(exit_code(status)) + ") on port " + std::to_string(port) +
               "; server log:\n" + log_tail();
      return false;
    }
    if (pid_file_ready(dir_ + "/data", postmaster_)) {
      // Our own Unix socket: no other server can answer there.
      const Captured check = run_captured(
          {kBin + "pg_isready", "-q", "-h", dir_, "-p", std::to_string(port), "-U", "hq", "-d", "postgres"}, {}, "",
          std::chrono::seconds(10));
      if (check.code == 0) return true;
    }
    if (Clock::now() >= deadline) {
      kill_and_reap(postmaster_);
      postmaster_ = -1;
      throw std::runtime_error("PostgreSQL did not accept connections within 30 s on port " + std::to_string(port) +
                               "; server log:\n" + log_tail());
    }
    std::this_thread::sleep_for(kPoll);
  }
}

void PgServer::stop() {
  if (postmaster_ <= 0) return;
  const pid_t pid = postmaster_;
  postmaster_ = -1;
  int status = 0;
  kill(pid, SIGINT);  // fast shutdown: sessions ended, checkpoint, exit
  if (reap(pid, Clock::now() + std::chrono::seconds(60), &status)) return;
  kill(pid, SIGQUIT);  // immediate shutdown
  if (reap(pid, Clock::now() + std::chrono::seconds(10), &status)) return;
  kill_and_reap(pid);
}

void PgServer::restart() {
  stop();
  std::string error;
  if (!start(port_, &error)) throw std::runtime_error("PostgreSQL did not restart: " + error);
}

std::string PgServer::url(const std::string& dbname) const {
  return "postgresql://hq@127.0.0.1:" + std::to_string(port_) + "/" + dbname;
}

std::string PgServer::create_database() {
  const std::string name = "hq_" + std::to_string(++databases_);
  sql(url("postgres"), "CREATE DATABASE " + name);
  return url(name);
}

std::string PgServer::sql(const std::string& url, const std::string& statement) {
  const Captured run = run_captured(
      {psql_path(), "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", statement}, {}, "", kSqlTimeout);
  if (run.timed_out) throw std::runtime_error("psql timed out after 120 s on: " + statement);
  if (run.code != 0)
    throw std::runtime_error("psql failed (exit " + std::to_string(run.code) + ") on: " + statement + "\n" + run.err);
  return run.out;
}

std::string PgServer::log_tail() const {
  std::ifstream file(dir_ + "/log", std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  std::string log = text.str();
  constexpr std::size_t kTail = 4000;
  if (log.size() > kTail) {
    log.erase(0, log.size() - kTail);
    const std::size_t newline = log.find('\n');
    if (newline != std::string::npos) log.erase(0, newline + 1);
  }
  return log;
}

}  // namespace kiosk::test
