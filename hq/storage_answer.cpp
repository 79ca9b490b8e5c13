// HQ's HTTP answer to a StorageFailure (storage_answer.h).
#include "hq/storage_answer.h"

#include "codec/api_error.h"

namespace kiosk::hq {

ApiError storage_answer(const StorageFailure& e) {
  if (e.kind() == StorageFailure::Kind::Busy) return {503, "busy", "HQ's database is busy; try again", 1};
  if (e.kind() == StorageFailure::Kind::DiskFull || e.kind() == StorageFailure::Kind::ReadOnly)
    return api_error_from(storage_error_of(e));
  return {503, "storage", e.what(), 5};
}

ApiError storage_answer(const Error& not_opened) {
  if (is_disk_refusal(not_opened.code)) return api_error_from(not_opened);
  return {503, "storage", not_opened.message, 5};
}

}  // namespace kiosk::hq
