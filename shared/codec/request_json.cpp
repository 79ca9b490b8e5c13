// JSON of requests (see request_json.h). Absent optional values print as null.
#include "codec/request_json.h"

#include "core/phone.h"

namespace kiosk {
namespace {

using json = nlohmann::ordered_json;

template <class T>
json or_null(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json window_or_null(const std::optional<TimeWindow>& window) {
  return window ? json(to_string(*window)) : json(nullptr);
}

json text_or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

// The fields both views share; the phone as given.
json request_fields(const Request& r, const std::string& phone) {
  return json{{"id", r.id},
              {"code", r.code},
              {"kind", to_string(r.kind)},
              {"state", to_string(r.state)},
              {"version", r.version},
              {"product", r.product},
              {"model", r.model},
              {"serial", r.serial},
              {"purchase_date", text_or_null(r.purchase_date)},
              {"problem", r.problem},
              {"description", r.description},
              {"contact_name", r.contact_name},
              {"phone", phone},
              {"on_site", r.on_site},
              {"address", r.address},
              {"preferred_date", text_or_null(r.preferred_date)},
              {"time_window", window_or_null(r.time_window)},
              {"urgency", to_string(r.urgency)},
              {"consent_at", r.consent_at},
              {"assignee", text_or_null(r.assignee)},
              {"scheduled_date", text_or_null(r.scheduled_date)},
              {"scheduled_window", window_or_null(r.scheduled_window)},
              {"created_at", r.created_at},
              {"updated_at", r.updated_at},
              {"closed_at", or_null(r.closed_at)},
              {"purged_at", or_null(r.purged_at)}};
}

}  // namespace

json to_json(const Request& request) {
  json out = request_fields(request, mask_phone(request.phone));
  if (!request.events.empty()) {
    json events = json::array();
    for (const RequestEvent& e : request.events) events.push_back(to_json(e));
    out["events"] = events;
  }
  return out;
}

json to_json(const RequestEvent& e) {
  return json{{"at", e.at},
              {"by", e.actor},
              {"from", e.from ? json(to_string(*e.from)) : json(nullptr)},
              {"to", to_string(e.to)},
              {"note", e.note},
              {"version", e.version}};
}

json to_json(const RequestStatus& s) {
  json timeline = json::array();
  for (const StatusStep& step : s.timeline) timeline.push_back(json{{"state", to_string(step.state)}, {"at", step.at}});
  return json{{"code", s.code},
              {"kind", to_string(s.kind)},
              {"product", s.product},
              {"problem", s.problem},
              {"state", to_string(s.state)},
              {"scheduled_date", text_or_null(s.scheduled_date)},
              {"scheduled_window", window_or_null(s.scheduled_window)},
              {"timeline", timeline}};
}

json to_json(const ProductCategory& p) {
  json problems = json::array();
  for (const ProblemCategory& q : p.problems) {
    json kinds = json::array();
    if (q.for_repair) kinds.push_back("repair");
    if (q.for_installation) kinds.push_back("installation");
    problems.push_back(json{{"code", q.code}, {"zh", q.name_zh}, {"en", q.name_en}, {"kinds", kinds}});
  }
  return json{{"code", p.code}, {"zh", p.name_zh}, {"en", p.name_en}, {"problems", problems}};
}

json request_record(const Request& request) { return request_fields(request, request.phone); }

json request_event_record(const std::string& request_id, const RequestEvent& e) {
  json out = to_json(e);
  out["request"] = request_id;
  out["event"] = to_string(e.to);
  return out;
}

}  // namespace kiosk
