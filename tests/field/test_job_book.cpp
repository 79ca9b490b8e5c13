// The field tablet's jobs on a real SQLite file (JobBook, FieldDb): the file
// itself, offline login with the store's lockout, the lifecycle checked on
// the tablet, steps applied at once and queued, HQ's answers winning and
// told in words, jobs taken away, the purge by HQ's clock and the wipe.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "field/field_schema.h"
#include "field_fixture.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

constexpr EpochMs kHour = 3600 * 1000;
constexpr EpochMs kYear = 365 * 24 * kHour;

// A tablet with its technician and jobs 1 (assigned, v3), 2 (on-site, v6).
struct Tablet : FieldFixture {
  Tablet() { feed(changes(1, {staff_entry(), job_entry(1, "assigned", 3), job_entry(2, "on-site", 6)})); }
  std::vector<OutgoingStep> next_steps() { return FieldLink(*field, clock).next_steps(100).value(); }
  // HQ's answer to one step.
  static Json result(const std::string& id, const std::string& outcome, const std::string& status, int version,
                     const std::string& code = "", const std::string& message = "") {
    return Json{{"id", id},           {"outcome", outcome}, {"status", status},
                {"version", version}, {"code", code},       {"message", message}};
  }
  CommandTally answer(const Json& results, EpochMs hq_time) { return book->record_results(results, hq_time).value(); }
};

}  // namespace

// [SECTION] The file

TEST_CASE("the tablet's file: its own application id, WAL, synchronous FULL, an incarnation kept across opening") {
  FieldFixture f;
  CHECK(f.field->db().pragma_int("application_id") == kFieldApplicationId);
  CHECK(f.field->db().pragma_int("user_version") == latest_field_schema_version());
  CHECK(f.field->db().pragma_int("synchronous") == 2);
  Statement& mode = f.field->db().prepare("PRAGMA journal_mode");
  REQUIRE(mode.step());
  CHECK(mode.text(0) == "wal");
  mode.reset();
  const std::string incarnation = FieldLink(*f.field, f.clock).status().value().incarnation;
  CHECK(incarnation.size() == 36);
  f.reopen();
  CHECK(FieldLink(*f.field, f.clock).status().value().incarnation == incarnation);
  CHECK(FieldDb::file_in(f.dir.path()) == f.dir.path() + "/technician.db");
}

