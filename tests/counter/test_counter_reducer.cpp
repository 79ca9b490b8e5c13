// The counter console's reducer alone, with an injected clock: login
// validation and refusals, opening the counter, the ticket actions and their
// pickers, one action at a time, queue refreshes, the unreachable node's
// retry backoff (1, 2, 4, 8, 10, 10 s) and a session that ended.
#include <doctest/doctest.h>

#include "counter/counter_reducer.h"
#include "counter/node_answers.h"

using namespace kiosk;
using namespace kiosk::counter;

namespace {

const CounterTimings kTimings;
constexpr EpochMs kStart = 1'000'000;

QueueLoaded sample_queue(const std::string& counter_state = "closed") {
  return QueueLoaded{
      {ServiceLine{"A", "咨询", "Consultation", 3, 1, 12, 15}, ServiceLine{"B", "投诉", "Complaints", 5, 1, 40, 20}},
      CounterLine{counter_state, "", {"A"}}};
}

struct Console {
  CounterState state;
  EpochMs now = kStart;
  std::vector<Effect> effects;
  Console() { state.queue_loading = true; }
  std::vector<Effect>& act(const Action& action, EpochMs after_ms = 100) {
    now += after_ms;
    effects = reduce(state, action, now, kTimings);
    return effects;
  }
  void type(const std::string& text) {
    for (char c : text) act(kit::LoginKey{c});
  }
  void log_in(const std::string& counter_state = "closed") {
    act(sample_queue(counter_state));
    type("Li");
    act(kit::FocusLoginField{kit::LoginField::Pin});
    type("2580");
    act(kit::SubmitLogin{});
    act(LoggedIn{"Li"});
  }
};

template <class T>
bool has(const std::vector<Effect>& effects) {
  for (const Effect& e : effects)
    if (std::holds_alternative<T>(e)) return true;
  return false;
}

const CounterCommand& only_command(const std::vector<Effect>& effects) {
  REQUIRE(effects.size() == 1);
  REQUIRE(std::holds_alternative<CounterCommand>(effects[0]));
  return std::get<CounterCommand>(effects[0]);
}

}  // namespace

TEST_CASE("login: name and PIN are checked before asking the node; the PIN keeps only digits") {
  Console c;
  c.act(kit::SubmitLogin{});
  CHECK(c.effects.empty());
  CHECK(c.state.login.refusal == kit::LoginRefusal::NeedName);
  c.type("Li Na9");  // a digit is no part of a name
  CHECK(c.state.login.name == "Li Na");
  c.act(kit::FocusLoginField{kit::LoginField::Pin});
  c.type("25x8");
  CHECK(c.state.login.pin == "258");
  c.act(kit::SubmitLogin{});
  CHECK(c.state.login.refusal == kit::LoginRefusal::NeedPin);
  c.type("0123456789");
  CHECK(c.state.login.pin == "25801234");  // at most 8 digits
  c.act(kit::LoginKey{'<'});
  CHECK(c.state.login.pin == "2580123");
  c.act(kit::LoginKey{'*'});
  c.type("2580");
  c.act(kit::SubmitLogin{});
  REQUIRE(c.effects.size() == 1);
  const LogIn& login = std::get<LogIn>(c.effects[0]);
  CHECK(login.name == "Li Na");
  CHECK(login.pin == "2580");
  CHECK(c.state.login.busy);
  CHECK(c.act(kit::SubmitLogin{}).empty());  // once
}

TEST_CASE("login refusals in plain words: wrong PIN clears it, lockout says the minutes") {
  Console c;
  c.type("Li");
  c.act(kit::FocusLoginField{kit::LoginField::Pin});
  c.type("1111");
  c.act(kit::SubmitLogin{});
  c.act(RequestFailed{"login", Failure::WrongPin, 0});
  CHECK(c.state.login.refusal == kit::LoginRefusal::WrongPin);
  CHECK(c.state.login.pin.empty());
  CHECK_FALSE(c.state.login.busy);
  c.type("1111");
  c.act(kit::SubmitLogin{});
  c.act(RequestFailed{"login", Failure::LockedOut, 5});
  CHECK(c.state.login.refusal == kit::LoginRefusal::LockedOut);
  CHECK(c.state.login.locked_minutes == 5);
  CHECK(c.state.screen == Screen::Login);
}

