// Reading the store node's JSON answers (docs/store-node-api.md) into the
// console's plain state lines, and its errors into what the reducer needs.
// Fields that are missing or of the wrong type read as empty or zero.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "counter/counter_actions.h"

namespace kiosk::counter {

TicketLine ticket_from_json(const nlohmann::json& ticket);
CounterLine counter_from_json(const nlohmann::json& counter);
// GET /queue: every service, and `counter_number`'s line if the store has it.
QueueLoaded queue_from_json(const nlohmann::json& queue, int counter_number);
std::vector<TicketLine> reprints_from_json(const nlohmann::json& answer);
// GET /products: the catalogue, the store's today and the last visit day.
RequestOptionsLoaded request_options_from_json(const nlohmann::json& answer);
// A created request as its receipt shows it (id, code, kind, product, problem,
// masked phone, on site, preferred visit); other fields are left empty.
Request receipt_request_from_json(const nlohmann::json& request);
// An error of StoreNodeClient for request `what` as a RequestFailed.
RequestFailed failure_from_error(const std::string& what, const Error& error);

}  // namespace kiosk::counter
