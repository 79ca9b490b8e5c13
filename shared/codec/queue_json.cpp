// Encoders from domain structs to JSON. Times are epoch milliseconds (UTC);
// absent times and figures are null.
#include "codec/queue_json.h"

#include "core/phone.h"

namespace kiosk {
namespace {

using json = nlohmann::ordered_json;

template <class T>
json optional_value(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

}  // namespace

json to_json(const StatsFigures& f) {
  return json{{"tickets", f.tickets},
              {"served", f.served},
              {"no_shows", f.no_shows},
              {"still_open", f.waiting},
              {"average_wait_s", optional_value(f.average_wait_s)},
              {"p90_wait_s", optional_value(f.p90_wait_s)},
              {"within_target_share", optional_value(f.within_target_share)},
              {"average_service_s", optional_value(f.average_service_s)},
              {"no_show_rate", optional_value(f.no_show_rate)},
              {"estimates_scored", f.estimates_scored},
              {"estimate_mae_min", optional_value(f.estimate_mae_min)},
              {"estimate_within_5min_share", optional_value(f.estimate_within_5min_share)}};
}

json to_json(const Ticket& t) {
  return json{{"ticket", t.label},
              {"id", t.id},
              {"business_day", t.business_day},
              {"service", t.service_code},
              {"priority", t.priority},
              {"state", to_string(t.state)},
              {"counter", optional_value(t.counter)},
              {"outcome", t.outcome ? json(to_string(*t.outcome)) : json(nullptr)},
              {"recalls", t.recalls},
              {"issued_at", t.issued_at},
              {"queued_since", t.queued_since},
              {"called_at", optional_value(t.called_at)},
              {"started_at", optional_value(t.started_at)},
              {"finished_at", optional_value(t.finished_at)},
              {"transferred_from", t.transferred_from.empty() ? json(nullptr) : json(t.transferred_from)},
              {"transferred_to", t.transferred_to.empty() ? json(nullptr) : json(t.transferred_to)},
              {"phone", t.phone.empty() ? json(nullptr) : json(mask_phone(t.phone))},
              {"token", t.token.empty() ? json(nullptr) : json(t.token)},
              {"print_state", to_string(t.print_state)},
              {"estimated_wait_min", optional_value(t.estimated_wait_min)},
              {"staff_id", t.staff_id.empty() ? json(nullptr) : json(t.staff_id)},
              {"language", t.language.empty() ? json(nullptr) : json(t.language)}};
}

json to_json(const IssuedTicket& issued) {
  json j = to_json(issued.ticket);
  j["people_ahead"] = issued.people_ahead;
  return j;
}

json to_json(const Counter& c) {
  return json{{"counter", c.number},
              {"state", to_string(c.state)},
              {"pause_reason", c.pause_reason.empty() ? json(nullptr) : json(c.pause_reason)},
              {"services", c.service_codes}};
}

json to_json(const Service& s) {
  return json{{"code", s.code},
              {"zh", s.name_zh},
              {"en", s.name_en},
              {"priority", s.priority_allowed},
              {"wait_target_min", s.wait_target_min},
              {"typical_service_min", s.typical_service_min}};
}

json to_json(const ServiceQueue& q) {
  json j = to_json(q.service);
  j["waiting"] = q.waiting;
  j["counters_open"] = q.counters_open;
  j["estimated_wait_min"] = optional_value(q.estimated_wait_min);
  j["longest_wait_min"] = optional_value(q.longest_wait_min);
  return j;
}

json to_json(const DayStats& stats) {
  json services = json::object();
  for (const auto& [code, figures] : stats.by_service) services[code] = to_json(figures);
  return json{{"business_day", stats.business_day}, {"total", to_json(stats.total)}, {"services", services}};
}

}  // namespace kiosk