TEST_CASE("customers' details and signatures are sealed at rest: the file alone, or another tablet's key, shows none") {
  Tablet t;
  REQUIRE(t.book->complete({request_id(2), "cleaned", "", true, std::nullopt, png_bytes()}).ok());
  CHECK(t.job(1).data["phone"] == "13800138000");  // the technician reads them
  CHECK(t.job(1).data["contact_name"] == "王先生");
  const auto file_holds = [&](const std::string& needle) {
    for (const char* file : {"technician.db", "technician.db-wal"}) {
      std::ifstream in(t.dir.file(file), std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (bytes.find(needle) != std::string::npos) return true;
    }
    return false;
  };
  for (const std::string& needle :
       std::vector<std::string>{"13800138000", "1 Long Road", "blows warm air", png_bytes().substr(8, 64)})
    CHECK_MESSAGE(!file_holds(needle), "in the clear: " << needle);
  CHECK(file_holds("KFR-35GW"));  // what is not the customer's stays readable (the check can see)

  // The database copied to a tablet with another key: the jobs without their customers.
  TempDir other;
  std::filesystem::copy_file(t.dir.file("technician.db"), other.file("technician.db"));
  std::filesystem::copy_file(t.dir.file("technician.db-wal"), other.file("technician.db-wal"));
  auto copied = FieldDb::open(other.path(), t.clock.now_ms());
  REQUIRE(copied.ok());
  const FieldJob stolen = JobBook(*copied.value(), t.clock).job(request_id(1)).value();
  CHECK(stolen.data["model"] == "KFR-35GW");
  CHECK_FALSE(stolen.data.contains("phone"));
  CHECK(FieldLink(*copied.value(), t.clock).pending_records(0, 10, 1 << 20).value().at(0).data.empty());

  // A key file that is not 32 bytes is refused, and left as it is.
  std::ofstream(other.file("technician.key"), std::ios::trunc) << "short";
  CHECK_FALSE(FieldDb::open(other.path(), t.clock.now_ms()).ok());
  CHECK(std::filesystem::file_size(other.file("technician.key")) == 5);
}

TEST_CASE("a file written by a newer program, or of another application, is refused untouched") {
  FieldFixture f;
  f.field->db().exec("PRAGMA user_version = " + std::to_string(latest_field_schema_version() + 1));
  f.book.reset();
  f.field.reset();
  Result<std::unique_ptr<FieldDb>> newer = FieldDb::open(f.dir.path(), f.clock.now_ms());
  REQUIRE_FALSE(newer.ok());
  CHECK(newer.error().message.find("newer version") != std::string::npos);
  {
    Database raw(FieldDb::file_in(f.dir.path()), Database::Mode::OpenExisting, kFieldApplicationId);
    CHECK(raw.pragma_int("user_version") == latest_field_schema_version() + 1);  // left as it was
  }

  TempDir other;
  { Database store(other.file("technician.db"), Database::Mode::CreateIfMissing, 0x4B534B31); }  // a store's 'KSK1'
  Result<std::unique_ptr<FieldDb>> foreign = FieldDb::open(other.path(), f.clock.now_ms());
  REQUIRE_FALSE(foreign.ok());
  CHECK(foreign.error().message.find("another application") != std::string::npos);

  TempDir text;
  std::ofstream(text.file("technician.db")) << "not a database at all, but long enough to have a header......"
                                               "..................................................";
  CHECK_FALSE(FieldDb::open(text.path(), f.clock.now_ms()).ok());
}

// [SECTION] Logging in

TEST_CASE("the technician logs in offline; five wrong PINs lock him out for five minutes, told the minutes left") {
  FieldFixture f;
  CHECK(f.book->log_in(kTechnicianName, kPin).error().code == "not-set-up");
  f.feed(changes(1, {staff_entry()}));
  const Result<FieldTechnician> in = f.book->log_in(kTechnicianName, kPin);
  REQUIRE(in.ok());
  CHECK(in.value().id == kTechnicianId);
  CHECK(f.book->log_in("Wang", kPin).error().code == "wrong-pin");
  for (int i = 0; i < 5; ++i) CHECK(f.book->log_in(kTechnicianName, "1111").error().code == "wrong-pin");
  const Error locked = f.book->log_in(kTechnicianName, kPin).error();
  CHECK(locked.code == "locked-out");
  CHECK(locked.message.find("try again in 5 minutes") != std::string::npos);
  f.clock.advance_s(4 * 60 + 30);
  CHECK(f.book->log_in(kTechnicianName, kPin).error().message.find("try again in 1 minute") != std::string::npos);
  f.clock.advance_s(31);
  CHECK(f.book->log_in(kTechnicianName, kPin).ok());
  // A right PIN reset the count: four wrong ones do not lock.
  for (int i = 0; i < 4; ++i) CHECK(f.book->log_in(kTechnicianName, "1111").error().code == "wrong-pin");
  CHECK(f.book->log_in(kTechnicianName, kPin).ok());
}

TEST_CASE("a lockout set by a clock later put back a year does not lock the technician out for a year") {
  FieldFixture f;
  f.feed(changes(1, {staff_entry()}));
  for (int i = 0; i < 5; ++i) CHECK(f.book->log_in(kTechnicianName, "1111").error().code == "wrong-pin");
  CHECK(f.book->log_in(kTechnicianName, kPin).error().code == "locked-out");
  f.clock.advance_ms(-kYear);
  CHECK(f.book->log_in(kTechnicianName, kPin).ok());
}

TEST_CASE("a new PIN from HQ ends the lockout; a retired technician and another's staff entry are refused") {
  FieldFixture f;
  f.feed(changes(1, {staff_entry()}));
  for (int i = 0; i < 5; ++i) (void)f.book->log_in(kTechnicianName, "1111");
  CHECK(f.book->log_in(kTechnicianName, kPin).error().code == "locked-out");
  f.feed(changes(2, {staff_entry(kTechnicianId, "7777")}));
  CHECK(f.book->log_in(kTechnicianName, "7777").ok());
  CHECK(f.book->log_in(kTechnicianName, kPin).error().code == "wrong-pin");
  // Another staff member's entry is not this tablet's: ignored, not taken.
  Json other = staff_entry("9c0d6a4e-1111-4222-8333-444455556666", "1234");
  other["name"] = "Zhang Wei";
  const Json page = changes(3, {other});
  CHECK(f.book->apply_feed(page, 3, f.clock.now_ms()).value() == 0);
  CHECK(f.book->log_in("Zhang Wei", "1234").error().code == "wrong-pin");
  f.feed(changes(4, {staff_entry(kTechnicianId, "7777", /*active=*/false)}));
  CHECK(f.book->log_in(kTechnicianName, "7777").error().code == "retired");
  CHECK(f.count("SELECT count(*) FROM technician WHERE pin_hash <> ''") == 0);
  CHECK(FieldLink(*f.field, f.clock).status().value().changes_after == 4);
}

// [SECTION] Jobs and steps

TEST_CASE("the job list: open jobs first, by visit day (scheduled, else preferred), each with HQ's whole entry") {
  FieldFixture f;
  f.feed(changes(1, {staff_entry(), job_entry(1, "done", 9, "2026-11-20"), job_entry(2, "assigned", 3, "2026-12-09"),
                     job_entry(3, "on-the-way", 5, "2026-12-20"), job_entry(4, "cancelled", 4, "2026-11-01")}));
  REQUIRE(f.book->take_step({request_id(2), RequestState::Scheduled, "", "2026-12-01", TimeWindow::Afternoon}).ok());
  const std::vector<FieldJob> jobs = f.book->jobs().value();
  REQUIRE(jobs.size() == 4);
  CHECK(jobs[0].request_id == request_id(2));  // scheduled 2026-12-01
  CHECK(jobs[0].scheduled_date == "2026-12-01");
  CHECK(jobs[0].scheduled_window == TimeWindow::Afternoon);
  CHECK(jobs[1].request_id == request_id(3));  // preferred 2026-12-20
  CHECK(jobs[2].request_id == request_id(4));  // over: by day too
  CHECK(jobs[3].request_id == request_id(1));
  CHECK(jobs[1].data["contact_name"] == "王先生");
  CHECK(jobs[1].data["product"]["en"] == "Air conditioner");
  CHECK(f.book->job("nope").error().code == "unknown-job");
}

TEST_CASE("a step is checked by the lifecycle on the tablet, applied to the job at once and queued as a command") {
  Tablet t;
  CHECK(t.book->take_step({request_id(1), RequestState::Cancelled, "", "", {}}).error().code == "office-step");
  CHECK(t.book->take_step({request_id(1), RequestState::Done, "", "", {}}).error().code == "use-complete");
  CHECK(t.book->take_step({request_id(1), RequestState::WaitingForParts, "", "", {}}).error().code ==
        "illegal-transition");
  CHECK(
      t.book->take_step({request_id(1), RequestState::Scheduled, "", "12/01/2026", TimeWindow::Morning}).error().code ==
      "scheduled-date");
  CHECK(t.book->take_step({request_id(1), RequestState::OnTheWay, "bad\x01note", "", {}}).error().code ==
        "note-control-character");
  CHECK(t.book->take_step({request_id(9), RequestState::OnTheWay, "", "", {}}).error().code == "unknown-job");
  CHECK(t.count("SELECT count(*) FROM job_step") == 0);  // nothing refused was stored

  const FieldJob moved = t.book->take_step({request_id(1), RequestState::OnTheWay, "leaving now", "", {}}).value();
  CHECK(moved.state == RequestState::OnTheWay);
  CHECK(moved.version == 4);
  CHECK(moved.steps_waiting == 1);
  REQUIRE(t.book->take_step({request_id(1), RequestState::OnSite, "", "", {}}).ok());
  CHECK(t.job(1).version == 5);
  CHECK(t.book->waiting_count().value().steps == 2);

  const std::vector<OutgoingStep> steps = t.next_steps();  // one per request: the oldest
  REQUIRE(steps.size() == 1);
  CHECK(steps[0].request_code == "RJOB-101");
  CHECK(steps[0].store == "S1");
  CHECK(steps[0].action == "on-the-way");
  CHECK(steps[0].from_version == 3);
  CHECK(steps[0].at == t.clock.now_ms());
  CHECK(steps[0].data == Json{{"note", "leaving now"}, {"from", "assigned"}, {"actor", kTechnicianName}});
}

TEST_CASE("HQ's conflict: the job takes HQ's state, the later steps are dropped, the technician is told once") {
  Tablet t;
  REQUIRE(t.book->take_step({request_id(1), RequestState::OnTheWay, "", "", {}}).ok());
  REQUIRE(t.book->take_step({request_id(1), RequestState::OnSite, "", "", {}}).ok());
  const std::string first = t.next_steps().at(0).id;
  const EpochMs hq_time = t.clock.now_ms() + 5000;
  const CommandTally tally = t.answer(Json::array({Tablet::result(first, "conflict", "scheduled", 4, "version-conflict",
                                                                  "the request is at version 4")}),
                                      hq_time);
  CHECK(tally.decided == 1);
  CHECK(tally.refused == 1);
  const FieldJob job = t.job(1);
  CHECK(job.state == RequestState::Scheduled);
  CHECK(job.version == 4);
  CHECK(job.steps_waiting == 0);
  CHECK(t.next_steps().empty());

  const std::vector<StepNotice> notices = t.book->untold().value();
  REQUIRE(notices.size() == 2);
  CHECK(notices[0].step_id == first);
  CHECK(notices[0].outcome == "conflict");
  CHECK(notices[0].message_key == "field.step.conflict");
  CHECK(notices[0].text == "the office changed this job first; your step 'on the way' was not kept");
  CHECK(notices[0].decided_at == hq_time);
  CHECK(notices[1].outcome == "dropped");
  CHECK(notices[1].outcome_code == "after-refusal");
  CHECK(notices[1].text == "the office changed this job first; your step 'on site' was not kept");
  REQUIRE(t.book->mark_told(notices[0].step_id).ok());
  REQUIRE(t.book->mark_told(notices[1].step_id).ok());
  CHECK(t.book->untold().value().empty());
  CHECK(t.book->mark_told("no-such-step").error().code == "unknown-step");
  // The same answer again (a retried request) decides nothing twice.
  CHECK(t.answer(Json::array({Tablet::result(first, "conflict", "scheduled", 4)}), hq_time).decided == 0);
}

TEST_CASE("a job the office cancelled: the technician's step is told in words, the job is cancelled") {
  Tablet t;
  REQUIRE(t.book->take_step({request_id(1), RequestState::OnSite, "", "", {}}).ok());
  const std::string id = t.next_steps().at(0).id;
  t.answer(Json::array({Tablet::result(id, "conflict", "cancelled", 4, "version-conflict")}), t.clock.now_ms());
  CHECK(t.job(1).state == RequestState::Cancelled);
  const std::vector<StepNotice> notices = t.book->untold().value();
  REQUIRE(notices.size() == 1);
  CHECK(notices[0].message_key == "field.step.cancelled");
  CHECK(notices[0].text == "the office cancelled this job; your step 'on site' was not kept");
}

TEST_CASE("applied steps settle the version; unknown-request waits; a rejection without a status goes back") {
  Tablet t;
  REQUIRE(t.book->take_step({request_id(1), RequestState::OnTheWay, "", "", {}}).ok());
  REQUIRE(t.book->take_step({request_id(2), RequestState::WaitingForParts, "", "", {}}).ok());
  std::vector<OutgoingStep> steps = t.next_steps();
  REQUIRE(steps.size() == 2);
  const CommandTally tally = t.answer(Json::array({Tablet::result(steps[0].id, "applied", "on-the-way", 4),
                                                   Tablet::result(steps[1].id, "rejected", "", 0, "unknown-request")}),
                                      t.clock.now_ms());
  CHECK(tally.decided == 1);
  CHECK(t.job(1).steps_waiting == 0);
  CHECK(t.job(2).steps_waiting == 1);
  CHECK(t.book->untold().value().empty());  // applied is nothing to tell, unknown-request is not decided
  t.answer(Json::array({Tablet::result(steps[1].id, "rejected", "", 0, "bad-state", "no such state")}),
           t.clock.now_ms());
  const FieldJob back = t.job(2);
  CHECK(back.state == RequestState::OnSite);
  CHECK(back.version == 6);
  const std::vector<StepNotice> notices = t.book->untold().value();
  REQUIRE(notices.size() == 1);
  CHECK(notices[0].text == "HQ refused your step 'waiting for parts': no such state");
}

TEST_CASE("an older feed entry does not undo the technician's waiting step; HQ's answer then wins") {
  Tablet t;
  REQUIRE(t.book->take_step({request_id(1), RequestState::OnTheWay, "", "", {}}).ok());  // v3 -> v4
  Json older = job_entry(1, "assigned", 3);
  older["phone"] = "13900139000";
  t.feed(changes(10, {older}));
  CHECK(t.job(1).state == RequestState::OnTheWay);  // the tablet's state stays
  CHECK(t.job(1).version == 4);
  CHECK(t.job(1).data["phone"] == "13900139000");  // the rest of HQ's entry is taken
  // Even a newer one waits while the step does: HQ's answer to the step settles it.
  t.feed(changes(11, {job_entry(1, "scheduled", 4)}));
  CHECK(t.job(1).state == RequestState::OnTheWay);
  const std::string id = t.next_steps().at(0).id;
  t.answer(Json::array({Tablet::result(id, "conflict", "scheduled", 4, "version-conflict")}), t.clock.now_ms());
  CHECK(t.job(1).state == RequestState::Scheduled);
  // With nothing waiting, the feed is taken, but never backwards.
  t.feed(changes(12, {job_entry(1, "assigned", 3)}));
  CHECK(t.job(1).state == RequestState::Scheduled);
  t.feed(changes(13, {job_entry(1, "on-the-way", 5)}));
  CHECK(t.job(1).state == RequestState::OnTheWay);
  CHECK(t.job(1).version == 5);
}

TEST_CASE("a job given to another technician is removed; its waiting steps are reported as reassigned") {
  Tablet t;
  REQUIRE(t.book->take_step({request_id(1), RequestState::OnTheWay, "", "", {}}).ok());
  REQUIRE(t.book->take_step({request_id(1), RequestState::OnSite, "", "", {}}).ok());
  t.feed(changes(20, {reassigned_entry(1)}));
  CHECK(t.book->job(request_id(1)).error().code == "unknown-job");
  CHECK(t.book->jobs().value().size() == 1);
  CHECK(t.next_steps().empty());
  CHECK(t.book->waiting_count().value().total() == 0);
  const std::vector<StepNotice> notices = t.book->untold().value();
  REQUIRE(notices.size() == 2);
  CHECK(notices[0].outcome == "dropped");
  CHECK(notices[0].outcome_code == "reassigned");
  CHECK(notices[0].code == "RJOB-101");
  CHECK(notices[0].text == "the job was given to another technician; your step 'on the way' was not kept");
  // A job HQ gives back is a job again.
  t.feed(changes(21, {job_entry(1, "assigned", 5)}));
  CHECK(t.job(1).state == RequestState::Assigned);
}

TEST_CASE("completing a job: the step, the signature and its outbox row in one transaction; bad input stores nothing") {
  Tablet t;
  CompletionInput done{request_id(2), "replaced-part", "new compressor", true, RatingInput{5, {"fast"}, "", {}},
                       png_bytes()};
  CompletionInput bad = done;
  bad.resolution = "";
  CHECK(t.book->complete(bad).error().code == "resolution");
  bad = done;
  bad.signature_png = "GIF89a....";
  CHECK(t.book->complete(bad).error().code == "signature-not-png");
  bad = done;
  bad.signature_png = png_bytes(64 * 1024 + 1);
  CHECK(t.book->complete(bad).error().code == "signature-too-large");
  bad = done;
  bad.rating = RatingInput{6, {}, "", {}};
  CHECK(t.book->complete(bad).error().code == "bad-score");
  bad = done;
  bad.request_id = request_id(1);  // assigned: not on site yet
  CHECK(t.book->complete(bad).error().code == "illegal-transition");
  CHECK(t.count("SELECT count(*) FROM job_step") + t.count("SELECT count(*) FROM signature") +
            t.count("SELECT count(*) FROM outbox") ==
        0);

  const FieldJob finished = t.book->complete(done).value();
  CHECK(finished.state == RequestState::Done);
  CHECK(finished.version == 7);
  const OutgoingStep step = t.next_steps().at(0);
  CHECK(step.action == "done");
  CHECK(step.data["resolution"] == "replaced-part");
  CHECK(step.data["confirmed_by_customer"] == true);
  CHECK(step.data["rating"] == Json{{"score", 5}, {"reasons", {"fast"}}, {"comment", ""}});
  const std::vector<FieldRecord> records = FieldLink(*t.field, t.clock).pending_records(0, 100, 1 << 20).value();
  REQUIRE(records.size() == 1);
  CHECK(records[0].seq == 1);
  CHECK(records[0].kind == "signature");
  CHECK(records[0].id == step.data["signature"]);
  CHECK(records[0].store == "S1");
  CHECK(records[0].data["request"] == request_id(2));
  CHECK(records[0].data["code"] == "RJOB-102");
  CHECK(records[0].data["png"].get<std::string>().rfind("iVBORw0KGgo", 0) == 0);  // base64 of the PNG signature
  CHECK(t.book->waiting_count().value().records == 1);
}

// [SECTION] Purge and wipe

TEST_CASE("the purge counts by HQ's clock: a device clock a year off changes nothing") {
  for (const EpochMs device_off_by : {kYear, -kYear, EpochMs{0}}) {
    CAPTURE(device_off_by);
    Tablet t;
    const EpochMs hq_start = t.clock.now_ms();
    t.clock.advance_ms(device_off_by);  // the tablet's clock is wrong; its last round measured by how much
    REQUIRE(FieldLink(*t.field, t.clock).record_round(true, "", -device_off_by).ok());
    CHECK(t.book->hq_now().value() == hq_start);

    REQUIRE(t.book->complete({request_id(2), "cleaned", "", true, std::nullopt, ""}).ok());
    const std::string id = t.next_steps().at(0).id;
    t.answer(Json::array({Tablet::result(id, "applied", "done", 7)}), hq_start);  // final_at: HQ's clock
    CHECK(t.book->purge(t.book->hq_now().value()).value() == 0);
    t.clock.advance_ms(23 * kHour);
    CHECK(t.book->purge(t.book->hq_now().value()).value() == 0);
    t.clock.advance_ms(2 * kHour);
    CHECK(t.book->purge(t.book->hq_now().value()).value() == 1);
    const FieldJob purged = t.job(2);
    CHECK(purged.purged);
    for (const char* field : {"contact_name", "phone", "address", "description"})
      CHECK_FALSE(purged.data.contains(field));
    CHECK(purged.data["product"]["en"] == "Air conditioner");  // what statistics need stays
    CHECK(t.count("SELECT count(*) FROM job_step WHERE data <> '{}'") == 0);
    CHECK(t.job(1).data["phone"] == "13800138000");               // open: kept
    CHECK(t.book->purge(t.book->hq_now().value()).value() == 0);  // once
  }
}

TEST_CASE("the purge waits until HQ holds everything of the job: its steps decided, its signature acknowledged") {
  Tablet t;
  t.feed(changes(10, {job_entry(3, "cancelled", 8)}));
  REQUIRE(t.book->complete({request_id(2), "cleaned", "", true, std::nullopt, png_bytes()}).ok());
  t.clock.advance_ms(30 * kHour);
  CHECK(t.book->purge(t.book->hq_now().value()).value() == 1);  // the cancelled job from HQ's feed
  t.clock.advance_ms(30 * kHour);
  CHECK(t.book->purge(t.book->hq_now().value()).value() == 0);  // job 2's step waits
  const std::string id = t.next_steps().at(0).id;
  t.answer(Json::array({Tablet::result(id, "applied", "done", 7)}), t.clock.now_ms());
  t.clock.advance_ms(30 * kHour);
  CHECK(t.book->purge(t.book->hq_now().value()).value() == 0);  // its signature is not at HQ yet
  REQUIRE(FieldLink(*t.field, t.clock).acknowledge(1).ok());
  CHECK(t.count("SELECT count(*) FROM signature") == 0);  // HQ holds it: gone from the tablet
  CHECK(t.book->purge(t.book->hq_now().value()).value() == 1);
  // Reopened at HQ, the job comes back whole and open: nothing to purge until it is over again.
  t.feed(changes(11, {job_entry(2, "reopened", 9)}));
  CHECK(t.job(2).data["phone"] == "13800138000");
  CHECK_FALSE(t.job(2).purged);
  CHECK(t.book->purge(t.book->hq_now().value()).value() == 0);
}

TEST_CASE("HQ revoked the tablet: the wipe deletes every job, step, signature and the PIN hash; logins refused") {
  Tablet t;
  REQUIRE(FieldLink(*t.field, t.clock).configure("http://hq.example:8800", "secret-token").ok());
  REQUIRE(t.book->take_step({request_id(1), RequestState::OnTheWay, "", "", {}}).ok());
  REQUIRE(t.book->complete({request_id(2), "cleaned", "", true, std::nullopt, png_bytes()}).ok());
  const FieldLinkStatus before = FieldLink(*t.field, t.clock).status().value();
  REQUIRE(t.book->wipe().ok());
  for (const char* table : {"job", "job_step", "signature", "outbox", "technician"})
    CHECK(t.count(std::string("SELECT count(*) FROM ") + table) == 0);
  const FieldLinkStatus after = FieldLink(*t.field, t.clock).status().value();
  CHECK(after.revoked);
  CHECK_FALSE(after.configured);  // the token is gone too
  CHECK(after.incarnation != before.incarnation);
  CHECK(after.changes_after == 0);
  const Error refused_login = t.book->log_in(kTechnicianName, kPin).error();
  CHECK(refused_login.code == "device-revoked");
  CHECK(refused_login.message.find("revoked") != std::string::npos);
  CHECK(t.book->take_step({request_id(1), RequestState::OnSite, "", "", {}}).error().code == "device-revoked");
  // Nothing of the customers is left in the file or its WAL, while the tablet still runs.
  for (const char* file : {"technician.db", "technician.db-wal"}) {
    std::ifstream in(t.dir.file(file), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(bytes.find("13800138000") == std::string::npos);
    CHECK(bytes.find("1 Long Road") == std::string::npos);
  }
  // Set up again: a new token, the technician and jobs from the feed's start.
  t.reopen();
  REQUIRE(FieldLink(*t.field, t.clock).configure("http://hq.example:8800", "new-token").ok());
  CHECK_FALSE(FieldLink(*t.field, t.clock).status().value().revoked);
  t.feed(changes(1, {staff_entry(), job_entry(1, "assigned", 3)}));
  CHECK(t.book->log_in(kTechnicianName, kPin).ok());
}
