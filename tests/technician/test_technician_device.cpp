// The technician's device through its real screens, worker and a real store
// node: PIN login (a wrong PIN told, then the right one), my jobs only, the
// phone and address of my job shown, status steps with a quick note, a
// version conflict told plainly with the job read again, completion storing
// done + confirmation + rating in SQLite, the offline band and its retry,
// and every drawn character in the atlas.
#include <doctest/doctest.h>

#include "technician_harness.h"

using namespace kiosk;
using kiosk::test::TechnicianHarness;
using technician::Screen;
using S = RequestState;

TEST_CASE("a wrong PIN is told; the right one shows my jobs and only mine") {
  TechnicianHarness h;
  const Request mine = h.node.job("Zhang", S::OnTheWay);
  h.node.job("Zhao");
  const Request newer = h.node.job("Zhang", S::Assigned);
  h.log_in("ZHANG", "1111");
  CHECK(h.state().screen == Screen::Login);
  CHECK(h.state().login.refusal == kit::LoginRefusal::WrongPin);
  CHECK(h.state().login.pin.empty());
  h.type("3690");
  h.tap("login.submit");
  REQUIRE(h.state().screen == Screen::Jobs);
  CHECK(h.state().staff_name == "Zhang");
  REQUIRE(h.state().jobs.size() == 2);
  CHECK(h.state().jobs[0].code == newer.code);
  CHECK(h.shows("job." + mine.code));
  CHECK(h.shows("job." + newer.code));
  CHECK(h.ui.fonts().fallback_glyphs_drawn() == 0);
}

TEST_CASE("counter staff cannot log in on the technician's device") {
  TechnicianHarness h(technician::Language::En);
  h.log_in("LI", "2580");
  CHECK(h.state().screen == Screen::Login);
  CHECK(h.state().login.refusal == kit::LoginRefusal::NotTechnician);
}

TEST_CASE("my job's details, a step with a note, and completion with the customer's rating stored") {
  TechnicianHarness h;
  const Request r = h.node.job("Zhang", S::Assigned, "13912345678");
  h.log_in();
  h.tap("job." + r.code);
  REQUIRE(h.state().screen == Screen::Job);
  REQUIRE(h.state().job);
  CHECK(h.state().job->mine);
  CHECK(h.state().job->phone == "13912345678");
  CHECK(h.state().job->address == "上海市浦东新区世纪大道100号");
  CHECK_FALSE(h.shows("to.cancelled"));
  h.tap("note.running-late");
  h.tap("to.on-the-way");
  CHECK(h.state().job->line.state == "on-the-way");
  CHECK(h.node.sql_text("SELECT note FROM request_event ORDER BY seq DESC LIMIT 1") == "会晚到");
  CHECK(h.node.sql_text("SELECT actor FROM request_event ORDER BY seq DESC LIMIT 1") == "Zhang");
  h.tap("to.on-site");
  REQUIRE(h.shows("job.complete"));
  h.tap("job.complete");
  REQUIRE(h.state().screen == Screen::Complete);
  h.tap("complete.submit");
  CHECK(h.state().error.key == "tech.complete.need_resolution");
  CHECK(h.node.sql_text("SELECT state FROM request") == "on-site");
  h.tap("resolution.replaced-part");
  h.tap("complete.confirmed");
  h.tap("score.4");
  h.tap("reason.professional");
  h.tap("complete.submit");
  CHECK(h.state().screen == Screen::Jobs);
  CHECK(h.state().done.key == "tech.done.completed");
  CHECK(h.state().jobs.empty());
  CHECK(h.node.sql_text("SELECT state FROM request") == "done");
  CHECK(h.node.sql_text("SELECT customer_confirmed_at IS NOT NULL FROM request") == "1");
  CHECK(h.node.sql_text("SELECT note FROM request_event ORDER BY seq DESC LIMIT 1") == "更换配件");
  CHECK(h.node.sql_text("SELECT score || ' ' || reasons || ' ' || rated_by FROM request_rating") ==
        "4 professional technician-device");
  CHECK(h.ui.fonts().fallback_glyphs_drawn() == 0);
}