TEST_CASE("after login a closed counter asks for its services; opening sends the chosen ones") {
  Console c;
  c.log_in("closed");
  CHECK(c.state.screen == Screen::OpenCounter);
  CHECK(c.state.staff_name == "Li");
  CHECK(c.state.chosen == std::set<std::string>{"A"});  // what the counter served last
  CHECK(has<LoadReprints>(c.effects));
  c.act(ToggleService{"B"});
  c.act(ToggleService{"Z"});  // not a service of this store
  c.act(ToggleService{"A"});
  CHECK(c.state.chosen == std::set<std::string>{"B"});
  const CounterCommand& open = only_command(c.act(OpenCounter{}));
  CHECK(open.verb == "open");
  CHECK(open.services == std::vector<std::string>{"B"});
  c.act(CounterAnswered{"open", CounterLine{"open", "", {"B"}}});
  CHECK(c.state.screen == Screen::Console);
}

TEST_CASE("an open counter goes straight to the console; no services chosen is refused on the spot") {
  Console c;
  c.log_in("open");
  CHECK(c.state.screen == Screen::Console);
  c.act(ChangeServices{});
  CHECK(c.state.screen == Screen::OpenCounter);
  c.act(ToggleService{"A"});
  CHECK(c.act(OpenCounter{}).empty());
  CHECK(c.state.error.key == "counter.error.no_services");
  c.act(BackToConsole{});
  CHECK(c.state.screen == Screen::Console);
}

TEST_CASE("call, start, finish with an outcome: one action at a time, the ticket follows the answers") {
  Console c;
  c.log_in("open");
  c.act(sample_queue("open"));
  CHECK(only_command(c.act(CallNext{})).verb == "call");
  CHECK(c.state.busy);
  CHECK(c.act(CallNext{}).empty());  // a second press while the first is on its way
  c.act(TicketAnswered{"call", TicketLine{"t1", "A001", "A", "called", 0}});
  REQUIRE(c.state.ticket);
  CHECK(c.state.ticket->label == "A001");
  CHECK(has<LoadQueue>(c.effects));  // the counts change
  c.act(QueueLoaded{sample_queue("open")});
  c.act(TicketAnswered{"recall", TicketLine{"t1", "A001", "A", "called", 1}});
  CHECK(c.state.ticket->recalls == 1);
  c.act(TicketAnswered{"start", TicketLine{"t1", "A001", "A", "serving", 1}});
  c.act(OpenPicker{Picker::Outcome});
  CHECK(c.state.picker == Picker::Outcome);
  const CounterCommand& finish = only_command(c.act(Finish{"follow-up"}));
  CHECK(finish.verb == "finish");
  CHECK(finish.argument == "follow-up");
  CHECK(c.state.picker == Picker::None);
  c.act(TicketAnswered{"finish", TicketLine{"t1", "A001", "A", "done", 1}});
  CHECK_FALSE(c.state.ticket);
  CHECK(c.state.note.key == "counter.note.finished");
  CHECK(c.state.note.value == "A001");
}

TEST_CASE("transfer, no-show, pause with a reason and resume with the same services") {
  Console c;
  c.log_in("open");
  c.act(CallNext{});
  c.act(TicketAnswered{"call", TicketLine{"t1", "A001", "A", "called", 0}});
  c.act(OpenPicker{Picker::Transfer});
  const CounterCommand& transfer = only_command(c.act(Transfer{"B"}));
  CHECK(transfer.verb == "transfer");
  CHECK(transfer.argument == "B");
  c.act(TicketAnswered{"transfer", TicketLine{"t2", "A001", "B", "waiting", 0}});
  CHECK_FALSE(c.state.ticket);
  CHECK(c.state.note.key == "counter.note.transferred");
  CHECK(c.state.note.value2 == "B");
  c.act(CallNext{});
  c.act(TicketAnswered{"call", TicketLine{"t3", "B001", "B", "called", 0}});
  CHECK(only_command(c.act(NoShow{})).verb == "no-show");
  c.act(TicketAnswered{"no-show", TicketLine{"t3", "B001", "B", "no-show", 0}});
  CHECK(c.state.note.key == "counter.note.no_show");
  c.act(OpenPicker{Picker::PauseReason});
  const CounterCommand& pause = only_command(c.act(Pause{"lunch"}));
  CHECK(pause.argument == "lunch");
  c.act(CounterAnswered{"pause", CounterLine{"paused", "lunch", {"A"}}});
  CHECK(c.state.counter->state == "paused");
  const CounterCommand& resume = only_command(c.act(Resume{}));
  CHECK(resume.verb == "open");
  CHECK(resume.services == std::vector<std::string>{"A"});
}

