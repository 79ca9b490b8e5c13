// A throw-away PostgreSQL 15 server for one test (or one benchmark): initdb
// into a fresh directory under /tmp, the postmaster started as a child on a
// free 127.0.0.1 port (trust authentication, superuser `hq`), stopped and
// removed again when the object goes. Run as root (CI), initdb and postgres
// run as the `postgres` user. The server gets SIGTERM if the thread that
// started it dies, so a test killed by a ctest timeout takes its server along.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <string>

namespace kiosk::test {

struct PgServerOptions {
  // false: fsync, synchronous_commit and full_page_writes off (tests: fast,
  // nothing survives a machine crash, a server crash is still survived).
  // true: PostgreSQL's defaults (benchmarks: fair to SQLite's synchronous=FULL).
  bool durable = false;
};

class PgServer {
 public:
  // Whether /usr/lib/postgresql/15/bin/initdb exists (tests skip otherwise).
  static bool installed();
  static std::string not_installed_message();  // the reason to give when skipping

  // initdb, then the server started on a free 127.0.0.1 port and waited for
  // (at most 30 s); throws std::runtime_error with the server log's tail.
  explicit PgServer(PgServerOptions options = {});
  ~PgServer();  // stop(), then the whole directory removed
  PgServer(const PgServer&) = delete;
  PgServer& operator=(const PgServer&) = delete;

  int port() const { return port_; }
  const std::string& directory() const { return dir_; }  // data/, log, the Unix socket

  // CREATE DATABASE hq_N (N = 1, 2, ...); returns url("hq_N"). Thread-safe.
  std::string create_database();
  // "postgresql://hq@127.0.0.1:PORT/DBNAME"
  std::string url(const std::string& dbname) const;

  // Fast shutdown (SIGINT), waiting until the postmaster is gone; does
  // nothing if it is not running. Not concurrent with other calls.
  void stop();
  // Starts the server again on the same port and data; throws
  // std::runtime_error if it does not come up.
  void restart();
  bool running() const { return postmaster_ > 0; }
  pid_t pid() const { return postmaster_; }  // the postmaster's; its backends are its children

  // Runs one statement (or several, separated by ';') through
  // `psql -X -A -t -q -v ON_ERROR_STOP=1`; returns psql's stdout unchanged
  // (unaligned, no headers: "1\n" for SELECT 1). Throws std::runtime_error
  // with psql's stderr if psql fails. Thread-safe.
  std::string sql(const std::string& url, const std::string& statement);

 private:
  // Starts the postmaster on `port` and waits until it accepts connections.
  // Returns false (postmaster reaped, *error set) if it did not come up.
  bool start(int port, std::string* error);
  std::string log_tail() const;

  PgServerOptions options_;
  std::string dir_;
  int port_ = 0;
  pid_t postmaster_ = -1;
  std::atomic<int> databases_{0};
};

}  // namespace kiosk::test
