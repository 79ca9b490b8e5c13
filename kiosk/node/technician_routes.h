// The store node's endpoints for field technicians (docs/store-node-api.md,
// "Technician jobs"): GET /api/v1/jobs (my open jobs, newest first),
// GET /api/v1/jobs/CODE (details; name, phone and address only for the
// assigned technician), POST /api/v1/jobs/CODE/transition (a work step with
// an optional note and the version seen), POST /api/v1/jobs/CODE/complete
// (done with the resolution note, the customer's confirmation and rating in
// one transaction). A technician logs in through POST /api/v1/login without
// a counter; his jobs are the requests whose assignee he is.
#pragma once

#include "core/clock.h"
#include "node/node_route.h"

namespace kiosk::node {

void add_technician_routes(const AddRoute& add, const Clock& clock);

}  // namespace kiosk::node
