// Reading /queue and /events answers field by field (see node_json.h).
#include "display/node_json.h"

#include <string>

#include "queue/ticket_label.h"

namespace kiosk::display {
namespace {

using nlohmann::json;

constexpr int kMaxCounter = 9999;

Error bad_answer(const std::string& what) { return unavailable("the store node sent a bad " + what, "bad-answer"); }

bool is_string(const json& object, const char* key) { return object.contains(key) && object[key].is_string(); }
bool is_integer(const json& object, const char* key) { return object.contains(key) && object[key].is_number_integer(); }

}  // namespace

Result<QueueSnapshot> read_queue(const json& answer) {
  if (!answer.is_object() || !answer.contains("services") || !answer["services"].is_array() ||
      !is_integer(answer, "last_event_seq"))
    return bad_answer("queue");
  QueueSnapshot snapshot;
  snapshot.last_event_seq = answer["last_event_seq"].get<long long>();
  if (answer.contains("time_zone")) {
    if (!answer["time_zone"].is_string() || answer["time_zone"].get<std::string>().size() > 64)
      return bad_answer("queue time zone");
    snapshot.time_zone = answer["time_zone"].get<std::string>();
  }
  for (const json& service : answer["services"]) {
    if (!service.is_object() || !is_string(service, "code") || !is_string(service, "zh") || !is_string(service, "en") ||
        !is_integer(service, "waiting"))
      return bad_answer("service in the queue");
    snapshot.services.push_back({service["code"].get<std::string>(), service["zh"].get<std::string>(),
                                 service["en"].get<std::string>(), service["waiting"].get<int>()});
  }
  return snapshot;
}

Result<EventsPage> read_events(const json& answer) {
  if (!answer.is_object() || !answer.contains("events") || !answer["events"].is_array() ||
      !is_integer(answer, "last_seq"))
    return bad_answer("event list");
  EventsPage page;
  page.last_seq = answer["last_seq"].get<long long>();
  for (const json& event : answer["events"]) {
    if (!event.is_object() || !is_integer(event, "seq") || !is_string(event, "kind") || !is_string(event, "ticket") ||
        !is_string(event, "service") || !is_integer(event, "counter") || !is_integer(event, "at"))
      return bad_answer("event");
    const std::string kind = event["kind"].get<std::string>();
    const std::string ticket = event["ticket"].get<std::string>();
    const int counter = event["counter"].get<int>();
    const bool ends_call = kind == "no-show" || kind == "transfer";
    if ((kind != "call" && kind != "recall" && !ends_call) || !parse_ticket_label(ticket) || counter < 1 ||
        counter > kMaxCounter)
      return bad_answer("event");
    page.events.push_back({event["seq"].get<long long>(), kind == "recall", ticket, event["service"].get<std::string>(),
                           counter, event["at"].get<EpochMs>(), ends_call});
  }
  return page;
}

}  // namespace kiosk::display
