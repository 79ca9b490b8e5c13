// HQ's product catalogue (product_catalog, imported by `hq products import`),
// parsed, for naming a request's product and problem in Chinese and English
// where a device or a phone shows it (codec/product_names.h).
#pragma once

#include <vector>

#include "hq/hq_db.h"
#include "model/request_model.h"

namespace kiosk::hq {

// Empty before the first import (the codes are then shown as they are).
std::vector<ProductCategory> hq_products(HqDb& db);

}  // namespace kiosk::hq
