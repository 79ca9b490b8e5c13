// Request records for the sync outbox (see request_outbox.h).
#include "requests/request_outbox.h"

#include "codec/request_json.h"
#include "requests/request_rating.h"
#include "requests/request_rows.h"

namespace kiosk {

std::optional<nlohmann::ordered_json> request_outbox_data(Database& db, const std::string& kind,
                                                          const std::string& id) {
  if (kind == "request") {
    const std::optional<Request> request = request_rows::find_by_id(db, id);
    return request ? request_record(*request) : nlohmann::ordered_json::object();
  }
  if (kind == "request_event") {
    std::string request_id;
    const std::optional<RequestEvent> event = request_rows::find_event(db, id, &request_id);
    return event ? request_event_record(request_id, *event) : nlohmann::ordered_json::object();
  }
  if (kind == "request_rating") {
    const std::optional<RequestRating> r = find_request_rating(db, id);
    if (!r) return nlohmann::ordered_json::object();
    return nlohmann::ordered_json{{"request", r->request_id},    {"request_code", r->request_code},
                                  {"score", r->score},           {"reasons", r->reasons},
                                  {"comment", r->comment},       {"rated_by", to_string(r->by)},
                                  {"technician", r->technician}, {"created_at", r->created_at}};
  }
  return std::nullopt;
}

}  // namespace kiosk
