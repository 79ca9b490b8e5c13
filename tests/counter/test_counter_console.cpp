// The counter console headless against a real store node: its screens tapped
// by widget id and pressed by key, the node's database checked after each
// step. Login (wrong PIN, lockout, right PIN), choosing services, call next,
// start, finish, transfer, no-show, pause and resume, a keyboard shortcut,
// the over-target highlight, reprint, a session that expired, and the node
// going away and coming back on the same port.
#include <GLFW/glfw3.h>
#include <doctest/doctest.h>

#include "counter/counter_reducer.h"
#include "counter_harness.h"
#include "kit/touch_kit.h"

using namespace kiosk;
using namespace kiosk::counter;
using kiosk::test::CounterHarness;

namespace {

Counter counter_in_store(CounterHarness& h, int number) {
  Result<std::vector<Counter>> counters = h.node.store.engine->counters();
  REQUIRE(counters.ok());
  for (const Counter& c : counters.value())
    if (c.number == number) return c;
  FAIL("no counter " << number);
  return {};
}

// A ticket's column as stored ("state", "outcome", "print_state").
std::string stored(CounterHarness& h, const std::string& ticket_id, const std::string& column) {
  Statement& q = h.node.store.store->db().prepare("SELECT " + column + " FROM ticket WHERE id = ?");
  q.bind(1, ticket_id);
  REQUIRE(q.step());
  const std::string value = q.is_null(0) ? std::string() : q.text(0);
  q.reset();
  return value;
}

void check_glyphs(CounterHarness& h) {
  CHECK(h.ui.fonts().missing_characters().empty());
  CHECK(h.app->texts().missing_keys().empty());
}

}  // namespace

TEST_CASE("login: a wrong PIN is refused in words, the right one opens the services screen; open with B only") {
  CounterHarness h;
  REQUIRE(h.node.store.engine->close_counter(1).ok());
  h.wait_ms(3000);  // the console sees the counter closed
  CHECK(h.state().screen == Screen::Login);
  h.tap("login.name");
  h.type("LI");
  h.tap("login.pin");
  h.type("1111");
  h.tap("login.submit");
  CHECK(h.state().login.refusal == kit::LoginRefusal::WrongPin);
  CHECK(h.state().staff_name.empty());
  h.type("2580");
  h.tap("login.submit");
  CHECK(h.state().staff_name == "Li");
  REQUIRE(h.state().screen == Screen::OpenCounter);
  CHECK(h.shows("service.A"));
  CHECK(h.shows("service.H"));
  h.tap("service.A");  // the counter served A and B: leave B only
  h.tap("open.confirm");
  CHECK(h.state().screen == Screen::Console);
  const Counter c = counter_in_store(h, 1);
  CHECK(c.state == kiosk::CounterState::Open);
  CHECK(c.service_codes == std::vector<std::string>{"B"});
  check_glyphs(h);
}

TEST_CASE("five wrong PINs lock the account: the console says for how many minutes") {
  CounterHarness h(1, Language::En);
  h.tap("login.name");
  h.type("LI");
  h.tap("login.pin");
  for (int i = 0; i < 6; ++i) {
    h.type("9999");
    h.tap("login.submit");
  }
  CHECK(h.state().login.refusal == kit::LoginRefusal::LockedOut);
  CHECK(h.state().login.locked_minutes == 5);
  check_glyphs(h);
}

