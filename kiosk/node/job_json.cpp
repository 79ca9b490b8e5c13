// JSON of jobs for technicians (see job_json.h).
#include "node/job_json.h"

#include "codec/request_json.h"
#include "core/phone.h"
#include "requests/request_lifecycle.h"

namespace kiosk::node {
namespace {

using json = nlohmann::ordered_json;

json names(const std::string& code, const std::string& zh, const std::string& en) {
  return json{{"code", code}, {"zh", zh.empty() ? code : zh}, {"en", en.empty() ? code : en}};
}

json product_names(const Request& r, const std::vector<ProductCategory>& catalog, json* problem) {
  *problem = names(r.problem, "", "");
  for (const ProductCategory& p : catalog) {
    if (p.code != r.product) continue;
    for (const ProblemCategory& q : p.problems)
      if (q.code == r.problem) *problem = names(q.code, q.name_zh, q.name_en);
    return names(p.code, p.name_zh, p.name_en);
  }
  return names(r.product, "", "");
}

json or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json window_or_null(const std::optional<TimeWindow>& window) {
  return window ? json(to_string(*window)) : json(nullptr);
}

}  // namespace

json job_summary(const Request& r, const std::vector<ProductCategory>& catalog) {
  json problem;
  json product = product_names(r, catalog, &problem);
  return json{{"code", r.code},
              {"kind", to_string(r.kind)},
              {"state", to_string(r.state)},
              {"version", r.version},
              {"product", std::move(product)},
              {"model", r.model},
              {"problem", std::move(problem)},
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
