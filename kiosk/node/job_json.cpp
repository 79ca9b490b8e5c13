// JSON of jobs for technicians (see job_json.h).
#include "node/job_json.h"

#include "codec/product_names.h"
#include "codec/request_json.h"
#include "core/phone.h"
#include "requests/request_lifecycle.h"

namespace kiosk::node {
namespace {

using json = nlohmann::ordered_json;

json or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json window_or_null(const std::optional<TimeWindow>& window) {
  return window ? json(to_string(*window)) : json(nullptr);
}

}  // namespace

json job_summary(const Request& r, const std::vector<ProductCategory>& catalog) {
  ProductNames named = product_names(r.product, r.problem, catalog);
  return json{{"code", r.code},
              {"kind", to_string(r.kind)},
              {"state", to_string(r.state)},
              {"version", r.version},
              {"product", std::move(named.product)},
              {"model", r.model},
              {"problem", std::move(named.problem)},
              {"urgency", to_string(r.urgency)},
              {"on_site", r.on_site},
              {"preferred_date", or_null(r.preferred_date)},
              {"time_window", window_or_null(r.time_window)},
              {"scheduled_date", or_null(r.scheduled_date)},
              {"scheduled_window", window_or_null(r.scheduled_window)},
              {"created_at", r.created_at},
              {"updated_at", r.updated_at}};
}

json job_detail(const Request& r, const std::vector<ProductCategory>& catalog, bool for_assignee) {
  json out = job_summary(r, catalog);
  out["mine"] = for_assignee;
  out["description"] = r.description;
  out["contact_name"] = for_assignee ? json(r.contact_name) : json(nullptr);
  out["phone"] = for_assignee ? r.phone : mask_phone(r.phone);
  out["address"] = for_assignee ? json(r.address) : json(nullptr);
  json next = json::array();
  if (for_assignee)
    for (RequestState s : technician_next_states(r.state)) next.push_back(to_string(s));
  out["next"] = next;
  json events = json::array();
  for (const RequestEvent& e : r.events) events.push_back(to_json(e));
  out["events"] = events;
  return out;
}

}  // namespace kiosk::node