TEST_CASE("call next shows the ticket; recall, start, finish; transfer; no-show; pause and resume") {
  CounterHarness h;
  Result<IssuedTicket> first = h.node.store.engine->issue({"A", false, {}});
  Result<IssuedTicket> second = h.node.store.engine->issue({"B", false, {}});
  Result<IssuedTicket> third = h.node.store.engine->issue({"A", false, {}});
  REQUIRE((first.ok() && second.ok() && third.ok()));
  h.log_in();
  REQUIRE(h.state().screen == Screen::Console);  // counter 1 was open already
  h.tap("act.call");
  REQUIRE(h.state().ticket);
  CHECK(h.state().ticket->label == first.value().ticket.label);
  CHECK(h.state().ticket->state == "called");
  h.tap("act.recall");
  CHECK(h.state().ticket->recalls == 1);
  h.tap("act.start");
  CHECK(h.state().ticket->state == "serving");
  h.tap("act.finish");
  CHECK(h.shows("outcome.follow-up"));
  h.tap("outcome.follow-up");
  CHECK_FALSE(h.state().ticket);
  CHECK(stored(h, first.value().ticket.id, "state") == "done");
  CHECK(stored(h, first.value().ticket.id, "outcome") == "follow-up");

  h.tap("act.call");
  REQUIRE(h.state().ticket);
  CHECK(h.state().ticket->label == second.value().ticket.label);
  h.tap("act.transfer");
  CHECK_FALSE(h.shows("transfer.B"));  // not to its own service
  h.tap("transfer.C");
  CHECK_FALSE(h.state().ticket);
  CHECK(h.state().note.key == "counter.note.transferred");
  CHECK(stored(h, second.value().ticket.id, "state") == "transferred");

  h.tap("act.call");
  REQUIRE(h.state().ticket);
  CHECK(h.state().ticket->label == third.value().ticket.label);
  h.tap("act.no_show");
  CHECK(stored(h, third.value().ticket.id, "state") == "no-show");

  h.tap("act.pause");
  h.tap("pause.lunch");
  Counter c = counter_in_store(h, 1);
  CHECK(c.state == kiosk::CounterState::Paused);
  CHECK(c.pause_reason == "lunch");
  CHECK_FALSE(h.shows("act.pause"));
  h.tap("act.resume");
  c = counter_in_store(h, 1);
  CHECK(c.state == kiosk::CounterState::Open);
  CHECK(c.service_codes == std::vector<std::string>{"A", "B"});
  check_glyphs(h);
}

TEST_CASE("a priority ticket in hand says so beside its number") {
  CounterHarness h(1, Language::En);
  REQUIRE(h.node.store.engine->issue({"A", true, {}}).ok());
  REQUIRE(h.node.store.engine->issue({"A", false, {}}).ok());
  h.log_in();
  h.tap("act.call");
  REQUIRE(h.state().ticket);
  CHECK(h.state().ticket->priority);
  h.tap("act.finish");
  h.tap("outcome.resolved");
  h.tap("act.call");
  REQUIRE(h.state().ticket);
  CHECK_FALSE(h.state().ticket->priority);
  check_glyphs(h);
}

TEST_CASE("a refused call is said in plain words: nobody is waiting") {
  CounterHarness h(1, Language::En);
  h.log_in();
  h.tap("act.call");
  CHECK_FALSE(h.state().ticket);
  CHECK(h.state().error.key == "counter.refused.call");
  check_glyphs(h);
}

TEST_CASE("keyboard shortcuts: F1 calls next, F3 starts, F4 then 1 finishes as resolved") {
  CounterHarness h;
  Result<IssuedTicket> issued = h.node.store.engine->issue({"A", false, {}});
  REQUIRE(issued.ok());
  h.log_in();
  h.press(GLFW_KEY_F1);
  REQUIRE(h.state().ticket);
  CHECK(h.state().ticket->label == issued.value().ticket.label);
  h.press(GLFW_KEY_F3);
  CHECK(h.state().ticket->state == "serving");
  h.press(GLFW_KEY_F4);
  CHECK(h.state().picker == Picker::Outcome);
  h.press(GLFW_KEY_1);
  CHECK(stored(h, issued.value().ticket.id, "state") == "done");
  CHECK(stored(h, issued.value().ticket.id, "outcome") == "resolved");
}

TEST_CASE("a service whose estimated wait is over its target is highlighted") {
  CounterHarness h;
  h.log_in();
  const ImU32 highlight = kit::u32(kit::palette().warning);
  CHECK(h.vertices_in(highlight) == 0);
  // 7 of 10 minutes at 3 counters: the 3 counters call 3 at once, 3 more after 10
  // minutes, the 7th after 20; a new ticket waits 20 > 15.
  for (int i = 0; i < 7; ++i) REQUIRE(h.node.store.engine->issue({"B", false, {}}).ok());
  h.wait_ms(3000);
  const ServiceLine* b = find_service(h.state(), "B");
  REQUIRE(b);
  CHECK(b->waiting == 7);
  CHECK(b->estimated_wait_min == 20);
  CHECK(over_target(*b));
  CHECK_FALSE(over_target(*find_service(h.state(), "A")));
  CHECK(h.vertices_in(highlight) > 0);
}

