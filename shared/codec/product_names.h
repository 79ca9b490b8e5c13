// A request's product and problem by their codes, with the catalogue's zh/en
// names ({"code", "zh", "en"}; the code itself where the catalogue lacks it),
// so a device that shows a job needs no catalogue of its own: the store
// node's jobs (kiosk/node/job_json.h) and HQ's technician feed
// (hq/technician_feed.h).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/request_model.h"

namespace kiosk {

struct ProductNames {
  nlohmann::ordered_json product;
  nlohmann::ordered_json problem;
};

ProductNames product_names(const std::string& product, const std::string& problem,
                           const std::vector<ProductCategory>& catalog);

}  // namespace kiosk
