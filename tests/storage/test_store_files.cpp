// The store file under hostile conditions: a foreign SQLite file, a damaged
// one, a non-database, a newer schema, a second init, a read-only data dir.
// A refused file must be left byte for byte as it was.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <functional>
#include <sstream>

#include "store/catalog.h"
#include "store/schema.h"
#include "support/test_store.h"

using namespace kiosk;
using kiosk::test::TempDir;
using kiosk::test::TestStore;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_file(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

std::vector<Service> catalog() { return read_catalog_file(test::default_catalog_path()).value(); }

StoreSettings settings() {
  StoreSettings s;
  s.store_id = "S1";
  return s;
}

// Makes a SQLite database with sqlite3 itself, as another program would.
void make_foreign_database(const std::string& path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES ('shopping list');", nullptr,
                       nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

// Runs `body` in a child process as the unprivileged user `nobody`, so that
// file permissions apply even when the tests run as root. Returns the child's
// message (empty when body returned nullopt... which means success).
std::string as_nobody(const std::function<std::string()>& body) {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    close(fds[0]);
    if (getuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(2);
    const std::string message = body();
    if (write(fds[1], message.data(), message.size()) < 0) _exit(3);
    _exit(0);
  }
  close(fds[1]);
  std::string message;
  char chunk[512];
  for (ssize_t got; (got = read(fds[0], chunk, sizeof chunk)) > 0;)
    message.append(chunk, static_cast<std::size_t>(got));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  return message;
}

}  // namespace

TEST_CASE("a SQLite file of another application is refused and left untouched") {
  TempDir dir;
  const std::string path = StoreDb::file_in(dir.path());
  make_foreign_database(path);
  const std::string before = read_file(path);
  auto opened = StoreDb::open(dir.path());
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.error().message.find("another application") != std::string::npos);
  auto created = StoreDb::create(dir.path(), settings(), catalog(), 0);
  REQUIRE_FALSE(created.ok());
  CHECK(created.error().message.find("another application") != std::string::npos);
  CHECK(read_file(path) == before);
}

TEST_CASE("a file that is not a database is refused and left untouched") {
  TempDir dir;
  const std::string path = StoreDb::file_in(dir.path());
  write_file(path, "these are not the tickets you are looking for\n");
  auto opened = StoreDb::open(dir.path());
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.error().message.find("is not a SQLite database") != std::string::npos);
  CHECK(read_file(path) == "these are not the tickets you are looking for\n");
}

TEST_CASE("a damaged store database is refused with a clear message and never overwritten") {
  std::string path, dir_path;
  TestStore s;
  for (int i = 0; i < 300; ++i) s.engine->issue({"A", false, {}}).value();
  s.engine.reset();
  s.store.reset();  // closes and checkpoints
  path = StoreDb::file_in(s.dir.path());
  std::string bytes = read_file(path);
  REQUIRE(bytes.size() > 8192);
  // Scribble over the middle of the file, past the header page.
  for (std::size_t i = bytes.size() / 2; i < bytes.size() / 2 + 3000; ++i) bytes[i] = static_cast<char>(i * 7);
  write_file(path, bytes);
  auto opened = StoreDb::open(s.dir.path());
  REQUIRE_FALSE(opened.ok());
  INFO(opened.error().message);
  CHECK((opened.error().message.find("integrity") != std::string::npos ||
         opened.error().message.find("damaged") != std::string::npos));
  CHECK(read_file(path) == bytes);
  auto again = StoreDb::create(s.dir.path(), settings(), catalog(), 0);
  REQUIRE_FALSE(again.ok());
  CHECK(read_file(path) == bytes);
}

TEST_CASE("a store written by a newer version is refused") {
  TestStore s;
  s.store->db().exec("PRAGMA user_version = " + std::to_string(latest_schema_version() + 1));
  s.engine.reset();
  s.store.reset();
  auto opened = StoreDb::open(s.dir.path());
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.error().message.find("newer version") != std::string::npos);
}

TEST_CASE("init refuses a data dir that already holds a store") {
  TestStore s;
  s.engine->issue({"A", false, {}}).value();
  auto again = StoreDb::create(s.dir.path(), settings(), catalog(), 0);
  REQUIRE_FALSE(again.ok());
  INFO(again.error().message);
  CHECK(again.error().kind == ErrorKind::Refused);
  CHECK(again.error().message.find("already holds store TEST-STORE") != std::string::npos);
}

TEST_CASE("bad settings are refused before anything is created") {
  TempDir dir;
  StoreSettings bad = settings();
  bad.time_zone = "Asia/Atlantis";
  CHECK(StoreDb::create(dir.path(), bad, catalog(), 0).error().message.find("unknown time zone") == 0);
  bad = settings();
  bad.store_id = "";
  CHECK(StoreDb::create(dir.path(), bad, catalog(), 0).error().message == "store id is empty");
  CHECK(StoreDb::open(dir.path()).error().message.find("run kioskctl init first") != std::string::npos);
}

TEST_CASE("a read-only data dir gives a clear message, for init and for an existing store") {
  TempDir base;
  REQUIRE(chmod(base.path().c_str(), 0755) == 0);  // let `nobody` reach the dir inside
  const std::string empty_dir = base.file("readonly-empty");
  REQUIRE(mkdir(empty_dir.c_str(), 0555) == 0);
  std::string message = as_nobody([&] {
    auto created = StoreDb::create(empty_dir, settings(), catalog(), 0);
    return created.ok() ? std::string("created") : created.error().message;
  });
  CHECK(message.find("is not writable") != std::string::npos);

  TestStore s;
  s.engine->issue({"A", false, {}}).value();
  s.engine.reset();
  s.store.reset();
  REQUIRE(chmod(s.dir.path().c_str(), 0555) == 0);
  REQUIRE(chmod(StoreDb::file_in(s.dir.path()).c_str(), 0444) == 0);
  message = as_nobody([&] {
    auto opened = StoreDb::open(s.dir.path());
    return opened.ok() ? std::string("opened") : opened.error().message;
  });
  CHECK(message.find("is not writable") != std::string::npos);
}
