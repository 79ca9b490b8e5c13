// The hq test fixture: a real hq executable and real HTTP.
#include "hq/hq_fixture.h"

#include <sqlite3.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "hq/hq_db.h"
#include "support/pg_server.h"
#include "sync/gzip.h"

#ifndef HQ_PATH
#error "HQ_PATH must name the hq executable"
#endif
#ifndef KIOSKCTL_PATH
#error "KIOSKCTL_PATH must name the kioskctl executable"
#endif

namespace kiosk::test {

std::string HqAnswer::header(const std::string& name) const {
  const auto found = headers.find(name);
  return found == headers.end() ? std::string() : found->second;
}

std::string gzip(const std::string& text) { return gzip_compress(text); }

namespace {

// `args` run with the test's clock `clock_shift_ms` ahead (behind when negative).
std::vector<std::string> shifted(std::vector<std::string> args, EpochMs clock_shift_ms) {
  if (clock_shift_ms != 0) {
    const std::string offset = std::to_string(test_clock_offset_ms() + clock_shift_ms);
    args.insert(args.begin(), {"/usr/bin/env", "KIOSK_TEST_CLOCK_OFFSET_MS=" + offset});
  }
  return args;
}

}  // namespace

CtlReply kioskctl(const std::string& data_dir, std::vector<std::string> args, EpochMs clock_shift_ms) {
  args.insert(args.begin(), {KIOSKCTL_PATH, "--data", data_dir});
  const CommandOutput out = run_command(shifted(std::move(args), clock_shift_ms));
  std::string last;
  std::istringstream lines(out.stdout_text);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) last = line;
  return CtlReply{out.exit_code, Json::parse(last, nullptr, false)};
}

bool hq_tests_on_postgresql() {
  const char* engine = std::getenv("KIOSK_TEST_HQ_ENGINE");
  return engine && std::string(engine) == "postgresql";
}

PgServer& pg_server() {
  static PgServer server;  // one per test process, started on first use, stopped at exit
  return server;
}

std::string new_hq_database(const TempDir& dir, const std::string& name) {
  return hq_tests_on_postgresql() ? pg_server().create_database() : dir.file(name);
}

std::string run_sql(const std::string& db, const std::string& statement) {
  if (hq::is_postgresql_url(db)) {
    std::string out = pg_server().sql(db, statement);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out.substr(0, out.find('\n'));
  }
  sqlite3* handle = nullptr;
  if (sqlite3_open(db.c_str(), &handle) != SQLITE_OK) throw std::runtime_error("cannot open " + db);
  sqlite3_busy_timeout(handle, 10000);  // a serving hq's workers write too
  std::string first;
  sqlite3_stmt* q = nullptr;
  int rc = sqlite3_prepare_v2(handle, statement.c_str(), -1, &q, nullptr);
  if (rc == SQLITE_OK) {
    rc = sqlite3_step(q);
    if (rc == SQLITE_ROW && sqlite3_column_text(q, 0)) first = reinterpret_cast<const char*>(sqlite3_column_text(q, 0));
  }
  const std::string message = sqlite3_errmsg(handle);
  sqlite3_finalize(q);
  sqlite3_close(handle);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) throw std::runtime_error(statement + ": " + message);
  return first;
}

HqFixture::HqFixture(HqEngine engine, const std::string& db_at)
    : db(!db_at.empty()                   ? db_at
         : engine == HqEngine::SqliteFile ? dir.file("hq.db")
                                          : new_hq_database(dir)) {
  if (hq({"store", "add", "--id", "S1", "--name", "Store one"}).exit_code != 0)
    throw std::runtime_error("store add S1 failed");
  if (hq({"store", "add", "--id", "S2", "--name", "Store two"}).exit_code != 0)
    throw std::runtime_error("store add S2 failed");
}

HqFixture::~HqFixture() { stop(); }

HqCommand HqFixture::hq(std::vector<std::string> args) {
  args.insert(args.begin(), HQ_PATH);
  args.push_back("--db");
  args.push_back(db);
  const CommandOutput out = run_command(args);
  HqCommand command{out.exit_code, {}};
  std::istringstream lines(out.stdout_text);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) command.lines.push_back(Json::parse(line, nullptr, false));
  return command;
}

