// A request form as JSON, both ways: what the store node's POST /api/v1/requests
// (and /tickets/ID/request) reads, and what the counter console sends. Only
// types and sizes are checked here (a BadRequest naming the field); every
// rule of the domain stays with validate_request (requests/request_validation.h).
#pragma once

#include <nlohmann/json.hpp>

#include "codec/api_json.h"
#include "model/request_model.h"

namespace kiosk {

// Fields: "product", "problem", "contact_name" (strings, required), optional
// strings "kind" (default "repair"), "model", "serial", "purchase_date",
// "description", "phone" (an empty or missing one is the validator's
// "phone-empty", or the ticket's phone where a ticket is turned into a
// request), "address", "preferred_date", "time_window", "urgency" (default
// "normal"), optional booleans "on_site" (default true) and "consent"
// (default false). Unknown fields are refused ("unknown-field") so a misspelt
// one is never silently dropped.
// Throws BadRequest ("missing-field", "bad-field", "unknown-field").
RequestForm request_form_from(const JsonBody& body);

// The body request_form_from reads back to the same form.
nlohmann::ordered_json request_form_json(const RequestForm& form);

}  // namespace kiosk
