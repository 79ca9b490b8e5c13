// A technician's day with no network, against a real hq fed by a real store:
// the tablet (a real technician.db; its steps taken in this process, its
// sync rounds by `kioskctl tablet sync` over libcurl) receives five jobs,
// goes offline, locks itself after wrong PINs, takes 20 steps with notes and
// two completions with signatures and ratings while the office cancels one
// job, then reconnects through a proxy that resets, refuses, stalls, loses
// answers and duplicates requests. HQ and the store end with every step
// exactly once and in order, the cancelled job's steps are decided and told,
// a device clock a year ahead changes nothing (the purge waits for HQ's
// clock), and a revoked tablet wipes itself.
#include <doctest/doctest.h>

#include <atomic>
#include <map>

#include "field/field_db.h"
#include "field/job_book.h"
#include "hq/fault_proxy.h"
#include "hq/synced_store.h"
#include "hq/technician_fixture.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

constexpr EpochMs kMinute = 60'000, kHour = 60 * kMinute, kYear = 365 * 24 * kHour;

// The tablet's clock: the test's, `shift` ahead.
struct DeviceClock final : Clock {
  std::atomic<EpochMs> shift{0};
  EpochMs now_ms() const override { return SystemClock().now_ms() + shift.load(); }
};

// A PNG's first bytes: what the tablet checks of a signature before keeping it.
std::string signature_png(int n) { return std::string("\x89PNG\r\n\x1a\n", 8) + "signature " + std::to_string(n); }

// The states a request went through, in order, as the store shows it.
std::vector<std::string> states_of(const Json& request) {
  std::vector<std::string> states;
  for (const Json& event : request["events"]) states.push_back(event["to"]);
  return states;
}

}  // namespace