TEST_CASE("a refusal is said in words for that action, and the next press is possible") {
  Console c;
  c.log_in("open");
  c.act(CallNext{});
  c.act(RequestFailed{"call", Failure::Refused, 0});
  CHECK(c.state.error.key == "counter.refused.call");
  CHECK_FALSE(c.state.busy);
  CHECK(only_command(c.act(CallNext{})).verb == "call");
  CHECK(c.state.error.empty());
}

TEST_CASE("the node's full or read-only disk is told to the clerk with what to do, and the link stays up") {
  Console c;
  c.log_in("open");
  c.act(CallNext{});
  c.act(failure_from_error("call", Error{ErrorKind::Unavailable, "The store's disk is full", "disk-full"}));
  CHECK(c.state.error.key == "counter.error.disk-full");
  CHECK_FALSE(c.state.link.down);  // the node answered: not "cannot be reached"
  CHECK_FALSE(c.state.busy);
  c.act(CallNext{});
  c.act(failure_from_error("call", Error{ErrorKind::Unavailable, "The store's disk is read-only", "read-only"}));
  CHECK(c.state.error.key == "counter.error.read-only");
  CHECK(only_command(c.act(CallNext{})).verb == "call");  // pressed again once there is room
}

TEST_CASE("the queue refreshes every few seconds, never twice at once") {
  Console c;
  c.act(sample_queue());
  CHECK(next_deadline(c.state, c.now, kTimings) == c.now + kTimings.queue_refresh);
  CHECK(c.act(Tick{}, 1000).empty());
  CHECK(has<LoadQueue>(c.act(Tick{}, kTimings.queue_refresh)));
  CHECK(c.act(Tick{}, kTimings.queue_refresh).empty());  // still loading
  CHECK_FALSE(next_deadline(c.state, c.now, kTimings));
}

TEST_CASE("an unreachable node: retries after 1, 2, 4, 8, 10, 10 s, then back to normal") {
  Console c;
  c.act(RequestFailed{"queue", Failure::Unreachable, 0}, 0);
  for (EpochMs delay : {1000, 2000, 4000, 8000, 10000, 10000}) {
    CAPTURE(delay);
    REQUIRE(c.state.link.down);
    CHECK(c.state.link.retry_at == c.now + delay);
    CHECK(retry_seconds_left(c.state, c.now) == delay / 1000);
    CHECK(next_deadline(c.state, c.now, kTimings) == c.now + 1000);  // the countdown's next second
    CHECK(c.act(Tick{}, delay - 1).empty());
    CHECK(has<LoadQueue>(c.act(Tick{}, 1)));
    c.act(RequestFailed{"queue", Failure::Unreachable, 0}, 0);
  }
  c.act(Tick{}, 10000);
  c.act(sample_queue(), 5);
  CHECK_FALSE(c.state.link.down);
  c.act(RequestFailed{"queue", Failure::Unreachable, 0});
  CHECK(c.state.link.retry_at == c.now + 1000);  // a fresh outage starts at 1 s again
}

TEST_CASE("an action failing on an unreachable node says so and does not move the retry") {
  Console c;
  c.log_in("open");
  c.act(CallNext{});
  c.act(RequestFailed{"call", Failure::Unreachable, 0});
  CHECK(c.state.link.down);
  CHECK(c.state.error.key == "counter.error.unreachable");
  const EpochMs retry_at = c.state.link.retry_at;
  c.act(RequestFailed{"reprints", Failure::Unreachable, 0});
  CHECK(c.state.link.retry_at == retry_at);
}

TEST_CASE("a session that ended sends the staff back to login with a message; logout forgets the session") {
  Console c;
  c.log_in("open");
  c.act(CallNext{});
  c.act(TicketAnswered{"call", TicketLine{"t1", "A001", "A", "called", 0}});
  c.act(StartService{});
  c.act(RequestFailed{"start", Failure::SessionEnded, 0});
  CHECK(c.state.screen == Screen::Login);
  CHECK(c.state.login.session_ended);
  CHECK(c.state.staff_name.empty());
  CHECK_FALSE(c.state.ticket);
  CHECK(c.state.login.name == "Li");  // only the PIN to type again
  CHECK(c.state.login.field == kit::LoginField::Pin);
  CHECK_FALSE(c.state.services.empty());
  c.log_in("open");
  REQUIRE(std::holds_alternative<LogOut>(c.act(Logout{}).at(0)));
  CHECK(c.state.screen == Screen::Login);
  CHECK(c.state.login.name.empty());
  CHECK(c.act(CallNext{}).empty());
}

