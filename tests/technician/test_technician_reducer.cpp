// The technician tablet's reducer alone: login validation and the refusals
// of the tablet's own check (wrong PIN, lockout, revoked, not set up), steps
// only among the job's legal next states with the note worded in the
// screen's language, the visit agreed first, the completion needing a
// resolution and, when the customer confirms, a signature, notices
// dismissed, "Sync now" once at a time, and what a sync round reports: the
// jobs read again after a round that changed them, the session ended when HQ
// revoked the tablet.
#include <doctest/doctest.h>

#include "technician/technician_reducer.h"

using namespace kiosk::technician;
namespace kit = kiosk::kit;

namespace {

const Wording kWording = [](const std::string& key, Language language) {
  return (language == Language::Zh ? "zh:" : "en:") + key;
};

std::vector<Effect> act(TechnicianState& s, const Action& a) { return reduce(s, a, kWording); }

const TabletStatus kReady{true, true, false, true, 1000, 0};

JobLine sample_line(const std::string& state = "assigned") {
  JobLine line;
  line.request_id = "00000000-0000-4000-8000-000000000001";
  line.code = "R7K2-9QX";
  line.state = state;
  return line;
}

TechnicianState on_job(std::vector<std::string> next, const std::string& state = "assigned") {
  TechnicianState s;
  act(s, TabletRead{kReady});
  act(s, LoggedIn{"Zhang"});
  act(s, JobsLoaded{{sample_line(state)}, {}, 0});
  act(s, OpenJob{sample_line().request_id});
  JobDetail d;
  d.line = sample_line(state);
  d.next = std::move(next);
  act(s, JobLoaded{d});
  return s;
}

// A finger drawing a zigzag across the pad: enough ink to count as signed.
void sign(TechnicianState& s) {
  act(s, kit::PenDown{{1.0f, 2.0f}});
  for (int i = 1; i <= 12; ++i) act(s, kit::PenMove{{1.0f + i * 0.5f, i % 2 ? 3.5f : 2.0f}});
  act(s, kit::PenUp{{7.0f, 2.0f}});
}

}  // namespace

TEST_CASE("login needs a name and four digits; a right one loads my jobs") {
  TechnicianState s;
  act(s, TabletRead{kReady});
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
  CHECK(std::get<LogIn>(login[0]).pin == "1234");
  CHECK(act(s, kit::SubmitLogin{}).empty());  // busy
  const std::vector<Effect> loaded = act(s, LoggedIn{"Zhang"});
  CHECK(s.screen == Screen::Jobs);
  CHECK(s.login.pin.empty());
  REQUIRE(loaded.size() == 1);
  CHECK(std::holds_alternative<LoadJobs>(loaded[0]));
}

TEST_CASE("the tablet's refusals: a wrong PIN, a lockout with its minutes, revoked, not set up") {
  TechnicianState s;
  act(s, TabletRead{kReady});
  s.login.busy = true;
  act(s, TaskFailed{Task::Login, Failure::WrongPin, 0});
  CHECK(s.login.refusal == kit::LoginRefusal::WrongPin);
  CHECK_FALSE(s.login.busy);
  act(s, TaskFailed{Task::Login, Failure::LockedOut, 4});
  CHECK(s.login.refusal == kit::LoginRefusal::LockedOut);
  CHECK(s.login.locked_minutes == 4);
  act(s, TaskFailed{Task::Login, Failure::Retired, 0});
  CHECK(s.login.refusal == kit::LoginRefusal::Refused);
  act(s, TaskFailed{Task::Login, Failure::NotSetUp, 0});
  CHECK_FALSE(s.tablet.has_technician);
  act(s, TaskFailed{Task::Login, Failure::Revoked, 0});
  CHECK(s.tablet.revoked);
  // A revoked tablet takes no login at all.
  CHECK(act(s, kit::LoginKey{'A'}).empty());
  CHECK(s.login.name.empty());
}

