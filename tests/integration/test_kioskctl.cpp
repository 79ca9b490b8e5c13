// kioskctl as an operator uses it: one JSON object per command, exit codes
// 0 / 1 / 2 / 3, clear errors for bad input, and two `kioskctl call` processes
// started at the same moment never getting the same ticket.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "kioskctl_runner.h"
#include "support/child_process.h"
#include "support/temp_dir.h"

using kiosk::test::ChildProcess;
using kiosk::test::kioskctl;
using kiosk::test::Reply;
using kiosk::test::TempDir;
using nlohmann::json;

namespace {

std::string init_store(const TempDir& dir) {
  const std::string data = dir.file("store");
  const Reply init = kioskctl(data, {"init", "--store", "SH-001", "--tz", "Asia/Shanghai"});
  REQUIRE(init.exit_code == 0);
  return data;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST_CASE("a newcomer's session: init, open a counter, issue, call, start, finish, queue, stats") {
  TempDir dir;
  const std::string data = dir.file("store");
  const Reply init = kioskctl(data, {"init", "--store", "SH-001", "--tz", "Asia/Shanghai"});
  CHECK(init.exit_code == 0);
  CHECK(init.body["store"] == "SH-001");
  CHECK(init.body["services"].size() == 8);
  CHECK(kioskctl(data, {"counter", "open", "--counter", "1", "--services", "A,B"}).body["state"] == "open");
  const Reply issued = kioskctl(data, {"issue", "--service", "A"});
  CHECK(issued.exit_code == 0);
  CHECK(issued.body["ticket"] == "A001");
  CHECK(issued.body["people_ahead"] == 0);
  CHECK(issued.body["estimated_wait_min"] == 0);
  CHECK(kioskctl(data, {"issue", "--service", "B", "--priority"}).body["ticket"] == "B001");
  const Reply called = kioskctl(data, {"call", "--counter", "1"});
  CHECK(called.body["ticket"] == "B001");  // priority first
  CHECK(called.body["state"] == "called");
  CHECK(kioskctl(data, {"recall", "--counter", "1"}).body["recalls"] == 1);
  CHECK(kioskctl(data, {"start", "--counter", "1"}).body["state"] == "serving");
  CHECK(kioskctl(data, {"finish", "--counter", "1", "--outcome", "resolved"}).body["outcome"] == "resolved");
  CHECK(kioskctl(data, {"call", "--counter", "1"}).body["ticket"] == "A001");
  CHECK(kioskctl(data, {"transfer", "--counter", "1", "--to", "C"}).body["service"] == "C");
  const Reply queue = kioskctl(data, {"queue"});
  CHECK(queue.body["services"][2]["code"] == "C");
  CHECK(queue.body["services"][2]["waiting"] == 1);
  CHECK(queue.body["services"][0]["zh"] == "咨询");
  CHECK(kioskctl(data, {"pause", "--counter", "1", "--reason", "lunch"}).body["state"] == "paused");
  const Reply stats = kioskctl(data, {"stats"});
  CHECK(stats.exit_code == 0);
  CHECK(stats.body["total"]["tickets"] == 2);
  CHECK(stats.body["total"]["served"] == 1);
  // Both visits showed 0 minutes and were called within seconds.
  CHECK(stats.body["total"]["estimates_scored"] == 2);
  CHECK(stats.body["total"]["estimate_mae_min"].get<double>() < 1.0);
  CHECK(stats.body["total"]["estimate_within_5min_share"] == 1.0);
  CHECK(stats.body["services"]["A"]["estimates_scored"] == 1);
  CHECK(kioskctl(data, {"counters"}).body["counters"].size() == 3);
  const Reply status = kioskctl(data, {"status"});
  CHECK(status.exit_code == 0);
  CHECK(status.body["store"]["id"] == "SH-001");
  CHECK(status.body["store"]["version"].is_string());
  CHECK(status.body["store"]["integrity"] == "ok");
  CHECK(status.body["store"]["database_bytes"].get<std::int64_t>() > 4096);
  CHECK(status.body["store"]["disk_free_bytes"].get<std::int64_t>() > 0);
  CHECK(status.body["sync"]["configured"] == false);
}

TEST_CASE("exit codes: 2 for bad usage and unknown names, 3 for refusals, 1 for storage problems") {
  TempDir dir;
  const std::string data = init_store(dir);
  auto expect = [&](std::vector<std::string> args, int code, const std::string& fragment) {
    const Reply r = kioskctl(data, args);
    CHECK_MESSAGE(r.exit_code == code, args[0] << ": " << r.body.dump());
    REQUIRE(r.body.contains("error"));
    CHECK_MESSAGE(r.body["error"].get<std::string>().find(fragment) != std::string::npos, r.body.dump());
  };
  expect({"frobnicate"}, 2, "unknown command \"frobnicate\"");
  expect({"issue"}, 2, "missing --service");
  expect({"issue", "--service", "Z"}, 2, "unknown service \"Z\"");
  expect({"issue", "--service", "A", "--colour", "red"}, 2, "unknown option --colour");
  expect({"call", "--counter", "x"}, 2, "--counter must be a whole number");
  expect({"call", "--counter", "42"}, 2, "unknown counter 42");
  expect({"call", "--counter", "1"}, 3, "counter 1 is closed");
  expect({"finish", "--counter", "1", "--outcome", "great"}, 2, "unknown outcome \"great\"");
  expect({"counter", "open", "--counter", "1", "--services", "A,,B"}, 2, "empty name");
  expect({"stats", "--day", "yesterday"}, 2, "not a date");
  expect({"issue", "--service", "G", "--priority"}, 3, "does not take priority tickets");
  CHECK(kioskctl(data, {"counter", "open", "--counter", "1", "--services", "A"}).exit_code == 0);
  expect({"call", "--counter", "1"}, 3, "no one is waiting");
  const Reply missing = kioskctl(dir.file("nowhere"), {"queue"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.body["error"].get<std::string>().find("does not exist") != std::string::npos);
}

TEST_CASE("a malformed catalogue is refused naming the line, and the old catalogue stays") {
  TempDir dir;
  const std::string data = init_store(dir);
  const std::string file = dir.file("bad.jsonl");
  std::ofstream(file) << "{\"code\":\"A\",\"zh\":\"咨询\",\"en\":\"Consultation\"}\n"
                      << "# comment\n"
                      << "{\"code\":\"B\",\"zh\":\"投诉\",\"en\":\"Complaints\",\"wait_target_min\":\"soon\"}\n";
  const Reply r = kioskctl(data, {"catalog", "import", file});
  CHECK(r.exit_code == 2);
  CHECK(r.body["error"] == file + " line 3: wait_target_min must be a whole number of minutes");
  CHECK(kioskctl(data, {"queue"}).body["services"].size() == 8);

  std::ofstream(file, std::ios::trunc) << "{\"code\":\"A\",\"zh\":\"咨询\",\"en\":\"Consultation\"}\n"
                                       << "{\"code\":\"K\",\"zh\":\"𠀀 罕见字\",\"en\":\"Rare\"}\n";
  const Reply ok = kioskctl(data, {"catalog", "import", file});
  CHECK(ok.exit_code == 0);
  CHECK(ok.body["imported"] == 2);
  CHECK(kioskctl(data, {"queue"}).body["services"].size() == 2);
  CHECK(kioskctl(data, {"issue", "--service", "K"}).body["ticket"] == "K001");
}

TEST_CASE("a foreign database is refused with exit 1 and left untouched") {
  TempDir dir;
  const std::string data = dir.file("store");
  REQUIRE(mkdir(data.c_str(), 0700) == 0);
  std::ofstream(data + "/store.db", std::ios::binary) << "SQLite format 3" << std::string(200, 'x');
  const std::string before = slurp(data + "/store.db");
  const Reply r = kioskctl(data, {"queue"});
  CHECK(r.exit_code == 1);
  CHECK(!r.body["error"].get<std::string>().empty());
  const Reply init = kioskctl(data, {"init", "--store", "X"});
  CHECK(init.exit_code == 1);
  CHECK(slurp(data + "/store.db") == before);
}

TEST_CASE("two kioskctl call processes started at the same moment never get the same ticket") {
  TempDir dir;
  const std::string data = init_store(dir);
  REQUIRE(kioskctl(data, {"counter", "open", "--counter", "1", "--services", "A"}).exit_code == 0);
  REQUIRE(kioskctl(data, {"counter", "open", "--counter", "2", "--services", "A"}).exit_code == 0);
  for (int round = 0; round < 15; ++round) {
    REQUIRE(kioskctl(data, {"issue", "--service", "A"}).exit_code == 0);
    REQUIRE(kioskctl(data, {"issue", "--service", "A"}).exit_code == 0);
    ChildProcess one({KIOSKCTL_PATH, "--data", data, "call", "--counter", "1"});
    ChildProcess two({KIOSKCTL_PATH, "--data", data, "call", "--counter", "2"});
    const json a = json::parse(one.read_line(std::chrono::seconds(30)).value_or("{}"));
    const json b = json::parse(two.read_line(std::chrono::seconds(30)).value_or("{}"));
    REQUIRE(one.wait() == 0);
    REQUIRE(two.wait() == 0);
    CHECK(a["ticket"] != b["ticket"]);
    REQUIRE(kioskctl(data, {"finish", "--counter", "1", "--outcome", "resolved"}).exit_code == 0);
    REQUIRE(kioskctl(data, {"finish", "--counter", "2", "--outcome", "resolved"}).exit_code == 0);
  }
  CHECK(kioskctl(data, {"stats"}).body["total"]["served"] == 30);
}
