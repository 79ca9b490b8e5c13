// The technician's tablet through its real screens, worker and sync thread
// on a real technician.db filled as HQ's feed fills it, with HQ scripted in
// the process: logging in offline (and the lockout), my jobs with the
// customer's details, steps taken without a network and marked waiting until
// a round sends them, the completion with the customer's signature, a step HQ
// did not keep told until dismissed, a round's new job shown, the purge's
// "details removed", HQ revoking the tablet, and a tablet not set up yet. A
// finger taps widgets by id; every drawn character is in the atlas.
#include <doctest/doctest.h>

#include "technician_harness.h"

using namespace kiosk;
using kiosk::test::TechnicianHarness;
using technician::Screen;

namespace {

constexpr const char* kAssigned = "3f2b8c1e-5a7d-4e9f-b0c2-000000000001";  // RWU3-H8N, assigned
constexpr const char* kOnSite = "3f2b8c1e-5a7d-4e9f-b0c2-000000000002";    // K7PD-2QX, on site

// The first `bytes` bytes of standard base64 `text`.
std::string base64_head(const std::string& text, std::size_t bytes) {
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::uint32_t bits = 0;
  int count = 0;
  for (char c : text) {
    const std::size_t value = alphabet.find(c);
    if (value == std::string::npos || out.size() >= bytes) break;
    bits = (bits << 6) | static_cast<std::uint32_t>(value);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out.push_back(static_cast<char>((bits >> count) & 0xff));
    }
  }
  return out;
}

std::uint32_t big_endian(const std::string& bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = at; i < at + 4 && i < bytes.size(); ++i)
    value = (value << 8) | static_cast<unsigned char>(bytes[i]);
  return value;
}

const technician::JobLine* line_of(const TechnicianHarness& h, const std::string& request_id) {
  for (const technician::JobLine& line : h.state().jobs)
    if (line.request_id == request_id) return &line;
  return nullptr;
}

}  // namespace

TEST_CASE("logging in needs no network: a wrong PIN is told, the right one shows my jobs from the tablet") {
  TechnicianHarness h;
  h.fill();
  h.start_app();
  REQUIRE(h.shows("login.submit"));
  h.log_in(test::kTechnicianName, "1111");
  CHECK(h.state().screen == Screen::Login);
  CHECK(h.state().login.refusal == kit::LoginRefusal::WrongPin);
  CHECK(h.state().login.pin.empty());
  h.type(test::kPin);
  h.tap("login.submit");
  REQUIRE(h.state().screen == Screen::Jobs);
  CHECK(h.state().staff_name == test::kTechnicianName);
  REQUIRE(h.state().jobs.size() == 3);
  CHECK(h.state().jobs[0].code == "K7PD-2QX");  // by visit day, then code
  CHECK(h.state().jobs[1].code == "RWU3-H8N");
  CHECK(h.state().jobs[2].code == "M3TC-9VB");
  CHECK(h.state().jobs[2].date == "2026-11-25");
  CHECK(h.state().jobs[2].time_window == "afternoon");
  CHECK(h.shows("job." + std::string(kAssigned)));
  CHECK(h.shows("sync.now"));
  CHECK(h.hq.requests() == 0);  // nothing asked of HQ
  CHECK(h.ui.fonts().fallback_glyphs_drawn() == 0);
}