TEST_CASE("a step is taken only when legal, once, with the note in the screen's language") {
  TechnicianState s = on_job({"on-the-way", "on-site"});
  CHECK(act(s, ChangeState{"cancelled"}).empty());
  CHECK(act(s, ChangeState{"done"}).empty());
  act(s, PickStepNote{"running-late"});
  act(s, SwitchLanguage{});
  const std::vector<Effect> taken = act(s, ChangeState{"on-the-way"});
  REQUIRE(taken.size() == 1);
  const TakeStep& t = std::get<TakeStep>(taken[0]);
  CHECK(t.request_id == sample_line().request_id);
  CHECK(t.to == "on-the-way");
  CHECK(t.note == "en:tech.note.running-late");
  CHECK(act(s, ChangeState{"on-site"}).empty());  // one at a time
  JobDetail moved;
  moved.line = sample_line("on-the-way");
  moved.line.waiting = true;
  moved.next = {"on-site"};
  const std::vector<Effect> after = act(s, JobChanged{moved, false});
  CHECK_FALSE(s.busy);
  CHECK(s.done.key == "tech.done.changed");
  CHECK(s.done.value == "tech.state.on-the-way");
  CHECK(s.step_note.empty());
  REQUIRE(after.size() == 1);
  CHECK(std::holds_alternative<LoadJobs>(after[0]));
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
  const std::vector<Effect> taken = act(s, ConfirmSchedule{});
  REQUIRE(taken.size() == 1);
  const TakeStep& t = std::get<TakeStep>(taken[0]);
  CHECK(t.to == "scheduled");
  CHECK(t.scheduled_date == "2026-11-26");
  CHECK(t.scheduled_window == "morning");
  CHECK(act(s, ConfirmSchedule{}).empty());  // one at a time
  // A round moved the job on while the visit was being agreed: told, nothing taken.
  TechnicianState moved = on_job({"scheduled"});
  act(moved, ChangeState{"scheduled"});
  moved.job->next = {"on-site"};
  CHECK(act(moved, ConfirmSchedule{}).empty());
  CHECK_FALSE(moved.schedule);
  CHECK(moved.error.key == "tech.error.changed");
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

TEST_CASE("a job that changed meanwhile is told and read again; one taken off the tablet goes back to my jobs") {
  TechnicianState s = on_job({"on-the-way"});
  act(s, ChangeState{"on-the-way"});
  const std::vector<Effect> again = act(s, TaskFailed{Task::Step, Failure::Changed, 0});
  CHECK_FALSE(s.busy);
  CHECK(s.error.key == "tech.error.changed");
  REQUIRE(again.size() == 1);
  CHECK(std::get<LoadJob>(again[0]).request_id == sample_line().request_id);
  act(s, ChangeState{"on-the-way"});
  const std::vector<Effect> back = act(s, TaskFailed{Task::Step, Failure::Gone, 0});
  CHECK(s.screen == Screen::Jobs);
  CHECK_FALSE(s.job);
  CHECK(s.error.key == "tech.error.gone");
  REQUIRE(back.size() == 1);
  CHECK(std::holds_alternative<LoadJobs>(back[0]));
}

TEST_CASE("completion needs a resolution; confirming opens the signature, and a confirmation needs one") {
  TechnicianState s = on_job({"waiting-for-parts", "done"}, "on-site");
  act(s, OpenCompletion{});
  REQUIRE(s.screen == Screen::Complete);
  CHECK(act(s, SubmitCompletion{}).empty());
  CHECK(s.error.key == "tech.complete.need_resolution");
  act(s, PickResolution{"replaced-part"});
  act(s, ToggleConfirmed{});
  CHECK(s.completion.confirmed);
  CHECK(s.screen == Screen::Sign);
  act(s, kit::PenDown{{1.0f, 1.0f}});  // a dot is no signature
  act(s, kit::PenUp{{1.0f, 1.0f}});
  act(s, CloseSignature{});
  CHECK(s.screen == Screen::Complete);
  CHECK(act(s, SubmitCompletion{}).empty());
  CHECK(s.error.key == "tech.complete.need_signature");
  act(s, kit::PenDown{{3.0f, 3.0f}});  // ink only goes on the signature page
  CHECK(s.completion.signature.strokes.size() == 1);
  act(s, OpenSignature{});
  REQUIRE(s.screen == Screen::Sign);
  act(s, kit::ClearSignature{});
  sign(s);
  CHECK(s.error.empty());
  act(s, CloseSignature{});
  act(s, PickScore{5});
  act(s, ToggleReason{"fast"});
  const std::vector<Effect> sent = act(s, SubmitCompletion{});
  REQUIRE(sent.size() == 1);
  const CompleteJob& c = std::get<CompleteJob>(sent[0]);
  CHECK(c.resolution == "replaced-part");
  CHECK(c.note == "zh:tech.resolution.replaced-part");
  CHECK(c.confirmed);
  CHECK(c.signature.size() == 1);
  CHECK(kit::looks_signed(c.signature));
  CHECK(c.score == 5);
  CHECK(c.reasons == std::vector<std::string>{"fast"});
  CHECK(act(s, SubmitCompletion{}).empty());  // once
  JobDetail done;
  done.line = sample_line("done");
  act(s, JobChanged{done, true});
  CHECK(s.screen == Screen::Jobs);
  CHECK(s.done.key == "tech.done.completed");
  CHECK(s.completion.signature.strokes.empty());
}

TEST_CASE("finishing without the customer's confirmation is asked once, then taken unsigned saying so") {
  TechnicianState s = on_job({"done"}, "on-site");
  act(s, OpenCompletion{});
  act(s, PickResolution{"repaired"});
  act(s, ToggleConfirmed{});
  sign(s);
  act(s, CloseSignature{});
  act(s, ToggleConfirmed{});  // the customer will not confirm after all
  CHECK(s.screen == Screen::Complete);
  CHECK(act(s, SubmitCompletion{}).empty());
  CHECK(s.error.key == "tech.complete.unconfirmed_question");
  const std::vector<Effect> sent = act(s, SubmitCompletion{});
  REQUIRE(sent.size() == 1);
  const CompleteJob& c = std::get<CompleteJob>(sent[0]);
  CHECK_FALSE(c.confirmed);
  CHECK(c.signature.empty());  // a signature goes only with a confirmation
  CHECK(c.note == "zh:tech.resolution.repairedzh:tech.complete.unconfirmed_note");
}

TEST_CASE("the rating is optional and its reasons need a score") {
  TechnicianState s = on_job({"done"}, "on-site");
  act(s, OpenCompletion{});
  act(s, ToggleReason{"fast"});
  CHECK(s.completion.reasons.empty());
  act(s, PickScore{5});
  act(s, ToggleReason{"fast"});
  act(s, PickScore{5});  // again: no rating, and no reasons
  CHECK(s.completion.score == 0);
  CHECK(s.completion.reasons.empty());
  CHECK(act(s, PickScore{6}).empty());
  CHECK(s.completion.score == 0);
}

TEST_CASE("a notice is dismissed once and marked told; Sync now asks once until the round reports") {
  TechnicianState s = on_job({"on-the-way"});
  act(s, JobsLoaded{{sample_line()}, {{"step-1", "R7K2-9QX", "on-site", "cancelled"}}, 0});
  REQUIRE(s.notices.size() == 1);
  const std::vector<Effect> told = act(s, DismissNotice{"step-1"});
  REQUIRE(told.size() == 1);
  CHECK(std::get<MarkTold>(told[0]).step_id == "step-1");
  CHECK(s.notices.empty());
  CHECK(act(s, DismissNotice{"step-1"}).empty());
  const std::vector<Effect> asked = act(s, RequestSync{});
  REQUIRE(asked.size() == 1);
  CHECK(std::holds_alternative<SyncNow>(asked[0]));
  CHECK(s.syncing);
  CHECK(act(s, RequestSync{}).empty());
  act(s, SyncReported{kReady, "tech.sync.error.unreachable", false, false});
  CHECK_FALSE(s.syncing);
  CHECK(s.sync_error == "tech.sync.error.unreachable");
}

TEST_CASE("a round that changed the tablet reads the jobs (and the open job) again; a quiet one does not") {
  TechnicianState s = on_job({"on-the-way"});
  TabletStatus synced = kReady;
  synced.last_sync_at = 5000;
  synced.waiting = 0;
  CHECK(act(s, SyncReported{synced, "", false, false}).empty());
  CHECK(s.tablet.last_sync_at == 5000);
  const std::vector<Effect> reads = act(s, SyncReported{synced, "", true, false});
  REQUIRE(reads.size() == 2);
  CHECK(std::holds_alternative<LoadJobs>(reads[0]));
  CHECK(std::get<LoadJob>(reads[1]).request_id == sample_line().request_id);
}

TEST_CASE("HQ revoking the tablet ends the session; the login says so and takes nothing") {
  TechnicianState s = on_job({"on-the-way"});
  TabletStatus revoked = kReady;
  revoked.revoked = true;
  revoked.has_technician = false;
  CHECK(act(s, SyncReported{revoked, "tech.sync.error.revoked", false, true}).empty());
  CHECK(s.screen == Screen::Login);
  CHECK(s.staff_name.empty());
  CHECK(s.jobs.empty());
  CHECK_FALSE(s.job);
  CHECK(s.tablet.revoked);
  CHECK(s.login.name.empty());
  CHECK(act(s, JobsLoaded{{sample_line()}, {}, 0}).empty());  // a late answer shows nothing
  CHECK(s.jobs.empty());
}