TEST_CASE("reprint: marked done by id, then gone from the list") {
  Console c;
  c.log_in("open");
  c.act(ReprintsLoaded{{TicketLine{"id-7", "A007", "A", "waiting", 0}}});
  REQUIRE(c.state.reprints.size() == 1);
  const std::vector<Effect>& effects = c.act(MarkReprinted{"id-7"});
  REQUIRE(effects.size() == 1);
  CHECK(std::get<ReprintDone>(effects[0]).ticket_id == "id-7");
  c.act(Reprinted{"id-7"});
  CHECK(c.state.reprints.empty());
  CHECK(c.state.note.value == "A007");
}

TEST_CASE("over target: the estimated wait beyond the service's target, with someone waiting") {
  CHECK(over_target(ServiceLine{"B", "", "", 5, 1, 40, 20}));
  CHECK_FALSE(over_target(ServiceLine{"A", "", "", 3, 1, 12, 15}));
  CHECK_FALSE(over_target(ServiceLine{"A", "", "", 0, 0, 30, 15}));
  CHECK(over_target(ServiceLine{"D", "", "", 1, 0, std::nullopt, 15}));  // waiting, and no counter open to call it
  CHECK_FALSE(over_target(ServiceLine{"D", "", "", 0, 0, std::nullopt, 15}));
  // C001 has waited 25 minutes against 20 while a new ticket would wait 12: amber (was not).
  CHECK(over_target(ServiceLine{"C", "", "", 1, 1, 12, 20, 25}));
  CHECK_FALSE(over_target(ServiceLine{"C", "", "", 1, 1, 12, 20, 19}));
}

TEST_CASE("enrolment: six digits go to the worker; a refusal in words; enrolled shows the fingerprint, then loads") {
  Console c;
  c.state.queue_loading = false;
  c.state.device = kit::starting_enrolment(false, "", "");
  CHECK(c.act(Tick{}, 60'000).empty());  // not enrolled: the node is asked nothing
  for (char d : std::string("4839")) c.act(kit::EnrolKey{d});
  CHECK(c.act(kit::SubmitEnrol{}).empty());
  CHECK(c.state.device.refusal == "need-code");
  for (char d : std::string("20")) c.act(kit::EnrolKey{d});
  REQUIRE(c.act(kit::SubmitEnrol{}).size() == 1);
  CHECK(std::get<kit::EnrolDevice>(c.effects[0]).code == "483920");
  CHECK(c.act(kit::EnrolKey{'1'}).empty());  // busy: keys wait
  CHECK(c.state.device.code == "483920");
  c.act(kit::EnrolAnswer(kit::EnrolRefused{"enrol-code-expired"}));
  CHECK(c.state.device.refusal == "enrol-code-expired");
  CHECK(c.state.device.code.empty());
  c.act(kit::EnrolAnswer(kit::EnrolRefused{"connection-refused"}));
  CHECK(c.state.device.refusal == "unreachable");

  CHECK(has<LoadQueue>(c.act(kit::EnrolAnswer(kit::DeviceEnrolled{"AB12-CD34"}))));
  CHECK(kit::enrolled(c.state.device));
  CHECK_FALSE(kit::shows_role_screens(c.state.device, c.now));
  CHECK(next_deadline(c.state, c.now, kTimings) == c.now + kit::kFingerprintShownMs);
  CHECK(kit::shows_role_screens(c.state.device, c.now + kit::kFingerprintShownMs));
}

TEST_CASE("a revoked device ends the session and shows why; a wrong server keeps it until Enrol again") {
  Console c;
  c.log_in("open");
  c.act(CallNext{});
  c.act(kit::EnrolAnswer(kit::DeviceRefused{"device-revoked"}));
  CHECK(c.state.device.standing == kit::DeviceStanding::NotEnrolled);
  CHECK(c.state.device.refusal == "device-revoked");
  CHECK(c.state.staff_name.empty());
  CHECK_FALSE(c.state.busy);
  c.act(kit::EnrolAnswer(kit::DeviceRefused{"device-not-enrolled"}));  // a later call's: the first reason stays
  CHECK(c.state.device.refusal == "device-revoked");

  Console w;
  w.state.device = kit::starting_enrolment(true, "", "AB12-CD34");
  w.act(kit::EnrolAnswer(kit::DeviceRefused{"wrong-server"}));
  CHECK(w.state.device.standing == kit::DeviceStanding::WrongServer);
  CHECK(w.state.device.fingerprint == "AB12-CD34");  // the one it expected
  CHECK(w.act(kit::EnrolKey{'1'}).empty());
  CHECK(w.state.device.code.empty());
  w.act(kit::EnrolAgain{});
  CHECK(w.state.device.standing == kit::DeviceStanding::NotEnrolled);
}
