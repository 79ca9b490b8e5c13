// The live queue a store posts to HQ (sync/live_queue.h), read from a real
// store: today's waiting tickets in queue order; each one's `ahead` and
// `wait_min` are what the kiosk showed at issue while nothing moved; the phone
// only while HQ sends reminders; beyond the estimate's replay no minutes;
// the JSON HQ gets.
#include <doctest/doctest.h>

#include "support/test_store.h"
#include "sync/live_queue.h"
#include "sync/public_page.h"

using namespace kiosk;
using kiosk::test::TestStore;

TEST_CASE("each waiting ticket's place and minutes are those its customer was shown, until the queue moves") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A", "B"}).ok());
  REQUIRE(s.engine->open_counter(2, {"A"}).ok());
  std::vector<IssuedTicket> issued;
  for (const char* service : {"A", "B", "A", "C", "A", "B", "A"})
    issued.push_back(s.engine->issue({service, false, service[0] == 'B' ? "13800138000" : ""}).value());
  const LiveQueue live = read_live_queue(*s.store, s.clock).value();
  CHECK(live.business_day == s.engine->today());
  REQUIRE(live.tickets.size() == issued.size());
  for (std::size_t i = 0; i < issued.size(); ++i) {
    CAPTURE(i);
    CHECK(live.tickets[i].id == issued[i].ticket.id);
    CHECK(live.tickets[i].ahead == issued[i].people_ahead);
    CHECK(live.tickets[i].wait_min == issued[i].ticket.estimated_wait_min);
    CHECK(live.tickets[i].phone.empty());  // HQ sends no reminders (yet)
  }
  CHECK_FALSE(live.tickets[3].wait_min);  // C: no open counter calls it

  // A call moves everyone of that service up one; HQ texting reminders brings the phones.
  test::give_public_page(*s.store, "https://q.example.com", true);
  REQUIRE(s.engine->call_next(2).value().id == issued[0].ticket.id);
  const LiveQueue moved = read_live_queue(*s.store, s.clock).value();
  REQUIRE(moved.tickets.size() == issued.size() - 1);
  CHECK(moved.tickets[0].id == issued[1].ticket.id);
  CHECK(moved.tickets[0].phone == "13800138000");
  CHECK(moved.tickets[0].ahead == 0);
  CHECK(moved.tickets[1].id == issued[2].ticket.id);
  CHECK(moved.tickets[1].ahead == 0);  // the A before it was called
  CHECK(moved.tickets[1].phone.empty());
  CHECK(moved.tickets[3].ahead == 1);
  CHECK(moved.tickets[4].phone == "13800138000");
  CHECK(moved.tickets[4].ahead == 1);

  const nlohmann::ordered_json body = live_queue_json(moved);
  CHECK(body["business_day"] == moved.business_day);
  REQUIRE(body["tickets"].size() == moved.tickets.size());
  CHECK(body["tickets"][0]["phone"] == "13800138000");
  CHECK_FALSE(body["tickets"][1].contains("phone"));
  CHECK(body["tickets"][2]["wait_min"].is_null());  // C
  CHECK(body["tickets"][1]["wait_min"] == *moved.tickets[1].wait_min);
  CHECK(live_queue_json(read_live_queue(*s.store, s.clock).value()).dump() == body.dump());  // equal queues, equal JSON

  test::give_public_page(*s.store, "https://q.example.com", false);  // reminders stopped: no phone leaves the store
  for (const LiveTicket& t : read_live_queue(*s.store, s.clock).value().tickets) CHECK(t.phone.empty());
}

TEST_CASE("a transferred visit keeps its place; yesterday's tickets and those beyond the replay are told apart") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A", "B"}).ok());
  const Ticket first = s.engine->issue({"A", false, {}}).value().ticket;
  s.clock.advance_s(10);
  const Ticket b = s.engine->issue({"B", false, {}}).value().ticket;
  REQUIRE(s.engine->call_next(1).value().id == first.id);
  s.clock.advance_s(60);
  const Ticket continued = s.engine->transfer(1, "B").value();  // queued since the visit began: before b
  const LiveQueue live = read_live_queue(*s.store, s.clock).value();
  REQUIRE(live.tickets.size() == 2);
  CHECK(live.tickets[0].id == continued.id);
  CHECK(live.tickets[0].ahead == 0);
  CHECK(live.tickets[1].id == b.id);
  CHECK(live.tickets[1].ahead == 1);

  // 205 waiting: the estimate replays the oldest 200; the rest get no minutes, but their place.
  for (int i = 0; i < 203; ++i) REQUIRE(s.engine->issue({"A", false, {}}).ok());
  const LiveQueue long_queue = read_live_queue(*s.store, s.clock).value();
  REQUIRE(long_queue.tickets.size() == 205);
  CHECK(long_queue.tickets[199].wait_min.has_value());
  CHECK_FALSE(long_queue.tickets[200].wait_min.has_value());
  CHECK(long_queue.tickets[204].ahead == 202);

  s.clock.advance_s(24 * 3600);  // the next business day: nobody of today waits
  const LiveQueue tomorrow = read_live_queue(*s.store, s.clock).value();
  CHECK(tomorrow.business_day != live.business_day);
  CHECK(tomorrow.tickets.empty());
  CHECK(live_queue_json(tomorrow)["tickets"].empty());
}
