// The store node's answers as console state lines.
#include "counter/node_answers.h"

#include <algorithm>
#include <regex>

namespace kiosk::counter {
namespace {

using nlohmann::json;

std::string text(const json& object, const char* field) {
  if (!object.is_object() || !object.contains(field) || !object[field].is_string()) return {};
  return object[field].get<std::string>();
}

int number(const json& object, const char* field) {
  if (!object.is_object() || !object.contains(field) || !object[field].is_number_integer()) return 0;
  return object[field].get<int>();
}

// A number that may be null (or absent): nullopt then.
std::optional<int> optional_number(const json& object, const char* field) {
  if (!object.is_object() || !object.contains(field) || !object[field].is_number_integer()) return std::nullopt;
  return object[field].get<int>();
}

const json& list(const json& object, const char* field) {
  static const json empty = json::array();
  if (!object.is_object() || !object.contains(field) || !object[field].is_array()) return empty;
  return object[field];
}

// "locked for 5 minutes (in 287 s)": the seconds the node says, as minutes rounded up.
int locked_minutes(const std::string& message) {
  static const std::regex in_seconds(R"(\(in (\d{1,7}) s\))");
  std::smatch match;
  if (!std::regex_search(message, match, in_seconds)) return 0;
  return (std::stoi(match[1]) + 59) / 60;
}

}  // namespace

TicketLine ticket_from_json(const json& t) {
  const bool priority =
      t.is_object() && t.contains("priority") && t["priority"].is_boolean() && t["priority"].get<bool>();
  return TicketLine{text(t, "id"),    text(t, "ticket"),    text(t, "service"),
                    text(t, "state"), number(t, "recalls"), priority};
}

CounterLine counter_from_json(const json& c) {
  CounterLine line{text(c, "state"), text(c, "pause_reason"), {}};
  for (const json& code : list(c, "services"))
    if (code.is_string()) line.services.push_back(code.get<std::string>());
  return line;
}

QueueLoaded queue_from_json(const json& queue, int counter_number) {
  QueueLoaded loaded;
  for (const json& s : list(queue, "services"))
    loaded.services.push_back(ServiceLine{text(s, "code"), text(s, "zh"), text(s, "en"), number(s, "waiting"),
                                          number(s, "counters_open"), optional_number(s, "estimated_wait_min"),
                                          number(s, "wait_target_min"), optional_number(s, "longest_wait_min")});
  for (const json& c : list(queue, "counters"))
    if (number(c, "counter") == counter_number) loaded.counter = counter_from_json(c);
  return loaded;
}

std::vector<TicketLine> reprints_from_json(const json& answer) {
  std::vector<TicketLine> tickets;
  for (const json& t : list(answer, "tickets")) tickets.push_back(ticket_from_json(t));
  return tickets;
}

RequestOptionsLoaded request_options_from_json(const json& answer) {
  RequestOptionsLoaded loaded{{}, text(answer, "today"), text(answer, "last_visit_day")};
  for (const json& p : list(answer, "products")) {
    ProductCategory product{text(p, "code"), text(p, "zh"), text(p, "en"), {}};
    for (const json& q : list(p, "problems")) {
      ProblemCategory problem{text(q, "code"), text(q, "zh"), text(q, "en"), false, false};
      for (const json& kind : list(q, "kinds")) {
        if (kind == "repair") problem.for_repair = true;
        if (kind == "installation") problem.for_installation = true;
      }
      if (!q.contains("kinds")) problem.for_repair = true;  // a node from before kinds: repairs only
      product.problems.push_back(std::move(problem));
    }
    loaded.products.push_back(std::move(product));
  }
  return loaded;
}

Request receipt_request_from_json(const json& r) {
  Request request;
  request.id = text(r, "id");
  request.code = text(r, "code");
  request.kind = request_kind_from(text(r, "kind")).value_or(RequestKind::Repair);
  request.product = text(r, "product");
  request.problem = text(r, "problem");
  request.phone = text(r, "phone");
  request.on_site = !r.is_object() || !r.contains("on_site") || !r["on_site"].is_boolean() || r["on_site"].get<bool>();
  request.preferred_date = text(r, "preferred_date");
  request.time_window = time_window_from(text(r, "time_window"));
  return request;
}

RequestFailed failure_from_error(const std::string& what, const Error& e) {
  RequestFailed failed{what, Failure::Other, 0};
  if (e.code == "disk-full")
    failed.failure = Failure::DiskFull;
  else if (e.code == "read-only")
    failed.failure = Failure::ReadOnly;
  else if (e.kind == ErrorKind::Unavailable)
    failed.failure = Failure::Unreachable;
  else if (e.code == "missing-token" || e.code == "invalid-token" || e.code == "expired-token" ||
           e.code == "wrong-counter")
    failed.failure = Failure::SessionEnded;
  else if (e.code == "wrong-pin")
    failed.failure = Failure::WrongPin;
  else if (e.code == "locked-out") {
    failed.failure = Failure::LockedOut;
    failed.locked_minutes = locked_minutes(e.message);
  } else if (e.code == "unknown-counter")
    failed.failure = Failure::UnknownCounter;
  else if (e.kind == ErrorKind::Refused)
    failed.failure = Failure::Refused;
  return failed;
}

}  // namespace kiosk::counter