TEST_CASE("a customer waiting longer than the target marks the service, though a new ticket would wait less") {
  CounterHarness h;
  REQUIRE(h.node.store.engine->open_counter(2, {"A", "B", "C"}).ok());
  REQUIRE(h.node.store.engine->issue({"C", false, {}}).ok());
  h.node.store.clock.advance_s(25 * 60);  // C001 has waited 25 minutes against C's 20
  h.log_in();
  h.wait_ms(3000);
  const ServiceLine* c = find_service(h.state(), "C");
  REQUIRE(c);
  CHECK(c->longest_wait_min == 25);
  CHECK(c->estimated_wait_min < c->wait_target_min);
  CHECK(over_target(*c));
  CHECK(h.vertices_in(kit::u32(kit::palette().warning)) > 0);
}

TEST_CASE("reprint: a ticket whose print failed is listed; the button marks it printed") {
  CounterHarness h;
  Result<IssuedTicket> issued = h.node.store.engine->issue({"A", false, {}});
  REQUIRE(issued.ok());
  REQUIRE(h.node.store.engine->record_print(issued.value().ticket.id, PrintState::Failed).ok());
  h.log_in();
  REQUIRE(h.state().reprints.size() == 1);
  const std::string label = issued.value().ticket.label;
  h.tap("reprint." + label);
  CHECK(h.state().reprints.empty());
  CHECK(stored(h, issued.value().ticket.id, "print_state") == "printed");
}

TEST_CASE("a session that expired sends the staff back to login with a message") {
  CounterHarness h;
  h.log_in();
  h.node.store.clock.advance_s(13 * 3600);
  h.tap("act.call");
  CHECK(h.state().screen == Screen::Login);
  CHECK(h.state().login.session_ended);
  CHECK(h.state().login.name == "Li");
}

TEST_CASE("the node goes away: a banner, retries with backoff, and the console works again when it is back") {
  CounterHarness h;
  h.log_in();
  const ImU32 danger = kit::u32(kit::palette().danger);
  CHECK(h.vertices_in(danger) == 0);
  h.node.server->stop();
  // The next refresh fails (one answer may still come over a connection kept alive).
  for (int i = 0; i < 5 && !h.state().link.down; ++i) h.wait_ms(3000);
  REQUIRE(h.state().link.down);
  CHECK(h.vertices_in(danger) > 0);  // the banner
  std::vector<int> delays;
  for (int i = 0; i < 3; ++i) {
    delays.push_back(retry_seconds_left(h.state(), h.now));
    h.wait_ms(EpochMs(delays.back()) * 1000);  // the retry is due, and fails
  }
  CHECK(delays == std::vector<int>{1, 2, 4});
  CHECK(retry_seconds_left(h.state(), h.now) == 8);
  h.tap("act.call");  // an action says it did nothing
  CHECK(h.state().error.key == "counter.error.unreachable");

  node::StoreNodeConfig config;  // the same store and port, a new server
  config.data_dir = h.node.store.dir.path();
  config.listen = {"127.0.0.1", h.node.port};
  config.staff = h.node.policy;
  h.node.server = std::make_unique<node::StoreNodeServer>(config, h.node.store.clock);
  REQUIRE(h.node.server->start().ok());
  REQUIRE(h.node.store.engine->issue({"A", false, {}}).ok());
  for (int i = 0; i < 12 && h.state().link.down; ++i) h.wait_ms(1000);
  CHECK_FALSE(h.state().link.down);
  CHECK(h.vertices_in(danger) == 0);
  CHECK(find_service(h.state(), "A")->waiting == 1);
  h.tap("act.call");  // the session is still good
  CHECK(h.state().ticket);
}
