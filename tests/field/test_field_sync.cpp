// The field tablet's sync round (FieldSyncSession) against a scripted HQ in
// the process: the order of a round (signatures, steps, feed, purge), the
// bodies as the protocol has them, retries and replayed answers doubling
// nothing, a revoked tablet wiped, and answers no honest HQ gives believed
// in nothing. The tablet is a real file; HQ's own side is tested with hq.
#include <doctest/doctest.h>

#include <deque>

#include "field/field_sync.h"
#include "field_fixture.h"
#include "support/gunzip.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

struct Sent {
  std::string path;
  Json body;  // null for a GET
};

// HQ as a script: each request takes the next answer (a response, or a
// transport failure); every request is kept with its body.
class ScriptedHq final : public SyncTransport {
 public:
  std::deque<Result<TransportResponse>> answers;
  std::vector<Sent> sent;
  Result<TransportResponse> get(const std::string& path, const HeaderFields&) override { return next({path, nullptr}); }
  Result<TransportResponse> post_gzip_json(const std::string& path, const std::string& gzip_body,
                                           const HeaderFields&) override {
    return next({path, Json::parse(gunzip(gzip_body))});
  }
  std::vector<std::string> paths() const {
    std::vector<std::string> all;
    for (const Sent& s : sent) all.push_back(s.path);
    return all;
  }

 private:
  Result<TransportResponse> next(Sent request) {
    sent.push_back(std::move(request));
    if (answers.empty()) return unavailable("no more scripted answers", "transport");
    Result<TransportResponse> r = answers.front();
    answers.pop_front();
    return r;
  }
};

constexpr EpochMs kHqAhead = 90'000;  // HQ's clock runs 90 s ahead of the tablet's

TransportResponse answer(long status, const Json& body, std::int64_t wire_bytes = 500) {
  return {status, body.dump(), std::nullopt, wire_bytes};
}
Json ack(std::int64_t through, EpochMs hq_time) {
  return {{"acked_through", through}, {"received", 1},     {"applied", 1}, {"parked", Json::array()},
          {"duplicate_batch", false}, {"hq_time", hq_time}};
}
Json feed(const Json& changes, std::int64_t last_seq, bool more, EpochMs hq_time) {
  return {{"changes", changes}, {"last_seq", last_seq}, {"more", more}, {"hq_time", hq_time}};
}
Json results(std::initializer_list<Json> list, EpochMs hq_time) { return {{"results", list}, {"hq_time", hq_time}}; }
Json applied(const std::string& id, const std::string& status, int version) {
  return {{"id", id}, {"outcome", "applied"}, {"status", status}, {"version", version}, {"code", ""}, {"message", ""}};
}
Json hq_error(const std::string& code) { return {{"error", {{"code", code}, {"message", "from the script"}}}}; }

// A configured tablet with its technician, jobs 1 (assigned, v3) and 2 (on-site, v6), feed read through seq 3.
struct Round : FieldFixture {
  Round() {
    feed(changes(1, {staff_entry(), job_entry(1, "assigned", 3), job_entry(2, "on-site", 6)}));
    REQUIRE(FieldLink(*field, clock).configure("http://hq.example:8800", "token").ok());
  }
  EpochMs hq() const { return clock.now_ms() + kHqAhead; }
  FieldSyncReport run(int attempts = 4) {
    SyncOptions options;
    options.attempts = attempts;
    return FieldSyncSession(
               *field, clock, hq_script, options, [](std::chrono::milliseconds) {}, this->options)
        .run_round();
  }
  FieldLinkStatus status() { return FieldLink(*field, clock).status().value(); }
  std::string step_id(int seq) {
    Statement& q = field->db().prepare("SELECT id FROM job_step WHERE seq = ?1");
    q.bind(1, seq);
    REQUIRE(q.step());
    std::string id = q.text(0);
    q.reset();
    return id;
  }
  ScriptedHq hq_script;
};

}  // namespace

