// A StorageFailure, or a database that would not open, as the HTTP answer of
// HQ's device and console APIs: busy 503 "busy" (retry at once), a full or
// read-only disk 503 "disk-full" / "read-only" with words and Retry-After 30
// (codec/api_error.h), anything else 503 "storage".
#pragma once

#include "codec/api_json.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

ApiError storage_answer(const StorageFailure& e);
// The error of opening this thread's connection (open_hq_db).
ApiError storage_answer(const Error& not_opened);

}  // namespace kiosk::hq