TEST_CASE("a change made elsewhere meanwhile is told plainly and the job is read again") {
  TechnicianHarness h(technician::Language::En);
  const Request r = h.node.job("Zhang", S::Assigned);
  h.log_in();
  h.tap("job." + r.code);
  REQUIRE(h.shows("to.on-the-way"));
  // The office schedules the visit while the technician looks at the job.
  TransitionRequest office;
  office.code = r.code;
  office.to = S::Scheduled;
  office.actor = "dispatcher";
  REQUIRE(h.node.book.transition(office).ok());
  h.tap("to.on-the-way");
  CHECK(h.state().error.key == "tech.error.conflict");
  REQUIRE(h.state().job);
  CHECK(h.state().job->line.state == "scheduled");
  CHECK(h.node.sql_text("SELECT state FROM request") == "scheduled");
  h.tap("to.on-the-way");  // now on the version just read
  CHECK(h.state().job->line.state == "on-the-way");
  CHECK(h.state().error.empty());
}

TEST_CASE("the node going away shows the offline band, nothing changes, and the retry brings it back") {
  TechnicianHarness h;
  const Request r = h.node.job("Zhang", S::Assigned);
  h.log_in();
  h.tap("job." + r.code);
  h.node.server->stop();
  h.tap("to.on-the-way");
  CHECK(h.state().link.down);
  CHECK(h.state().error.key == "tech.error.unreachable");
  CHECK_FALSE(h.state().busy);
  CHECK(h.node.sql_text("SELECT state FROM request") == "assigned");
  h.wait_ms(1500);  // the retry probe fails too: the wait doubles
  CHECK(h.state().link.down);
  CHECK(h.state().link.backoff == 2000);
}

TEST_CASE("scheduling asks the day and time of day, the customer's at first; another agreed one is stored") {
  TechnicianHarness h(technician::Language::En);
  const Request r = h.node.job("Zhang", S::Assigned);  // the customer asked for 2026-11-24 afternoon
  h.log_in();
  h.tap("job." + r.code);
  h.tap("to.scheduled");
  CHECK(h.node.sql_text("SELECT state FROM request") == "assigned");  // nothing sent yet
  REQUIRE(h.state().schedule);
  CHECK(h.state().schedule->date == "2026-11-24");
  CHECK(h.state().schedule->window == "afternoon");
  h.tap("schedule.day.more");
  h.tap("schedule.window.evening");
  h.tap("schedule.confirm");
  CHECK(h.state().job->line.state == "scheduled");
  CHECK_FALSE(h.state().schedule);
  CHECK(h.node.sql_text("SELECT scheduled_date || ' ' || scheduled_window FROM request") == "2026-11-25 evening");
  CHECK(h.ui.fonts().fallback_glyphs_drawn() == 0);
}

TEST_CASE("finishing without the customer's confirmation is asked once, then recorded plainly") {
  TechnicianHarness h;
  const Request r = h.node.job("Zhang", S::OnSite);
  h.log_in();
  h.tap("job." + r.code);
  h.tap("job.complete");
  h.tap("resolution.repaired");
  h.tap("complete.submit");  // not ticked: asked, nothing stored
  CHECK(h.state().error.key == "tech.complete.unconfirmed_question");
  CHECK(h.node.sql_text("SELECT state FROM request") == "on-site");
  h.tap("complete.submit");  // again: done, the customer's confirmation absent and said in the note
  CHECK(h.state().screen == Screen::Jobs);
  CHECK(h.node.sql_text("SELECT state FROM request") == "done");
  CHECK(h.node.sql_text("SELECT customer_confirmed_at FROM request") == "null");
  CHECK(h.node.sql_text("SELECT note FROM request_event ORDER BY seq DESC LIMIT 1") == "已修复（客户未确认）");
}