TEST_CASE("a round: the signature first, then the steps one per request per body, then the feed to its end") {
  Round r;
  REQUIRE(r.book->take_step({request_id(1), RequestState::OnTheWay, "", "", {}}).ok());
  REQUIRE(r.book->take_step({request_id(1), RequestState::OnSite, "", "", {}}).ok());
  REQUIRE(r.book->complete({request_id(2), "cleaned", "", true, std::nullopt, png_bytes()}).ok());
  const std::string incarnation = r.status().incarnation;
  r.hq_script.answers = {
      answer(200, ack(1, r.hq())),
      answer(200, results({applied(r.step_id(1), "on-the-way", 4), applied(r.step_id(3), "done", 7)}, r.hq())),
      answer(200, results({applied(r.step_id(2), "on-site", 5)}, r.hq())),
      answer(200, feed(changes(4, {job_entry(3, "assigned", 2)}), 4, true, r.hq())),
      answer(200, feed(Json::array(), 9, false, r.hq())),
  };
  const FieldSyncReport report = r.run();
  CHECK(r.hq_script.paths() == std::vector<std::string>{"/sync/v1/upload", "/sync/v1/commands", "/sync/v1/commands",
                                                        "/sync/v1/changes?after=3&limit=200",
                                                        "/sync/v1/changes?after=4&limit=200"});
  const Json& upload = r.hq_script.sent[0].body;
  CHECK(upload["incarnation"] == incarnation);
  CHECK(upload["batch"] == incarnation + ":1-1");
  REQUIRE(upload["records"].size() == 1);
  const Json& record = upload["records"][0];
  CHECK(record["seq"] == 1);
  CHECK(record["revision"] == 1);
  CHECK(record["kind"] == "signature");
  CHECK(record["store"] == "S1");
  CHECK(record["data"]["request"] == request_id(2));
  CHECK(record["data"]["code"] == "RJOB-102");
  CHECK(record["data"]["png"].get<std::string>().size() == (png_bytes().size() + 2) / 3 * 4);

  const Json& first = r.hq_script.sent[1].body["commands"];
  REQUIRE(first.size() == 2);  // job 1's oldest step and job 2's; job 1's next waits for the next body
  CHECK(first[0] == Json{{"id", r.step_id(1)},
                         {"store", "S1"},
                         {"request", "RJOB-101"},
                         {"action", "on-the-way"},
                         {"from_version", 3},
                         {"at", r.clock.now_ms()},
                         {"data", {{"from", "assigned"}, {"actor", kTechnicianName}}}});
  CHECK(first[1]["action"] == "done");
  CHECK(first[1]["data"]["signature"] == record["id"]);  // the signature went first
  CHECK(r.hq_script.sent[2].body["commands"][0]["action"] == "on-site");

  CHECK(report.complete);
  CHECK_FALSE(report.error);
  CHECK(report.requests == 5);
  CHECK(report.uploaded == 1);
  CHECK(report.commands == 3);
  CHECK(report.commands_refused == 0);
  CHECK(report.changes == 1);
  CHECK(report.wire_bytes == 5 * 500);
  CHECK(report.bytes_sent > 0);
  CHECK(report.bytes_received > 0);
  CHECK(report.clock_offset_ms == kHqAhead);
  const FieldLinkStatus after = r.status();
  CHECK(after.acked_through == 1);
  CHECK(after.changes_after == 9);
  CHECK(after.last_sync_at == r.clock.now_ms());
  CHECK(after.last_error.empty());
  CHECK(after.clock_offset_ms == kHqAhead);
  CHECK(r.count("SELECT count(*) FROM signature") == 0);  // HQ holds it
  CHECK(r.job(1).state == RequestState::OnSite);
  CHECK(r.job(1).version == 5);
  CHECK(r.job(3).code == "RJOB-103");
  CHECK(r.book->waiting_count().value().total() == 0);

  // A day later by HQ's clock, the done job's customer details go with the round.
  r.clock.advance_ms(24 * 3600 * 1000);
  r.hq_script.answers = {answer(200, feed(Json::array(), 9, false, r.hq()))};
  const FieldSyncReport next = r.run();
  CHECK(r.hq_script.sent.back().path == "/sync/v1/changes?after=9&limit=200");  // nothing to send: one GET
  CHECK(next.requests == 1);
  CHECK(next.purged == 1);
  CHECK(r.job(2).purged);
}

TEST_CASE("retries: a lost answer and a 503 re-send the same bodies; nothing is doubled") {
  Round r;
  REQUIRE(r.book->complete({request_id(2), "cleaned", "", true, std::nullopt, png_bytes()}).ok());
  TransportResponse busy = answer(503, hq_error("busy"));
  busy.retry_after_s = 1;
  r.hq_script.answers = {
      unavailable("connection reset", "transport"),  // HQ applied the batch; its answer was lost
      answer(200, ack(1, r.hq())),
      busy,
      answer(200, results({applied(r.step_id(1), "done", 7)}, r.hq())),
      answer(200, feed(Json::array(), 3, false, r.hq())),
  };
  const FieldSyncReport report = r.run();
  CHECK(report.complete);
  CHECK(report.requests == 5);
  REQUIRE(r.hq_script.sent.size() == 5);
  CHECK(r.hq_script.sent[0].body == r.hq_script.sent[1].body);  // the same batch key and records
  CHECK(r.hq_script.sent[2].body == r.hq_script.sent[3].body);  // the same command id
  CHECK(report.uploaded == 1);
  CHECK(report.commands == 1);
  CHECK(r.status().acked_through == 1);
  CHECK(r.count("SELECT count(*) FROM job_step WHERE outcome = 'applied'") == 1);

  // HQ answering that command again (a proxy replaying it) and its feed page again: nothing moves twice.
  CHECK(r.book->record_results(Json::array({applied(r.step_id(1), "done", 7)}), r.hq()).value().decided == 0);
  r.hq_script.answers = {answer(200, feed(changes(3, {job_entry(2, "on-site", 6)}), 3, false, r.hq()))};
  const FieldSyncReport replay = r.run();
  CHECK_FALSE(replay.complete);  // a change at or below the cursor: the feed is out of order
  CHECK(replay.error->code == "bad-answer");
  CHECK(r.job(2).state == RequestState::Done);
  CHECK(r.job(2).version == 7);
}

