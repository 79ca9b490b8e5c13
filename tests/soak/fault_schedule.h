// The faults of a store day, at seeded random moments over the faulted part:
// SIGKILLs of the store node and of hq (each started again after a moment),
// counters' sessions dropped, the store's clock stepped back an hour and later
// forward a day, the store's disk filled for a while and emptied again. (The
// fault proxy's faults and the customers' kills run on their own.) Each one
// is counted in the ledger; the node and hq are running again at the end.
#pragma once

#include <chrono>

#include "soak/soak_ledger.h"
#include "soak/store_traffic.h"
#include "soak/store_under_test.h"

namespace kiosk::soak {

void run_faults(StoreUnderTest& store, StoreTraffic& traffic, SoakLedger& ledger, std::chrono::milliseconds duration,
                unsigned seed);

}  // namespace kiosk::soak
