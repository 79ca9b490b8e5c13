// What the request benchmarks share: a store database with the default
// service and product catalogues, and a customer's filled-in request form.
#pragma once

#include <memory>
#include <string>

#include "core/clock.h"
#include "model/request_model.h"
#include "store/store_db.h"

namespace kiosk::bench {

// A new store "BENCH" in `dir` (which must not exist) with the default
// catalogues; exits the benchmark with a message if it cannot be made.
std::unique_ptr<StoreDb> create_request_store(const std::string& dir, const Clock& clock);

// An air-conditioner request as a customer fills it in, every field set; every
// third (by `i`) an installation. The visit is two days from `now`.
RequestForm sample_request_form(const StoreTimeZone& zone, EpochMs now, int i = 1);

}  // namespace kiosk::bench