TEST_CASE("HQ refusing the tablet as revoked wipes it; later rounds send nothing; another refusal wipes nothing") {
  SUBCASE("unknown-device") {
    Round r;
    REQUIRE(r.book->take_step({request_id(1), RequestState::OnTheWay, "", "", {}}).ok());
    r.hq_script.answers = {answer(401, hq_error("unknown-device"))};
    const FieldSyncReport report = r.run();
    CHECK(report.refused);
    CHECK_FALSE(report.wiped);
    CHECK(r.book->jobs().value().size() == 2);
    CHECK(r.book->log_in(kTechnicianName, kPin).ok());
  }
  SUBCASE("revoked-device") {
    Round r;
    REQUIRE(r.book->complete({request_id(2), "cleaned", "", true, std::nullopt, png_bytes()}).ok());
    r.hq_script.answers = {answer(401, hq_error("revoked-device"))};
    const FieldSyncReport report = r.run();
    CHECK(report.refused);
    CHECK(report.refusal_code == "revoked-device");
    CHECK(report.wiped);
    CHECK_FALSE(report.complete);
    CHECK(report.requests == 1);  // a refusal is not retried
    CHECK(r.book->jobs().value().empty());
    CHECK(r.count("SELECT count(*) FROM signature") == 0);
    CHECK(r.book->log_in(kTechnicianName, kPin).error().code == "device-revoked");
    CHECK(r.status().revoked);
    CHECK(r.status().last_error.find("revoked-device") != std::string::npos);
    const FieldSyncReport later = r.run();
    CHECK(r.hq_script.sent.size() == 1);
    CHECK(later.error->code == "device-revoked");
  }
}

TEST_CASE("HQ acknowledging less than it was sent stops the round; nothing is acknowledged or deleted") {
  Round r;
  REQUIRE(r.book->complete({request_id(2), "cleaned", "", true, std::nullopt, png_bytes()}).ok());
  r.hq_script.answers = {answer(200, ack(0, r.hq()))};
  const FieldSyncReport report = r.run();
  CHECK_FALSE(report.complete);
  CHECK(report.error->code == "hq-gap");
  CHECK(r.hq_script.sent.size() == 1);  // no commands before HQ holds the signature
  CHECK(r.status().acked_through == 0);
  CHECK(r.count("SELECT count(*) FROM signature") == 1);
  CHECK(r.status().last_error.find("acknowledged only through") != std::string::npos);
}

TEST_CASE("a batch HQ finds too large is sent again halved, from the same place") {
  Round r;
  r.feed(changes(4, {job_entry(3, "on-site", 6), job_entry(4, "on-site", 6)}));
  for (int n : {2, 3, 4})
    REQUIRE(r.book->complete({request_id(n), "cleaned", "", true, std::nullopt, png_bytes()}).ok());
  r.hq_script.answers = {answer(413, hq_error("too-large")), answer(200, ack(1, r.hq())), answer(200, ack(2, r.hq())),
                         answer(200, ack(3, r.hq()))};
  const FieldSyncReport report = r.run();
  REQUIRE(r.hq_script.sent.size() >= 4);
  CHECK(r.hq_script.sent[0].body["records"].size() == 3);
  CHECK(r.hq_script.sent[1].body["records"].size() == 1);
  CHECK(r.hq_script.sent[1].body["batch"].get<std::string>().ends_with(":1-1"));
  CHECK(r.hq_script.sent[3].body["batch"].get<std::string>().ends_with(":3-3"));
  CHECK(report.uploaded == 3);
  CHECK(r.status().acked_through == 3);
}

TEST_CASE("a step HQ cannot place yet (unknown-request) waits: the round is not complete, the step goes next time") {
  Round r;
  REQUIRE(r.book->take_step({request_id(1), RequestState::OnTheWay, "", "", {}}).ok());
  const Json unknown{{"id", r.step_id(1)}, {"outcome", "rejected"},     {"status", ""},
                     {"version", 0},       {"code", "unknown-request"}, {"message", "not synced yet"}};
  r.hq_script.answers = {answer(200, results({unknown}, r.hq())), answer(200, feed(Json::array(), 3, false, r.hq()))};
  const FieldSyncReport report = r.run();
  CHECK_FALSE(report.complete);
  CHECK_FALSE(report.error);
  CHECK(report.commands == 0);
  CHECK(r.book->waiting_count().value().steps == 1);
  CHECK(r.job(1).state == RequestState::OnTheWay);
  CHECK(r.book->untold().value().empty());
}

TEST_CASE("a feed page the tablet cannot take stops the round: nothing of it taken, the cursor stays") {
  Round r;
  Json broken = job_entry(3, "assigned", 2);
  broken.erase("state");
  r.hq_script.answers = {answer(200, feed(changes(4, {job_entry(4, "assigned", 1), broken}), 5, false, r.hq()))};
  const FieldSyncReport report = r.run();
  CHECK_FALSE(report.complete);
  CHECK(report.error->code == "bad-change");
  CHECK(report.error->message.find("state") != std::string::npos);
  CHECK(r.status().changes_after == 3);
  CHECK(r.book->job(request_id(4)).error().code == "unknown-job");
}