std::string HqFixture::add_device(const std::string& store) {
  const HqCommand added = hq({"device", "add", "--store", store});
  if (added.exit_code != 0 || added.lines.size() != 1) throw std::runtime_error("device add failed");
  return added.lines[0]["token"].get<std::string>();
}

bool HqFixture::on_postgresql() const { return hq::is_postgresql_url(db); }

void HqFixture::migrate_again_from(int version) {
  if (running() || version < 4) throw std::runtime_error("migrate_again_from: stop hq first; schema 4 or later");
  // What each migration from 5 on made, that the migration makes again.
  const std::map<int, std::vector<std::string>> made{
      {5, {"DROP TABLE hq_request", "DROP TABLE console_setting"}},
      {6,
       {"DROP TABLE hq_request_event", "DROP TABLE product_catalog", "DROP INDEX IF EXISTS hq_request_by_record",
        "DROP INDEX IF EXISTS hq_request_by_done", "DROP INDEX IF EXISTS hq_request_by_reopened",
        "ALTER TABLE hq_request DROP COLUMN done_at", "ALTER TABLE hq_request DROP COLUMN reopened_at",
        "ALTER TABLE hq_request DROP COLUMN second_visit"}},
      {7,
       {"DROP INDEX change_log_job", "DROP INDEX change_log_by_technician",
        "ALTER TABLE change_log DROP COLUMN "
        "technician_id",
        "DROP INDEX device_by_technician", "ALTER TABLE device DROP COLUMN technician_id",
        "CREATE TABLE assignment (store_id text NOT NULL, request_code text NOT NULL, technician_id text NOT NULL, "
        "assigned_at bigint NOT NULL, PRIMARY KEY (store_id, request_code))"}},
      {8,
       {"DROP TABLE public_lookup_failure", "DROP TABLE sms_message", "DROP TABLE ticket_phone",
        "DROP TABLE store_queue", "DROP TABLE ticket_page", "DROP TABLE public_setting"}},
      {9, {"DROP TABLE kb_use_day", "DROP TABLE kb_article"}},
      {10, {"DROP TABLE followup_fill", "DROP TABLE complaint", "DROP TABLE followup_call", "DROP TABLE followup"}}};
  for (auto step = made.rbegin(); step != made.rend(); ++step)
    if (step->first > version)
      for (const std::string& statement : step->second) sql(statement);
  sql(on_postgresql() ? "UPDATE hq_meta SET value = '" + std::to_string(version) + "' WHERE key = 'schema_version'"
                      : "PRAGMA user_version = " + std::to_string(version));
  if (hq({"migrate"}).exit_code != 0) throw std::runtime_error("hq migrate failed");
}

namespace {

// `hq --db DB --listen 127.0.0.1:PORT` started; its port once it listens.
int start_hq(std::unique_ptr<ChildProcess>& process, const std::string& db, int port, EpochMs clock_shift_ms) {
  process = std::make_unique<ChildProcess>(
      shifted({HQ_PATH, "--db", db, "--listen", "127.0.0.1:" + std::to_string(port)}, clock_shift_ms));
  const std::optional<std::string> line = process->read_line(std::chrono::seconds(10));
  if (!line) throw std::runtime_error("hq did not start");
  const std::string address = Json::parse(*line)["listening"].get<std::string>();
  return std::stoi(address.substr(address.rfind(':') + 1));
}

}  // namespace

void HqFixture::start(EpochMs clock_shift_ms) { port = start_hq(server_, db, port, clock_shift_ms); }

int HqFixture::start_another() {
  others_.emplace_back();
  return start_hq(others_.back(), db, 0, 0);
}

void HqFixture::stop() {
  for (std::unique_ptr<ChildProcess>& other : others_) {
    other->terminate();
    other->wait();
  }
  others_.clear();
  if (!server_) return;
  server_->terminate();
  server_->wait();
  server_.reset();
}

void HqFixture::kill_hard() {
  if (!server_) return;
  server_->kill_hard();
  server_->wait();
  server_.reset();
}

HqAnswer HqFixture::answer(const httplib::Result& result) { return answer_of(result); }

void add_console_user(HqFixture& hq, const std::string& name, const std::string& role, const std::string& password) {
  const std::string file = hq.dir.file("password-" + name);
  std::ofstream(file) << password << "\n";
  const HqCommand added = hq.hq({"user", "add", "--name", name, "--role", role, "--password-file", file});
  if (added.exit_code != 0) throw std::runtime_error("hq user add " + name + " failed");
}

