// Reading the node's /queue and /events answers: only the fields a hall may
// see are taken, and an answer with a ticket that is not a ticket label (a
// phone, a token) is refused whole.
#include <doctest/doctest.h>

#include "display/node_json.h"

using namespace kiosk;
using namespace kiosk::display;
using nlohmann::json;

TEST_CASE("events are read in order with their kind") {
  const json answer = json::parse(R"({"events": [
      {"seq": 42, "kind": "call", "ticket": "A012", "service": "A", "counter": 3, "at": 1795000000000},
      {"seq": 43, "kind": "recall", "ticket": "A012", "service": "A", "counter": 3, "at": 1795000030000}],
    "last_seq": 43})");
  Result<EventsPage> page = read_events(answer);
  REQUIRE(page.ok());
  REQUIRE(page.value().events.size() == 2);
  CHECK(page.value().events[0].seq == 42);
  CHECK_FALSE(page.value().events[0].recall);
  CHECK(page.value().events[1].recall);
  CHECK(page.value().events[1].ticket == "A012");
  CHECK(page.value().events[1].counter == 3);
  CHECK(page.value().last_seq == 43);
}

TEST_CASE("a no-show and a transfer are read as the end of a call; an unknown kind is refused") {
  const json answer = json::parse(R"({"events": [
      {"seq": 44, "kind": "no-show", "ticket": "A002", "service": "A", "counter": 1, "at": 1795000000000},
      {"seq": 45, "kind": "transfer", "ticket": "A003", "service": "A", "counter": 1, "at": 1795000030000}],
    "last_seq": 45})");
  Result<EventsPage> page = read_events(answer);
  REQUIRE(page.ok());
  REQUIRE(page.value().events.size() == 2);
  CHECK(page.value().events[0].ends_call);
  CHECK(page.value().events[1].ends_call);
  CHECK_FALSE(page.value().events[1].recall);
  json odd = answer;
  odd["events"][0]["kind"] = "finish";
  CHECK_FALSE(read_events(odd).ok());
}

TEST_CASE("an event whose ticket is not a ticket label is refused") {
  for (const char* ticket : {"13812345678", "9f3c0a", "", "A12"}) {
    json answer = {
        {"events",
         json::array(
             {{{"seq", 1}, {"kind", "call"}, {"ticket", ticket}, {"service", "A"}, {"counter", 1}, {"at", 0}}})},
        {"last_seq", 1}};
    CAPTURE(ticket);
    Result<EventsPage> page = read_events(answer);
    REQUIRE_FALSE(page.ok());
    CHECK(page.error().kind == ErrorKind::Unavailable);
  }
}

TEST_CASE("missing or mistyped fields are refused") {
  CHECK_FALSE(read_events(json::parse(R"({"events": []})")).ok());
  CHECK_FALSE(read_events(json::parse(R"({"events": [{"seq": "1"}], "last_seq": 1})")).ok());
  CHECK_FALSE(read_events(json::parse(R"([1, 2])")).ok());
  CHECK_FALSE(read_queue(json::parse(R"({"services": [{"code": "A"}], "last_event_seq": 0})")).ok());
  CHECK_FALSE(read_queue(json::parse(R"({"services": []})")).ok());
}

TEST_CASE("the queue gives names and waiting counts, nothing else") {
  const json answer = json::parse(R"({"store": "S1", "business_day": "2026-11-23",
    "services": [{"code": "A", "zh": "咨询", "en": "Consultation", "priority": true, "wait_target_min": 15,
                  "typical_service_min": 5, "waiting": 4, "counters_open": 2, "estimated_wait_min": 10}],
    "counters": [], "last_event_seq": 41})");
  Result<QueueSnapshot> queue = read_queue(answer);
  REQUIRE(queue.ok());
  CHECK(queue.value().last_event_seq == 41);
  REQUIRE(queue.value().services.size() == 1);
  CHECK(queue.value().services[0].name_zh == "咨询");
  CHECK(queue.value().services[0].name_en == "Consultation");
  CHECK(queue.value().services[0].waiting == 4);
  CHECK(queue.value().time_zone.empty());  // a node that does not say
  json zoned = answer;
  zoned["time_zone"] = "Asia/Shanghai";
  CHECK(read_queue(zoned).value().time_zone == "Asia/Shanghai");
  zoned["time_zone"] = 8;
  CHECK_FALSE(read_queue(zoned).ok());
}
