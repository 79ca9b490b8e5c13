// Request records for the sync outbox (see request_outbox.h).
#include "requests/request_outbox.h"

#include "codec/request_json.h"
#include "requests/request_rows.h"

namespace kiosk {

std::optional<nlohmann::ordered_json> request_outbox_data(Database& db, const std::string& kind, const std::string& id) {
  if (kind == "request") {
    const std::optional<Request> request = request_rows::find_by_id(db, id);
    return request ? request_record(*request) : nlohmann::ordered_json::object();
  }
  if (kind == "request_event") {
    std::string request_id;
    const std::optional<RequestEvent> event = request_rows::find_event(db, id, &request_id);
    return event ? request_event_record(request_id, *event) : nlohmann::ordered_json::object();
  }
  return std::nullopt;
}

}  // namespace kiosk