ConsoleHq::ConsoleHq() {
  add_console_user(hq, "ada", "admin");
  add_console_user(hq, "mia", "manager");
  add_console_user(hq, "dan", "dispatcher");
}

HqAnswer answer_of(const httplib::Result& result) {
  HqAnswer a;
  if (!result) return a;
  a.status = result->status;
  a.raw = result->body;
  a.headers = result->headers;
  a.body = Json::parse(result->body, nullptr, false);
  return a;
}

namespace {
httplib::Headers with_token(const std::string& token, httplib::Headers headers) {
  if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
  return headers;
}
}  // namespace

HqAnswer HqFixture::get(const std::string& token, const std::string& path, const httplib::Headers& extra, int at_port) {
  httplib::Client client("127.0.0.1", at_port ? at_port : port);
  client.set_read_timeout(10, 0);
  return answer(client.Get(path.c_str(), with_token(token, extra)));
}

HqAnswer HqFixture::post(const std::string& token, const std::string& path, const std::string& body,
                         const httplib::Headers& extra, int at_port) {
  httplib::Client client("127.0.0.1", at_port ? at_port : port);
  client.set_read_timeout(10, 0);
  return answer(client.Post(path.c_str(), with_token(token, extra), body, "application/json"));
}

HqAnswer HqFixture::upload(const std::string& token, const Json& body, bool compressed, int at_port) {
  if (!compressed) return post(token, "/sync/v1/upload", body.dump(), {}, at_port);
  return post(token, "/sync/v1/upload", gzip(body.dump()), {{"Content-Encoding", "gzip"}}, at_port);
}

std::vector<Json> HqFixture::exported(const std::string& store, const std::string& kind) {
  HqCommand out = hq({"export", "--store", store, "--kind", kind});
  if (out.exit_code != 0) throw std::runtime_error("export failed");
  return out.lines;
}

HqAnswer ConsoleClient::login(const std::string& name, const std::string& password) {
  httplib::Client client("127.0.0.1", port_);
  client.set_read_timeout(10, 0);
  HqAnswer a = answer_of(
      client.Post("/api/console/v1/session", Json{{"name", name}, {"password", password}}.dump(), "application/json"));
  if (a.status != 200) return a;
  const std::string set = a.header("Set-Cookie");
  cookie = set.substr(0, set.find(';'));
  csrf = a.body.value("csrf", "");
  return a;
}

HqAnswer ConsoleClient::get(const std::string& path, const httplib::Headers& extra) {
  httplib::Client client("127.0.0.1", port_);
  client.set_read_timeout(10, 0);
  httplib::Headers headers = extra;
  if (!cookie.empty()) headers.emplace("Cookie", cookie);
  return answer_of(client.Get(path.c_str(), headers));
}

HqAnswer ConsoleClient::send(const std::string& method, const std::string& path, const std::string& body,
                             httplib::Headers extra) {
  httplib::Client client("127.0.0.1", port_);
  client.set_read_timeout(10, 0);
  if (!cookie.empty()) extra.emplace("Cookie", cookie);
  if (!extra.count("X-CSRF-Token")) extra.emplace("X-CSRF-Token", csrf);
  if (method == "DELETE") return answer_of(client.Delete(path.c_str(), extra, body, "application/json"));
  if (method == "PUT") return answer_of(client.Put(path.c_str(), extra, body, "application/json"));
  return answer_of(client.Post(path.c_str(), extra, body, "application/json"));
}

Json ticket_record(std::int64_t seq, const std::string& id, std::int64_t revision, const std::string& store,
                   const std::string& state, const std::string& label) {
  return Json{{"seq", seq},
              {"kind", "ticket"},
              {"id", id},
              {"revision", revision},
              {"store", store},
              {"data",
               {{"ticket", label},
                {"business_day", "2026-11-23"},
                {"service", label.substr(0, 1)},
                {"state", state},
                {"issued_at", 1795400000000}}}};
}

Json upload_body(const std::string& incarnation, const std::string& batch, const std::vector<Json>& records) {
  return Json{{"incarnation", incarnation}, {"batch", batch}, {"records", records}};
}

}  // namespace kiosk::test
