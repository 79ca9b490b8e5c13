// Records HQ makes for a customer's phone (docs/public-pages.md): a rating
// given on a phone page is stored as a record of the request's or ticket's
// store as if its device "phone" had uploaded it (incarnation "phone", seq 0,
// revision 1), through the upload's own path (hq_sync.h store_records), so
// every report and export counts it with the store's. And the rule "one
// rating per request" at HQ, whichever device gave it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/clock.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

inline constexpr const char* kPhoneDevice = "phone";

// Stores `data`, checked as an upload's data of `kind` is, as a new record of
// `store_id` with a new id, which it returns. Inside the write transaction.
// Data that fails the check is a programming error: std::logic_error.
std::string store_phone_record(HqDb& db, const std::string& store_id, const std::string& kind,
                               const nlohmann::ordered_json& data, EpochMs now);

// Whether HQ holds a rating (a request_rating record, from any device) of the
// store's request `code` other than the record `except_id`. Holds the
// request's rating lock until the transaction ends: a phone and a store's
// upload deciding at once (several hq processes) decide one after the other.
bool request_rated_at_hq(HqDb& db, const std::string& store_id, const std::string& code,
                         const std::string& except_id = {});

}  // namespace kiosk::hq
