// HQ's side of the sync protocol (docs/hq-sync-protocol.md) without HTTP:
// authenticating a device by its token, applying an upload batch in one
// transaction, and reading the change feed for a device's store. Request
// problems are thrown as BadRequest (400) or answered as an ApiError.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "codec/api_json.h"
#include "core/clock.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

struct Device {
  std::string id;
  std::string store_id;
  std::optional<std::string> technician_id;  // a technician's tablet (docs/hq-sync-protocol.md)
};

// The device a bearer token belongs to, or 401 missing-token / unknown-device / revoked-device.
std::variant<Device, ApiError> authenticate_device(HqDb& db, const std::string& token);

struct UploadLimits {
  std::size_t max_records = 1000;
};

// Applies one upload body (JSON text, already inflated). Returns the 200 answer
// or an error (403 wrong-store); throws BadRequest for a malformed envelope.
// Nothing of the batch is stored unless the answer is 200.
std::variant<nlohmann::ordered_json, ApiError> apply_upload(HqDb& db, const Device& device, const std::string& body,
                                                            EpochMs now, const UploadLimits& limits = {});

struct CheckedRecord;  // upload_reader.h

// Whose records HQ stores: a device's outbox stream, or HQ itself for a
// rating given on a phone (device and incarnation "phone", seq 0).
struct RecordSource {
  std::string store_id, device_id, incarnation;
};
// Stores checked records (each with its seq) by (kind, id) and revision, in
// the caller's write transaction, and moves with them what HQ keeps of
// records: figures, the request mirror, ticket pages. For each, whether it
// was stored (false: HQ holds this revision or a newer one, or the id is
// another kind's or another store's).
std::vector<bool> store_records(HqDb& db, const RecordSource& source,
                                const std::vector<std::pair<std::int64_t, const CheckedRecord*>>& records, EpochMs now);

// The change feed after `after` for the device's store, at most `limit` changes.
nlohmann::ordered_json changes_for(HqDb& db, const Device& device, std::int64_t after, std::int64_t limit, EpochMs now);

}  // namespace kiosk::hq