TEST_CASE("five wrong PINs lock the login for five minutes, said in minutes; then the right PIN works") {
  TechnicianHarness h;
  h.fill();
  h.start_app(technician::Language::En);
  h.log_in(test::kTechnicianName, "1111");
  for (int i = 0; i < 4; ++i) {
    CHECK(h.state().login.refusal == kit::LoginRefusal::WrongPin);
    h.type("1111");
    h.tap("login.submit");
  }
  h.type(test::kPin);  // the fifth wrong PIN locked it: even the right one waits
  h.tap("login.submit");
  CHECK(h.state().screen == Screen::Login);
  CHECK(h.state().login.refusal == kit::LoginRefusal::LockedOut);
  CHECK(h.state().login.locked_minutes == 5);
  h.clock.advance_ms(2 * 60'000 + 30'000);
  h.type(test::kPin);
  h.tap("login.submit");
  CHECK(h.state().login.locked_minutes == 3);
  h.clock.advance_ms(3 * 60'000);
  h.type(test::kPin);
  h.tap("login.submit");
  CHECK(h.state().screen == Screen::Jobs);
  CHECK(h.ui.fonts().fallback_glyphs_drawn() == 0);
}

TEST_CASE("my job shows the customer's name, phone and address as HQ sent them") {
  TechnicianHarness h;
  h.fill();
  h.start_app();
  h.log_in();
  h.tap("job." + std::string(kOnSite));
  REQUIRE(h.state().screen == Screen::Job);
  const technician::JobDetail& job = *h.state().job;
  CHECK(job.line.code == "K7PD-2QX");
  CHECK(job.contact_name == "王先生");
  CHECK(job.phone == "13800138000");
  CHECK(job.address == "上海市浦东新区世纪大道100号 8楼");
  CHECK(job.description == "客厅空调开机后吹热风");
  CHECK_FALSE(job.purged);
  CHECK(job.next == std::vector<std::string>{"waiting-for-parts", "done"});
  CHECK(h.shows("to.waiting-for-parts"));
  CHECK(h.shows("job.complete"));
  CHECK_FALSE(h.shows("to.cancelled"));
  CHECK(h.ui.fonts().fallback_glyphs_drawn() == 0);
}

TEST_CASE("steps taken offline are kept and marked waiting; Sync now sends them once HQ answers") {
  TechnicianHarness h;
  h.fill();
  h.start_app();
  h.log_in();
  h.tap("job." + std::string(kAssigned));
  h.tap("note.running-late");
  h.tap("to.on-the-way");
  CHECK(h.state().job->line.state == "on-the-way");
  CHECK(h.state().job->line.waiting);
  CHECK(h.state().done.key == "tech.done.changed");
  CHECK(h.state().error.empty());
  h.tap("to.on-site");  // a second step on top of the first, still offline
  CHECK(h.state().job->line.state == "on-site");
  CHECK(h.count("SELECT count(*) FROM job_step WHERE outcome IS NULL") == 2);
  h.tap("job.back");
  REQUIRE(line_of(h, kAssigned));
  CHECK(line_of(h, kAssigned)->waiting);
  CHECK_FALSE(line_of(h, kOnSite)->waiting);
  CHECK(h.state().tablet.waiting == 2);
  CHECK_FALSE(h.state().tablet.last_sync_at);

  h.sync_now();  // no network yet: told in words, nothing lost
  CHECK(h.state().sync_error == "tech.sync.error.unreachable");
  CHECK(h.state().tablet.waiting == 2);
  CHECK(line_of(h, kAssigned)->waiting);

  h.hq.set_online(true);
  h.sync_now();
  CHECK(h.state().sync_error.empty());
  CHECK(h.state().tablet.waiting == 0);
  CHECK(h.state().tablet.last_sync_at);
  CHECK_FALSE(line_of(h, kAssigned)->waiting);
  CHECK(line_of(h, kAssigned)->state == "on-site");
  const std::vector<test::Json> sent = h.hq.commands_received();
  REQUIRE(sent.size() == 2);  // one per request per body: two bodies in the round
  CHECK(sent[0]["action"] == "on-the-way");
  CHECK(sent[0]["request"] == "RWU3-H8N");
  CHECK(sent[0]["from_version"] == 3);
  CHECK(sent[0]["data"]["note"] == "会晚到");
  CHECK(sent[0]["data"]["actor"] == test::kTechnicianName);
  CHECK(sent[1]["action"] == "on-site");
  CHECK(sent[1]["from_version"] == 4);
  CHECK(h.ui.fonts().fallback_glyphs_drawn() == 0);
}

TEST_CASE("a step reaches HQ by itself shortly after it is taken: the sync thread is nudged") {
  TechnicianHarness h;
  h.fill();
  h.hq.set_online(true);
  h.sync_options.nudge_delay = std::chrono::milliseconds(50);
  h.start_app();
  h.log_in();
  h.tap("job." + std::string(kAssigned));
  h.tap("to.on-the-way");
  h.wait_until([&] { return h.state().tablet.last_sync_at.has_value(); });
  h.tap("job.back");
  CHECK(h.state().tablet.waiting == 0);
  CHECK_FALSE(line_of(h, kAssigned)->waiting);
  REQUIRE(h.hq.commands_received().size() == 1);
  CHECK(h.hq.commands_received()[0]["action"] == "on-the-way");
}

TEST_CASE("a completion the customer confirms needs their signature, sent as a PNG before the step") {
  TechnicianHarness h;
  h.fill();
  h.start_app(technician::Language::En);
  h.log_in();
  h.tap("job." + std::string(kOnSite));
  h.tap("job.complete");
  REQUIRE(h.state().screen == Screen::Complete);
  h.tap("resolution.replaced-part");
  h.tap("score.5");
  h.tap("reason.solved");
  h.tap("complete.confirmed");
  REQUIRE(h.state().screen == Screen::Sign);
  h.tap("sign.back");  // not signed yet: the finish is refused in words
  h.tap("complete.submit");
  CHECK(h.state().error.key == "tech.complete.need_signature");
  CHECK(h.count("SELECT count(*) FROM job_step") == 0);
  h.tap("complete.sign");
  h.sign_on_pad();
  CHECK(kit::looks_signed(h.state().completion.signature.strokes));
  h.tap("sign.done");
  REQUIRE(h.state().screen == Screen::Complete);
  h.tap("complete.submit");
  REQUIRE(h.state().screen == Screen::Jobs);
  CHECK(h.state().done.key == "tech.done.completed");
  CHECK(line_of(h, kOnSite)->state == "done");
  CHECK(line_of(h, kOnSite)->waiting);
  CHECK(h.state().tablet.waiting == 2);  // the step and its signature
  // On the tablet: the step with the customer's word and rating, and the image.
  CHECK(h.text("SELECT json_extract(data, '$.confirmed_by_customer') FROM job_step") == "1");
  CHECK(h.text("SELECT json_extract(data, '$.resolution') FROM job_step") == "replaced-part");
  CHECK(h.text("SELECT json_extract(data, '$.rating.score') FROM job_step") == "5");
  CHECK(h.text("SELECT json_extract(data, '$.signature') = (SELECT id FROM signature) FROM job_step") == "1");

  h.hq.set_online(true);
  h.sync_now();
  CHECK(h.state().tablet.waiting == 0);
  const std::vector<test::Json> records = h.hq.records_received();
  REQUIRE(records.size() == 1);
  CHECK(records[0]["kind"] == "signature");
  CHECK(records[0]["data"]["code"] == "K7PD-2QX");
  // The customer's ink as the kit's 576x192 PNG: its signature and IHDR's size.
  const std::string png = base64_head(records[0]["data"]["png"].get<std::string>(), 24);
  CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
  CHECK(big_endian(png, 16) == 576);
  CHECK(big_endian(png, 20) == 192);
  const std::vector<test::Json> commands = h.hq.commands_received();
  REQUIRE(commands.size() == 1);
  CHECK(commands[0]["action"] == "done");
  CHECK(commands[0]["data"]["signature"] == records[0]["id"]);
  CHECK(commands[0]["data"]["confirmed_by_customer"] == true);
  CHECK(h.count("SELECT count(*) FROM signature") == 0);  // HQ holds it
  CHECK(h.ui.fonts().fallback_glyphs_drawn() == 0);
}

TEST_CASE("a step HQ did not keep is told in words until OK is tapped") {
  TechnicianHarness h;
  h.fill();
  h.start_app();
  h.log_in();
  h.tap("job." + std::string(kAssigned));
  h.tap("to.on-the-way");
  h.tap("job.back");
  // Meanwhile the office cancelled the job: HQ answers the step with its state.
  h.hq.set_online(true);
  h.hq.refuse_steps("conflict", "version-conflict", "cancelled", 4);
  h.sync_now();
  REQUIRE(h.state().notices.size() == 1);
  const technician::Notice& notice = h.state().notices[0];
  CHECK(notice.code == "RWU3-H8N");
  CHECK(notice.step == "on-the-way");
  CHECK(notice.reason == "cancelled");
  const app::Translations& texts = h.app->texts();
  CHECK(texts.format("tech.notice." + notice.reason, technician::Language::Zh,
                     {notice.code, texts.text("tech.state." + notice.step, technician::Language::Zh)}) ==
        "工单 RWU3-H8N 已被办公室取消，你的“在路上”没有保存");
  CHECK(line_of(h, kAssigned)->state == "cancelled");
  CHECK_FALSE(line_of(h, kAssigned)->waiting);
  REQUIRE(h.shows("notice.ok"));
  CHECK(h.count("SELECT told FROM job_step") == 0);
  h.tap("notice.ok");
  CHECK(h.state().notices.empty());
  CHECK_FALSE(h.shows("notice.ok"));
  CHECK(h.count("SELECT told FROM job_step") == 1);
  h.tap("logout");  // told for good: not told again at the next login
  h.log_in();
  CHECK(h.state().notices.empty());
  CHECK(h.ui.fonts().fallback_glyphs_drawn() == 0);
}

TEST_CASE("a round that brings a new job shows it at once; a finished job's details are removed a day later") {
  TechnicianHarness h;
  h.fill();
  h.start_app(technician::Language::En);
  h.log_in();
  h.hq.set_online(true);
  h.hq.list({test::job_entry(4, "P2LX-6MD", "assigned", 2)});
  h.sync_now();
  REQUIRE(h.state().jobs.size() == 4);
  CHECK(h.shows("job." + test::request_id(4)));
  // The on-site job finished without the customer's confirmation, then a day passes.
  h.tap("job." + std::string(kOnSite));
  h.tap("job.complete");
  h.tap("resolution.repaired");
  h.tap("complete.submit");
  h.tap("complete.submit");
  h.sync_now();
  h.clock.advance_ms(25 * 3600 * 1000);
  h.sync_now();
  REQUIRE(h.state().jobs.back().request_id == kOnSite);  // finished jobs come last
  REQUIRE(h.shows("jobs.later"));                        // four rows do not fit under the sync line and the message
  CHECK_FALSE(h.shows("job." + std::string(kOnSite)));
  CHECK(h.state().jobs_first == 0);
  h.tap("jobs.later");
  h.tap("job." + std::string(kOnSite));
  REQUIRE(h.state().job);
  CHECK(h.state().job->purged);
  CHECK(h.state().job->contact_name.empty());
  CHECK(h.state().job->phone.empty());
  CHECK(h.state().job->address.empty());
  CHECK(h.state().job->next.empty());
  CHECK(h.ui.fonts().fallback_glyphs_drawn() == 0);
}

TEST_CASE("HQ revoking the tablet wipes it: the session ends and the login says so, taking no PIN") {
  TechnicianHarness h;
  h.fill();
  h.start_app();
  h.log_in();
  h.tap("job." + std::string(kAssigned));
  h.tap("to.on-the-way");
  h.tap("job.back");
  h.hq.set_online(true);
  h.hq.revoke();
  h.sync_now();
  CHECK(h.state().screen == Screen::Login);
  CHECK(h.state().staff_name.empty());
  CHECK(h.state().tablet.revoked);
  CHECK(h.state().jobs.empty());
  CHECK(h.shows("sync.now"));
  CHECK_FALSE(h.shows("login.submit"));
  CHECK_FALSE(h.shows("key.A"));
  CHECK(h.count("SELECT count(*) FROM job") == 0);
  CHECK(h.count("SELECT count(*) FROM technician") == 0);
  CHECK(h.count("SELECT count(*) FROM job_step") == 0);
  Result<FieldTechnician> refused = h.book->log_in(test::kTechnicianName, test::kPin);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "device-revoked");
  CHECK(h.ui.fonts().fallback_glyphs_drawn() == 0);
}

TEST_CASE("a tablet not set up says what to do; set up, one sync brings the technician and the login") {
  TechnicianHarness h;
  h.start_app(technician::Language::En);
  CHECK(h.state().tablet.read);
  CHECK_FALSE(h.state().tablet.configured);
  CHECK(h.shows("sync.now"));
  CHECK_FALSE(h.shows("login.submit"));
  h.sync_now();  // nothing to sync with: said so, no request
  CHECK(h.state().sync_error == "tech.sync.error.not_set_up");
  CHECK(h.hq.requests() == 0);
  // kioskctl tablet set, while the app runs; HQ has the technician and a job.
  h.set_up_link();
  h.hq.set_online(true);
  h.hq.list({test::technician_entry(), test::job_entry(1, "RWU3-H8N", "assigned", 3)});
  h.sync_now();
  CHECK(h.state().tablet.configured);
  CHECK(h.state().tablet.has_technician);
  REQUIRE(h.shows("login.submit"));
  h.log_in();
  REQUIRE(h.state().screen == Screen::Jobs);
  REQUIRE(h.state().jobs.size() == 1);
  CHECK(h.state().jobs[0].code == "RWU3-H8N");
  CHECK(h.ui.fonts().fallback_glyphs_drawn() == 0);
}
