// JSON forms of requests, shared by kioskctl, the store node's API and sync:
// the operator's view (phone masked), the customer's status timeline, the
// product catalogue, and the whole records as uploaded to HQ.
#pragma once

#include <nlohmann/json.hpp>

#include "model/request_model.h"
#include "requests/request_lookup.h"

namespace kiosk {

// The request as operators see it (phone masked; events when loaded).
nlohmann::ordered_json to_json(const Request& request);
nlohmann::ordered_json to_json(const RequestEvent& event);
nlohmann::ordered_json to_json(const RequestStatus& status);
nlohmann::ordered_json to_json(const ProductCategory& product);

// The records of the sync outbox (docs/hq-sync-protocol.md): the request whole,
// personal fields included (HQ serves the assigned technician), and one event.
nlohmann::ordered_json request_record(const Request& request);
nlohmann::ordered_json request_event_record(const std::string& request_id, const RequestEvent& event);

}  // namespace kiosk