TEST_CASE("a technician's day offline reaches HQ and the store exactly once and in order, through faults") {
  TechnicianField f;
  std::vector<std::string> codes;
  for (int i = 0; i < 5; ++i) codes.push_back(f.assigned_request(f.technician));
  const std::string tablet = f.hq.dir.file("tablet");
  const auto tablet_ctl = [&](std::vector<std::string> args, EpochMs extra = 0) {
    return kioskctl(tablet, std::move(args), kYear + extra);  // its clock a year ahead
  };
  REQUIRE(tablet_ctl({"tablet", "set", "--url", f.hq.url(), "--token", f.tablet}).exit_code == 0);
  const CtlReply morning = tablet_ctl({"tablet", "sync"});
  REQUIRE_MESSAGE(morning.exit_code == 0, morning.body.dump());

  // From here on the tablet has no network.
  DeviceClock device;
  device.shift = kYear;
  auto opened = FieldDb::open(tablet, device.now_ms());
  REQUIRE(opened.ok());
  JobBook book(*opened.value(), device);
  for (int i = 0; i < 5; ++i) CHECK(book.log_in("Zhou", "1111").error().code == "wrong-pin");
  CHECK(book.log_in("Zhou", "2468").error().code == "locked-out");  // even the right PIN, offline
  device.shift += 5 * kMinute + 1000;
  REQUIRE(book.log_in("Zhou", "2468").ok());
  std::map<std::string, std::string> job_id;
  for (const FieldJob& job : book.jobs().value()) job_id[job.code] = job.request_id;
  REQUIRE(job_id.size() == 5);
  CHECK(book.job(job_id[codes[0]]).value().data["phone"] == "13812345678");

  // Meanwhile the office cancels the last job.
  REQUIRE(
      f.hq.hq({"request", "transition", "--store", "S1", "--request", codes[4], "--to", "cancelled", "--version", "2"})
          .exit_code == 0);

  int steps = 0;
  const auto step = [&](int job, RequestState to) {
    const Result<FieldJob> taken =
        book.take_step(StepInput{job_id[codes[job]], to, "step " + std::to_string(++steps), "", std::nullopt});
    REQUIRE_MESSAGE(taken.ok(), taken.error().message);
  };
  using S = RequestState;
  for (int job = 0; job < 4; ++job) {
    step(job, S::OnTheWay);
    step(job, S::OnSite);
  }
  for (int job = 2; job < 4; ++job)
    for (S to : {S::WaitingForParts, S::OnTheWay, S::OnSite}) step(job, to);
  for (S to : {S::OnTheWay, S::OnSite, S::WaitingForParts, S::OnTheWay, S::OnSite, S::WaitingForParts}) step(4, to);
  REQUIRE(steps == 20);
  for (int job = 0; job < 2; ++job) {
    const Result<FieldJob> done =
        book.complete(CompletionInput{job_id[codes[job]], "replaced-part", "换了电池", true,
                                      RatingInput{5, {"fast"}, "", RatedBy::TechnicianDevice}, signature_png(job)});
    REQUIRE_MESSAGE(done.ok(), done.error().message);
  }
  CHECK(book.waiting_count().value().steps == 22);
  CHECK(book.waiting_count().value().records == 2);

  // Back online, through a bad network.
  FaultProxy proxy(f.hq.port, 0.4, 17);
  REQUIRE(
      tablet_ctl({"tablet", "set", "--url", "http://127.0.0.1:" + std::to_string(proxy.port()), "--token", f.tablet})
          .exit_code == 0);
  CtlReply last;
  int rounds = 0;
  for (; rounds < 60 && (rounds == 0 || last.exit_code != 0); ++rounds) last = tablet_ctl({"tablet", "sync"});
  std::string faults;
  for (const auto& [fault, count] : proxy.counts())
    faults += std::string(" ") + FaultProxy::name(fault) + "=" + std::to_string(count);
  MESSAGE("the day's 22 steps and 2 signatures in " << rounds << " tablet sync rounds; requests:" << faults);
  REQUIRE_MESSAGE(last.exit_code == 0, last.body.dump());
  CHECK(book.waiting_count().value().total() == 0);

  // The cancelled job's steps were decided by HQ and are told, none silently dropped.
  const std::vector<StepNotice> notices = book.untold().value();
  REQUIRE(notices.size() == 6);
  for (const StepNotice& n : notices) CHECK(n.code == codes[4]);
  CHECK(notices[0].message_key == "field.step.cancelled");
  CHECK(book.job(job_id[codes[4]]).value().state == S::Cancelled);

  // The store and HQ: every step once, in order, with the technician's words.
  f.sync();
  f.sync();  // the store's own records of what it took (events, ratings) reach HQ
  const std::vector<std::string> done{"received", "assigned", "on-the-way", "on-site", "done"};
  const std::vector<std::string> parts{"received",          "assigned",   "on-the-way", "on-site",
                                       "waiting-for-parts", "on-the-way", "on-site"};
  const std::vector<std::vector<std::string>> expected{done, done, parts, parts, {"received", "assigned", "cancelled"}};
  std::size_t events = 0;
  for (int job = 0; job < 5; ++job) {
    const Json shown = f.on_store(codes[job]);
    CHECK(states_of(shown) == expected[job]);
    events += expected[job].size();
  }
  CHECK(f.on_store(codes[0])["events"][2]["note"] == "Zhou: step 1");
  CHECK(f.hq.exported("S1", "request-events").size() == events);
  CHECK(by_id(f.hq.exported("S1", "signatures")).size() == 2);
  const std::vector<Json> ratings = f.hq.exported("S1", "request-ratings");
  REQUIRE(ratings.size() == 2);
  for (const Json& r : ratings) CHECK(r["data"]["rated_by"] == "technician-device");

  // The purge counts HQ's hours, not the tablet's clock a year ahead.
  CHECK_FALSE(book.job(job_id[codes[0]]).value().purged);
  f.hq.stop();
  f.hq.start(25 * kHour);  // a day later at HQ
  REQUIRE(tablet_ctl({"tablet", "sync"}, 25 * kHour).exit_code == 0);
  CHECK(book.job(job_id[codes[0]]).value().purged);
  CHECK(book.job(job_id[codes[2]]).value().data["phone"] == "13812345678");  // open: kept

  // Revoked at HQ: the tablet wipes its jobs at its next contact and refuses logins.
  std::string device_id;
  const HqCommand devices = f.hq.hq({"device", "list"});
  for (const Json& d : devices.lines.at(0)["devices"])
    if (d["technician"] == f.technician) device_id = d["device"];
  REQUIRE(f.hq.hq({"device", "revoke", "--device", device_id}).exit_code == 0);
  const CtlReply revoked = tablet_ctl({"tablet", "sync"});
  CHECK(revoked.exit_code == 3);
  CHECK(revoked.body["wiped"] == true);
  CHECK(book.jobs().value().empty());
  CHECK(book.log_in("Zhou", "2468").error().code == "device-revoked");
}
