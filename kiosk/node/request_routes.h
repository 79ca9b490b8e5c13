// The store node's request endpoints for counter staff (docs/store-node-api.md,
// "Requests"): GET /api/v1/products is what the form offers (the product
// catalogue, the store's today and the last day a visit may be asked for),
// POST /api/v1/requests creates a request on a customer's behalf,
// POST /api/v1/tickets/ID/request turns a finished ticket of today into one.
// The body is a request form (codec/request_form_json.h), checked by the
// domain's own validate_request; the actor is the session's staff member.
#pragma once

#include "core/clock.h"
#include "node/node_route.h"

namespace kiosk::node {

void add_request_routes(const AddRoute& add, const Clock& clock);

}  // namespace kiosk::node
