// Reading the store node's job answers (docs/store-node-api.md, "Technician
// jobs") into the device's plain state, and its errors into what the reducer
// needs. Missing fields or fields of the wrong type read as empty or zero.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/result.h"
#include "technician/technician_actions.h"

namespace kiosk::technician {

JobLine job_line_from_json(const nlohmann::json& job);
// The answer {"job": ..., "today": ..., "last_visit_day": ...}.
JobDetail job_detail_from_json(const nlohmann::json& answer);
std::vector<JobLine> jobs_from_json(const nlohmann::json& answer);  // GET /jobs
// An error of StoreNodeClient for request `what` as a RequestFailed.
RequestFailed failure_from_error(const std::string& what, const Error& error);

}  // namespace kiosk::technician
