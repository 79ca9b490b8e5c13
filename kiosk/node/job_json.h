// The technician's view of a request as a job (docs/store-node-api.md,
// "Technician jobs"): the summary the job list shows, and the details, where
// the customer's name, phone and address go only to the assigned technician
// (anyone else gets the phone masked and no name or address). Product and
// problem carry their zh/en names so a device needs no catalogue of its own.
#pragma once

#include <nlohmann/json.hpp>

#include "model/request_model.h"

namespace kiosk::node {

nlohmann::ordered_json job_summary(const Request& request, const std::vector<ProductCategory>& catalog);

// `for_assignee`: the asker is the request's technician. `next`: the states
// the asker may move it to (empty for anyone but the assignee).
nlohmann::ordered_json job_detail(const Request& request, const std::vector<ProductCategory>& catalog,
                                  bool for_assignee);

}  // namespace kiosk::node
