// A real `hq` for tests: its database (an SQLite file in a temp dir, or, with
// KIOSK_TEST_HQ_ENGINE=postgresql, a fresh database on this process's
// throw-away PostgreSQL server), administration through the `hq` executable itself, the server as a child process on
// 127.0.0.1 at a free port, and an HTTP client (cpp-httplib) that sends raw bodies, gzip or plain, with a device's
// token.
#pragma once

#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/clock.h"
#include "support/child_process.h"
#include "support/temp_dir.h"

namespace kiosk::test {

using Json = nlohmann::json;

struct HqAnswer {
  int status = 0;  // 0: no answer
  Json body;       // parsed JSON (discarded when the body was not JSON)
  std::string raw;
  httplib::Headers headers;
  std::string header(const std::string& name) const;
  std::string error_code() const {
    return body.is_object() && body.contains("error") ? body["error"].value("code", "") : "";
  }
};

struct HqCommand {
  int exit_code = 0;
  std::vector<Json> lines;  // each stdout line parsed
};

// gzip of `text` (RFC 1952), as a device sends its upload.
std::string gzip(const std::string& text);

struct CtlReply {
  int exit_code = 0;
  Json body;  // the one JSON object kioskctl printed
};
// `kioskctl --data DIR ARGS`, its clock `clock_shift_ms` away from the test's
// (a store whose clock is wrong, a record made hours ago).
CtlReply kioskctl(const std::string& data_dir, std::vector<std::string> args, EpochMs clock_shift_ms = 0);

// A new empty HQ database for the engine the tests run on: a file in `dir`, or
// a new database on this process's PostgreSQL server (started on first use).
std::string new_hq_database(const TempDir& dir, const std::string& name = "hq.db");
bool hq_tests_on_postgresql();
class PgServer;
PgServer& pg_server();  // this process's PostgreSQL server, started on first use

// Runs SQL on a database of either engine, past hq (a foreign or newer
// database too); the first column of the first row as text, "" without one.
std::string run_sql(const std::string& db, const std::string& statement);

enum class HqEngine {
  OfThisRun,   // SQLite, or PostgreSQL with KIOSK_TEST_HQ_ENGINE=postgresql
  SqliteFile,  // always a file (the source of hq copy)
};

class HqFixture {
 public:
  // A database with stores S1 and S2; the server is not started.
  // `db_at`: this database instead (a file on a SmallDisk, or the URL of a
  // database on a PostgreSQL server of the test's own).
  explicit HqFixture(HqEngine engine = HqEngine::OfThisRun, const std::string& db_at = {});
  ~HqFixture();

  HqCommand hq(std::vector<std::string> args);       // runs `hq ARGS --db DB`
  std::string add_device(const std::string& store);  // its token
  std::string sql(const std::string& statement) { return run_sql(db, statement); }
  bool on_postgresql() const;
  // The stopped server's database as schema `version` had it (the later
  // migrations' tables dropped, records kept) and `hq migrate` run again.
  void migrate_again_from(int version);

  // `hq --db DB --listen 127.0.0.1:PORT`; port 0 takes a free one, a later
  // start reuses the same port (stores keep their configured URL). Its clock
  // runs `clock_shift_ms` ahead of the test's.
  void start(EpochMs clock_shift_ms = 0);
  // Another `hq --listen` on the same database, at a free port (several
  // processes, one database); returns its port. stop() stops it too.
  int start_another();
  void stop();       // SIGTERM, waits
  void kill_hard();  // SIGKILL, waits
  bool running() const { return server_ != nullptr; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }

  // To the server started first, or to the one at `at_port`.
  HqAnswer get(const std::string& token, const std::string& path, const httplib::Headers& extra = {}, int at_port = 0);
  HqAnswer post(const std::string& token, const std::string& path, const std::string& body,
                const httplib::Headers& extra = {}, int at_port = 0);
  HqAnswer upload(const std::string& token, const Json& body, bool compressed = true, int at_port = 0);

  std::vector<Json> exported(const std::string& store, const std::string& kind);

  TempDir dir;
  std::string db;  // the file or the URL
  int port = 0;

 private:
  HqAnswer answer(const httplib::Result& result);
  std::unique_ptr<ChildProcess> server_;
  std::vector<std::unique_ptr<ChildProcess>> others_;
};

// A browser's part against the console's API at `port`: it keeps the session
// cookie and sends the CSRF token with every change, as the console's pages do.
class ConsoleClient {
 public:
  explicit ConsoleClient(int port) : port_(port) {}
  // POST /api/console/v1/session; on 200 keeps the cookie and the CSRF token.
  HqAnswer login(const std::string& name, const std::string& password);
  HqAnswer get(const std::string& path, const httplib::Headers& extra = {});
  // A change: the CSRF token is sent unless `extra` has its own.
  HqAnswer send(const std::string& method, const std::string& path, const std::string& body = "{}",
                httplib::Headers extra = {});
  std::string cookie;  // "hq_session=TOKEN", "" before a login
  std::string csrf;

 private:
  int port_;
};

// A console user made with `hq user add` (the password through a file).
constexpr const char* kConsolePassword = "correct horse battery";
void add_console_user(HqFixture& hq, const std::string& name, const std::string& role,
                      const std::string& password = kConsolePassword);

// An hq with one console user of each role: ada (admin), mia (manager), dan (dispatcher).
struct ConsoleHq {
  HqFixture hq;
  ConsoleHq();
};

// An hq answer from cpp-httplib's result (status 0 without one).
HqAnswer answer_of(const httplib::Result& result);

// Upload records for tests.
Json ticket_record(std::int64_t seq, const std::string& id, std::int64_t revision, const std::string& store,
                   const std::string& state = "waiting", const std::string& label = "A001");
Json upload_body(const std::string& incarnation, const std::string& batch, const std::vector<Json>& records);

}  // namespace kiosk::test
