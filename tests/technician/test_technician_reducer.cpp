// The technician device's reducer alone: login validation, steps only among
// the job's legal next states with the note worded in the screen's language
// and the version seen, a conflict reading the job again, completion needing
// a resolution, rating toggles, the link's backoff and a session ending.
#include <doctest/doctest.h>

#include "technician/technician_reducer.h"

using namespace kiosk::technician;
using kiosk::EpochMs;
namespace kit = kiosk::kit;

namespace {

const TechnicianTimings kTimings;
const Wording kWording = [](const std::string& key, Language language) {
  return (language == Language::Zh ? "zh:" : "en:") + key;
};

std::vector<Effect> act(TechnicianState& s, const Action& a, EpochMs now = 1000) {
  return reduce(s, a, now, kTimings, kWording);
}

TechnicianState on_job(std::vector<std::string> next) {
  TechnicianState s;
  act(s, LoggedIn{"Zhang"});
  JobLine line;
  line.code = "R7K2-9QX";
  line.state = "assigned";
  line.version = 2;
  act(s, JobsLoaded{{line}});
  act(s, OpenJob{line.code});
  JobDetail d;
  d.line = line;
  d.mine = true;
  d.next = std::move(next);
  act(s, JobLoaded{d});
  return s;
}

}  // namespace

TEST_CASE("login needs a name and four digits; a right one loads my jobs") {
  TechnicianState s;
  act(s, kit::SubmitLogin{});
  CHECK(s.login.refusal == kit::LoginRefusal::NeedName);
  for (char c : std::string("Zhang")) act(s, kit::LoginKey{c});
  act(s, kit::FocusLoginField{kit::LoginField::Pin});
  for (char c : std::string("12a")) act(s, kit::LoginKey{c});
  CHECK(s.login.pin == "12");
  CHECK(act(s, kit::SubmitLogin{}).empty());
  CHECK(s.login.refusal == kit::LoginRefusal::NeedPin);
  act(s, kit::LoginKey{'3'});
  act(s, kit::LoginKey{'4'});
  const std::vector<Effect> login = act(s, kit::SubmitLogin{});
  REQUIRE(login.size() == 1);
  CHECK(std::get<LogIn>(login[0]).name == "Zhang");
  CHECK(act(s, kit::SubmitLogin{}).empty());  // busy
  const std::vector<Effect> loaded = act(s, LoggedIn{"Zhang"});
  CHECK(s.screen == Screen::Jobs);
  CHECK(s.login.pin.empty());
  REQUIRE(loaded.size() == 1);
  CHECK(std::holds_alternative<LoadJobs>(loaded[0]));
}

TEST_CASE("a step is sent only when legal, once, with the note in the screen's language and the version seen") {
  TechnicianState s = on_job({"on-the-way", "on-site"});
  CHECK(act(s, ChangeState{"cancelled"}).empty());
  CHECK(act(s, ChangeState{"done"}).empty());
  act(s, PickStepNote{"running-late"});
  act(s, SwitchLanguage{});
  const std::vector<Effect> sent = act(s, ChangeState{"on-the-way"});
  REQUIRE(sent.size() == 1);
  const SendTransition& t = std::get<SendTransition>(sent[0]);
  CHECK(t.to == "on-the-way");
  CHECK(t.version == 2);
  CHECK(t.note == "en:tech.note.running-late");
  CHECK(act(s, ChangeState{"on-site"}).empty());  // one at a time
}

TEST_CASE("scheduled asks the visit first: the customer's day and window, or today once that day is past") {
  TechnicianState s = on_job({"scheduled", "on-the-way"});
  s.job->line.date = "2026-11-24";
  s.job->line.time_window = "afternoon";
  s.job->today = "2026-11-23";
  s.job->last_visit_day = "2027-01-22";
  CHECK(act(s, ChangeState{"scheduled"}).empty());
  REQUIRE(s.schedule);
  CHECK(s.schedule->date == "2026-11-24");
  CHECK(s.schedule->window == "afternoon");
  act(s, SetScheduleDate{"2026-11-26"});
  act(s, ChooseScheduleWindow{"morning"});
  const std::vector<Effect> sent = act(s, ConfirmSchedule{});
  REQUIRE(sent.size() == 1);
  const SendTransition& t = std::get<SendTransition>(sent[0]);
  CHECK(t.to == "scheduled");
  CHECK(t.scheduled_date == "2026-11-26");
  CHECK(t.scheduled_window == "morning");
  CHECK(act(s, ConfirmSchedule{}).empty());  // one at a time
  // A wish already past starts from today; cancelling sends nothing.
  TechnicianState late = on_job({"scheduled"});
  late.job->line.date = "2026-11-20";
  late.job->today = "2026-11-23";
  act(late, ChangeState{"scheduled"});
  REQUIRE(late.schedule);
  CHECK(late.schedule->date == "2026-11-23");
  CHECK(late.schedule->window == "morning");
  CHECK(act(late, CancelSchedule{}).empty());
  CHECK_FALSE(late.schedule);
}

