// The display's reducer alone, with an injected time: events applied in seq
// order, the current call and five earlier ones, recalls marked and moved to
// the top, events seen again after a reconnect ignored, the connection state,
// highlight, blink, language turns and the next redraw time.
#include <doctest/doctest.h>

#include "display/display_reducer.h"

using namespace kiosk;
using namespace kiosk::display;

namespace {

CallEvent call(long long seq, const std::string& ticket, int counter, bool recall = false) {
  return {seq, recall, ticket, ticket.substr(0, 1), counter, 1000 * seq};
}

std::vector<std::string> labels(const DisplayState& state) {
  std::vector<std::string> out;
  for (const BoardCall& c : state.calls) out.push_back(c.event.ticket);
  return out;
}

const DisplayTimings timings;

}  // namespace

TEST_CASE("events are applied in order: the newest call is current") {
  DisplayState state;
  reduce(state, EventsArrived{{call(1, "A001", 1), call(2, "B001", 2), call(3, "A002", 3)}, true}, 5000);
  CHECK(labels(state) == std::vector<std::string>{"A002", "B001", "A001"});
  CHECK(state.last_seq == 3);
  CHECK(state.calls.front().event.counter == 3);
  CHECK(state.connection == Connection::Online);
}

TEST_CASE("the board keeps the current call and the five before it") {
  DisplayState state;
  for (int i = 1; i <= 9; ++i)
    reduce(state, EventsArrived{{call(i, "A00" + std::to_string(i), 1 + i % 3)}, true}, 1000 * i);
  REQUIRE(state.calls.size() == kKeptCalls);
  CHECK(labels(state) == std::vector<std::string>{"A009", "A008", "A007", "A006", "A005", "A004"});
}

TEST_CASE("a recall is marked and moves the ticket to the top without a second entry") {
  DisplayState state;
  reduce(state, EventsArrived{{call(1, "A001", 1), call(2, "A002", 2)}, true}, 1000);
  reduce(state, EventsArrived{{call(3, "A001", 1, true)}, true}, 9000);
  CHECK(labels(state) == std::vector<std::string>{"A001", "A002"});
  CHECK(state.calls.front().event.recall);
  CHECK(state.calls.front().arrived_at == 9000);
  CHECK_FALSE(state.calls.back().event.recall);
}

TEST_CASE("a no-show or a transfer takes the ticket off the board: nobody is sent to that counter any more") {
  DisplayState state;
  reduce(state, EventsArrived{{call(1, "A001", 1), call(2, "A002", 1)}, true}, 1000);
  CallEvent missed = call(3, "A002", 1);
  missed.ends_call = true;
  reduce(state, EventsArrived{{missed, call(4, "A003", 1)}, true}, 2000);
  CHECK(labels(state) == std::vector<std::string>{"A003", "A001"});
  CallEvent moved = call(5, "A003", 1);
  moved.ends_call = true;
  reduce(state, EventsArrived{{moved}, true}, 3000);
  CHECK(labels(state) == std::vector<std::string>{"A001"});
  CHECK(state.last_seq == 5);
  // Called again later at the service it moved to: on the board again.
  reduce(state, EventsArrived{{call(6, "A003", 2)}, true}, 4000);
  CHECK(labels(state) == std::vector<std::string>{"A003", "A001"});
}

TEST_CASE("the board's clock is the store's time zone once the node says it") {
  DisplayState state;
  reduce(state, QueueLoaded{{}, "Asia/Shanghai"}, 1000);
  REQUIRE(state.zone);
  CHECK(state.zone->name() == "Asia/Shanghai");
  reduce(state, QueueLoaded{{}, "No/Such_Zone"}, 2000);
  CHECK(state.zone->name() == "Asia/Shanghai");  // an unknown zone changes nothing
}

TEST_CASE("events seen again after a reconnect are ignored by seq") {
  DisplayState state;
  reduce(state, EventsArrived{{call(1, "A001", 1), call(2, "A002", 2)}, true}, 1000);
  reduce(state, NodeUnreachable{"connection refused"}, 2000);
  CHECK(state.connection == Connection::Offline);
  CHECK(state.offline_since == 2000);
  reduce(state, NodeUnreachable{"connection refused"}, 3000);
  CHECK(state.offline_since == 2000);  // since the first failure
  // The node answers again with an overlapping page: 2 is old, 3 is new.
  reduce(state, EventsArrived{{call(2, "A002", 2), call(3, "A003", 3)}, true}, 4000);
  CHECK(labels(state) == std::vector<std::string>{"A003", "A002", "A001"});
  CHECK(state.calls[1].arrived_at == 1000);  // not highlighted again
  CHECK(state.last_seq == 3);
  CHECK(state.connection == Connection::Online);
}

TEST_CASE("replayed calls are listed but never highlighted; live ones are for a while") {
  DisplayState state;
  reduce(state, EventsArrived{{call(1, "A001", 1)}, false}, 1000);
  CHECK(state.history_loaded);
  CHECK_FALSE(is_highlighted(state.calls.front(), 1000, timings));
  reduce(state, EventsArrived{{call(2, "A002", 2)}, true}, 10000);
  const BoardCall& fresh = state.calls.front();
  CHECK(is_highlighted(fresh, 10000, timings));
  CHECK(blink_on(fresh, 10000, timings));
  CHECK_FALSE(blink_on(fresh, 10000 + timings.blink_period, timings));
  CHECK(blink_on(fresh, 10000 + 2 * timings.blink_period, timings));
  CHECK(is_highlighted(fresh, 10000 + timings.highlight - 1, timings));
  CHECK_FALSE(is_highlighted(fresh, 10000 + timings.highlight, timings));
}

TEST_CASE("the waiting counts come from the queue") {
  DisplayState state;
  reduce(state, QueueLoaded{{{"A", "咨询", "Consultation", 4}, {"B", "投诉与建议", "Complaints", 0}}, ""}, 1000);
  CHECK(state.queue_loaded);
  REQUIRE(state.services.size() == 2);
  CHECK(state.services[0].waiting == 4);
  reduce(state, QueueLoaded{{{"A", "咨询", "Consultation", 3}}, ""}, 2000);
  CHECK(state.services.size() == 1);
  CHECK(state.services[0].waiting == 3);
}

TEST_CASE("the leading language: fixed, or taking turns with --lang both") {
  DisplayState state;
  state.started_at = 100000;
  CHECK(leading_language(state, 500000, timings) == app::Language::Zh);
  state.language = LanguageChoice::En;
  CHECK(leading_language(state, 100000, timings) == app::Language::En);
  state.language = LanguageChoice::Both;
  CHECK(leading_language(state, 100000, timings) == app::Language::Zh);
  CHECK(leading_language(state, 100000 + timings.language_turn, timings) == app::Language::En);
  CHECK(leading_language(state, 100000 + 2 * timings.language_turn + 5, timings) == app::Language::Zh);
}

TEST_CASE("the next redraw: the clock's minute, a blink, the end of a highlight, a language turn") {
  DisplayState state;
  CHECK(next_change(state, 61000, timings) == 120000);
  reduce(state, EventsArrived{{call(1, "A001", 1)}, true}, 100000);
  CHECK(next_change(state, 100000, timings) == 100000 + timings.blink_period);
  CHECK(next_change(state, 100000 + timings.blink_period + 1, timings) == 100000 + 2 * timings.blink_period);
  CHECK(next_change(state, 100000 + timings.highlight, timings) == 120000);
  state.language = LanguageChoice::Both;
  state.started_at = 95000;
  CHECK(next_change(state, 100000 + timings.highlight, timings) == 95000 + 2 * timings.language_turn);
}
