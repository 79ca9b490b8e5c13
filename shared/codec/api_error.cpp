// Mapping domain errors to HTTP statuses (api_error.h).
#include "codec/api_error.h"

#include <set>

namespace kiosk {
namespace {

constexpr int kStorageRetryAfterS = 30;

}  // namespace

ApiError api_error_from(const Error& error) {
  const std::string& code = error.code;
  static const std::set<std::string> kUnauthorized{"wrong-pin",           "invalid-token",  "expired-token",
                                                   "device-not-enrolled", "device-revoked", "enrol-code-wrong",
                                                   "enrol-code-expired",  "enrol-code-used"};
  if (kUnauthorized.count(code)) return {401, code, error.message, {}};
  if (code == "wrong-counter" || code == "not-assignee" || code == "not-a-technician")
    return {403, code, error.message, {}};
  if (code == "locked-out" || code == "enrol-code-voided") return {429, code, error.message, {}};
  static const std::set<std::string> kUnknown{"unknown-ticket", "unknown-counter", "unknown-request", "unknown-store",
                                              "unknown-device", "unknown-staff",   "unknown-user"};
  if (kUnknown.count(code)) return {404, code, error.message, {}};
  switch (error.kind) {
    case ErrorKind::InvalidArgument:
      return {400, code.empty() ? "invalid-argument" : code, error.message, {}};
    case ErrorKind::Refused:
      return {409, code.empty() ? "refused" : code, error.message, {}};
    case ErrorKind::Storage:  // a full or read-only disk waits for a person: retry slowly
      if (is_disk_refusal(code)) return {503, code, error.message, kStorageRetryAfterS};
      return {503, "storage", error.message, 1};
    case ErrorKind::Unavailable:
      return {503, code.empty() ? "unavailable" : code, error.message, 1};
  }
  return {500, "internal", error.message, {}};
}

}  // namespace kiosk