TEST_CASE("completion without the customer's confirmation is asked once, then sent saying so") {
  TechnicianState s = on_job({"done"});
  act(s, OpenCompletion{});
  act(s, PickResolution{"repaired"});
  CHECK(act(s, SubmitCompletion{}).empty());
  CHECK(s.error.key == "tech.complete.unconfirmed_question");
  const std::vector<Effect> sent = act(s, SubmitCompletion{});
  REQUIRE(sent.size() == 1);
  const SendCompletion& c = std::get<SendCompletion>(sent[0]);
  CHECK_FALSE(c.confirmed);
  CHECK(c.note == "zh:tech.resolution.repairedzh:tech.complete.unconfirmed_note");
}

TEST_CASE("a version conflict is told and the job read again") {
  TechnicianState s = on_job({"on-the-way"});
  act(s, ChangeState{"on-the-way"});
  const std::vector<Effect> again = act(s, RequestFailed{"change", Failure::Conflict, 0});
  CHECK_FALSE(s.busy);
  CHECK(s.error.key == "tech.error.conflict");
  REQUIRE(again.size() == 1);
  CHECK(std::get<LoadJob>(again[0]).code == "R7K2-9QX");
}

TEST_CASE("completion needs a resolution; the rating is optional and its reasons need a score") {
  TechnicianState s = on_job({"done"});
  act(s, OpenCompletion{});
  REQUIRE(s.screen == Screen::Complete);
  CHECK(act(s, SubmitCompletion{}).empty());
  CHECK(s.error.key == "tech.complete.need_resolution");
  act(s, ToggleReason{"fast"});
  CHECK(s.completion.reasons.empty());
  act(s, PickScore{5});
  act(s, ToggleReason{"fast"});
  act(s, PickScore{5});  // again: no rating, and no reasons
  CHECK(s.completion.score == 0);
  CHECK(s.completion.reasons.empty());
  act(s, PickScore{3});
  act(s, PickResolution{"repaired"});
  act(s, ToggleConfirmed{});
  const std::vector<Effect> sent = act(s, SubmitCompletion{});
  REQUIRE(sent.size() == 1);
  const SendCompletion& c = std::get<SendCompletion>(sent[0]);
  CHECK(c.score == 3);
  CHECK(c.confirmed);
  CHECK(c.note == "zh:tech.resolution.repaired");
  JobDetail done;
  done.line.code = "R7K2-9QX";
  done.line.state = "done";
  act(s, JobChanged{done, true});
  CHECK(s.screen == Screen::Jobs);
  CHECK(s.done.key == "tech.done.completed");
}

TEST_CASE("the link goes down with a doubling retry, and a session ending returns to login") {
  TechnicianState s = on_job({"on-the-way"});
  act(s, RequestFailed{"jobs", Failure::Unreachable, 0}, 10'000);
  CHECK(s.link.down);
  CHECK(s.link.retry_at == 11'000);
  CHECK(retry_seconds_left(s, 10'200) == 1);
  CHECK(act(s, Tick{}, 10'500).empty());
  const std::vector<Effect> probe = act(s, Tick{}, 11'000);
  REQUIRE(probe.size() == 1);
  act(s, RequestFailed{"jobs", Failure::Unreachable, 0}, 11'000);
  CHECK(s.link.backoff == 2000);
  act(s, JobsLoaded{{}}, 13'000);
  CHECK_FALSE(s.link.down);
  act(s, RequestFailed{"job", Failure::SessionEnded, 0}, 14'000);
  CHECK(s.screen == Screen::Login);
  CHECK(s.login.session_ended);
  CHECK(s.login.name == "Zhang");
  CHECK_FALSE(s.job);
}
