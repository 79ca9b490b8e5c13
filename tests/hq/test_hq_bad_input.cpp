// Bad input to hq: malformed JSON, wrong types, oversized and bad gzip
// bodies, unknown endpoints. Each gets a clear JSON error and stores nothing.
#include <doctest/doctest.h>

#include "core/random_id.h"
#include "hq/hq_fixture.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

// Nothing of any refused request may be at HQ: no record, nothing parked, no
// seq counted (seq 1 is still new).
void check_nothing_stored(HqFixture& hq, const std::string& token) {
  CHECK(hq.exported("S1", "tickets").empty());
  CHECK(hq.hq({"parked"}).lines.empty());
  const HqAnswer probe = hq.upload(token, upload_body(new_uuid(), "probe", {}));
  CHECK(probe.status == 200);
  CHECK(probe.body["acked_through"] == 0);
}

}  // namespace

TEST_CASE("malformed envelopes are 400 naming the problem, and nothing of them is kept") {
  HqFixture hq;
  const std::string token = hq.add_device("S1"), incarnation = new_uuid();
  hq.start();
  const Json good = ticket_record(1, new_uuid(), 1, "S1");

  struct Case {
    const char* what;
    std::string body;
    const char* code;
    const char* mentions;
  };
  Json seq_text = good;
  seq_text["seq"] = "1";
  Json seq_zero = good;
  seq_zero["seq"] = 0;
  Json store_number = good;
  store_number["store"] = 1;
  const std::vector<Case> cases{
      {"not JSON", "{\"incarnation\": ", "bad-json", "JSON"},
      {"an array", "[1, 2]", "bad-json", "object"},
      {"no records", Json{{"incarnation", incarnation}, {"batch", "b"}}.dump(), "missing-field", "records"},
      {"incarnation not a UUID", upload_body("store-1", "b", {good}).dump(), "bad-field", "incarnation"},
      {"incarnation a number", Json{{"incarnation", 5}, {"batch", "b"}, {"records", {good}}}.dump(), "bad-field",
       "incarnation"},
      {"batch missing", Json{{"incarnation", incarnation}, {"records", {good}}}.dump(), "missing-field", "batch"},
      {"records an object", Json{{"incarnation", incarnation}, {"batch", "b"}, {"records", good}}.dump(), "bad-field",
       "records"},
      {"a record a string", upload_body(incarnation, "b", {good, Json("ticket")}).dump(), "bad-field", "records[1]"},
      {"seq a string", upload_body(incarnation, "b", {seq_text}).dump(), "bad-field", "records[0].seq"},
      {"seq zero", upload_body(incarnation, "b", {seq_zero}).dump(), "bad-field", "records[0].seq"},
      {"store a number", upload_body(incarnation, "b", {store_number}).dump(), "bad-field", "records[0].store"},
      {"seq twice", upload_body(incarnation, "b", {good, good}).dump(), "duplicate-seq", "seq 1"},
      {"batch key too long", upload_body(incarnation, std::string(200, 'k'), {good}).dump(), "bad-field", "batch"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    const HqAnswer answer = hq.post(token, "/sync/v1/upload", c.body);
    CHECK(answer.status == 400);
    CHECK(answer.error_code() == c.code);
    CHECK(answer.body["error"]["message"].get<std::string>().find(c.mentions) != std::string::npos);
  }
  // Over 1000 records in one batch.
  std::vector<Json> many;
  for (int seq = 1; seq <= 1001; ++seq) many.push_back(ticket_record(seq, new_uuid(), seq, "S1"));
  const HqAnswer too_many = hq.upload(token, upload_body(incarnation, "b", many));
  CHECK(too_many.status == 400);
  CHECK(too_many.error_code() == "bad-field");
  check_nothing_stored(hq, token);
}

TEST_CASE("bodies too large as sent or once inflated are 413; a bad gzip body is 400; other encodings 415") {
  HqFixture hq;
  const std::string token = hq.add_device("S1"), incarnation = new_uuid();
  hq.start();

  // 5 MiB of JSON sent plain: over the 4 MiB limit before anything is read.
  Json record = ticket_record(1, new_uuid(), 1, "S1");
  record["data"]["note"] = std::string(5 * 1024 * 1024, 'x');
  const HqAnswer plain = hq.upload(token, upload_body(incarnation, "b", {record}), /*compressed=*/false);
  CHECK(plain.status == 413);
  CHECK(plain.error_code() == "too-large");

  // The same compresses to well under the limit as sent, but inflates past what HQ reads: a
  // 20 MiB record is cut off at 16 MiB.
  record["data"]["note"] = std::string(20 * 1024 * 1024, 'x');
  const std::string bomb = gzip(upload_body(incarnation, "b", {record}).dump());
  CHECK(bomb.size() < 1024 * 1024);  // well under the 4 MiB limit as sent
  const HqAnswer inflated = hq.post(token, "/sync/v1/upload", bomb, {{"Content-Encoding", "gzip"}});
  CHECK(inflated.status == 413);
  CHECK(inflated.error_code() == "too-large");

  const HqAnswer not_gzip = hq.post(token, "/sync/v1/upload", "{\"incarnation\": 1}", {{"Content-Encoding", "gzip"}});
  CHECK(not_gzip.status == 400);
  CHECK(not_gzip.error_code() == "bad-encoding");

  std::string cut = gzip(upload_body(incarnation, "b", {ticket_record(1, new_uuid(), 1, "S1")}).dump());
  cut.resize(cut.size() / 2);
  const HqAnswer truncated = hq.post(token, "/sync/v1/upload", cut, {{"Content-Encoding", "gzip"}});
  CHECK(truncated.status == 400);

  const HqAnswer zstd = hq.post(token, "/sync/v1/upload", "{}", {{"Content-Encoding", "zstd"}});
  CHECK(zstd.status == 415);
  CHECK(zstd.error_code() == "unsupported-encoding");
  check_nothing_stored(hq, token);
}

TEST_CASE("unknown paths, wrong methods, bad queries and commands answer JSON errors") {
  HqFixture hq;
  const std::string token = hq.add_device("S1");
  hq.start();
  const HqAnswer missing = hq.get(token, "/sync/v1/nothing");
  CHECK(missing.status == 404);
  CHECK(missing.error_code() == "not-found");
  const HqAnswer method = hq.get(token, "/sync/v1/upload");
  CHECK(method.status == 405);
  CHECK(method.header("Allow") == "POST");
  for (const char* query : {"after=-1", "after=x", "limit=0", "limit=1001", "after=99999999999999999999"}) {
    CAPTURE(query);
    const HqAnswer bad = hq.get(token, std::string("/sync/v1/changes?") + query);
    CHECK(bad.status == 400);
    CHECK(bad.error_code() == "bad-query");
  }
  const HqAnswer command = hq.post(token, "/sync/v1/commands", "{\"commands\": {}}");
  CHECK(command.status == 400);
  CHECK(command.error_code() == "bad-field");
}

TEST_CASE("hq commands: exit 2 for bad usage and unknown names, 3 for duplicates, 1 for a foreign or newer file") {
  HqFixture hq;
  CHECK(hq.hq({"nonsense"}).exit_code == 2);
  CHECK(hq.hq({"store", "add", "--id", "S3"}).exit_code == 2);                     // --name missing
  CHECK(hq.hq({"store", "add", "--id", "S1", "--name", "again"}).exit_code == 3);  // exists
  CHECK(hq.hq({"device", "add", "--store", "S9"}).exit_code == 2);
  CHECK(hq.hq({"export", "--store", "S1", "--kind", "coupons"}).exit_code == 2);
  CHECK(hq.hq({"staff", "add", "--store", "S1", "--name", "Li", "--pin", "12"}).exit_code == 2);
  const HqCommand error = hq.hq({"store", "add", "--id", "S1", "--name", "again"});
  REQUIRE(error.lines.size() == 1);
  CHECK(error.lines[0]["error"].get<std::string>().find("S1") != std::string::npos);

  // A database of another application is refused and left untouched.
  const std::string foreign = hq.on_postgresql() ? new_hq_database(hq.dir) : hq.dir.file("foreign.db");
  if (hq.on_postgresql()) {
    run_sql(foreign, "CREATE TABLE orders(id int PRIMARY KEY)");
  } else {
    std::FILE* f = std::fopen(foreign.c_str(), "wb");
    std::fputs("not a database at all, just text that is long enough to fill a header of one hundred bytes......", f);
    std::fclose(f);
  }
  const CommandOutput out = run_command({HQ_PATH, "store", "list", "--db", foreign});
  CHECK(out.exit_code == 1);
  CHECK(out.stdout_text.find(hq.on_postgresql() ? "another application" : "not a SQLite database") !=
        std::string::npos);
  if (hq.on_postgresql()) CHECK(run_sql(foreign, "SELECT to_regclass('hq_store') IS NULL") == "t");

  // A database written by a newer hq is refused and left as it was.
  const std::string version_sql =
      hq.on_postgresql() ? "SELECT value FROM hq_meta WHERE key = 'schema_version'" : "PRAGMA user_version";
  hq.sql(hq.on_postgresql() ? "UPDATE hq_meta SET value = '99' WHERE key = 'schema_version'"
                            : "PRAGMA user_version = 99");
  const HqCommand newer = hq.hq({"store", "list"});
  CHECK(newer.exit_code == 1);
  REQUIRE(newer.lines.size() == 1);
  CHECK(newer.lines[0]["error"].get<std::string>().find("newer version") != std::string::npos);
  CHECK(hq.sql(version_sql) == "99");
}
