// The field tablet's link with HQ as its database keeps it: where HQ is and
// the token, the feed cursor, how the last round went and the clock
// difference it measured; what goes up next (the records of the outbox, the
// technician's steps as commands) and HQ's acknowledgement of the records.
// JobBook keeps the jobs and takes what HQ answers; FieldSyncSession moves
// both over the wire.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "field/field_db.h"
#include "sync/sync_store.h"

namespace kiosk {

struct FieldLinkStatus {
  std::string incarnation;
  std::string hq_url;
  bool configured = false;
  bool revoked = false;  // wiped after HQ refused the tablet as revoked; set it up again
  std::int64_t acked_through = 0;
  std::int64_t changes_after = 0;
  std::optional<EpochMs> last_sync_at;  // the device's clock, as the two below
  std::optional<EpochMs> last_attempt_at;
  std::string last_error;
  std::optional<std::int64_t> clock_offset_ms;  // HQ's clock minus the device's
};

// One outbox row with its record as the upload carries it.
struct FieldRecord {
  std::int64_t seq = 0;
  std::string kind;  // "signature"
  std::string id;
  std::string store;
  nlohmann::ordered_json data;  // {} when the record is gone (HQ parks it)
};

// The oldest undecided step of a request, as a command.
struct OutgoingStep {
  std::string id;
  std::string store;
  std::string request_code;
  std::string action;
  std::int64_t from_version = 0;
  EpochMs at = 0;
  nlohmann::json data;
};

class FieldLink {
 public:
  FieldLink(FieldDb& field, const Clock& clock) : field_(field), clock_(clock) {}

  // Where HQ is and this tablet's token (check_hq_settings). A revoked
  // tablet set up again is no longer revoked.
  Result<Done> configure(const std::string& hq_url, const std::string& token);
  Result<SyncConfig> config();
  Result<FieldLinkStatus> status();

  // The outbox rows after seq `after`, in order: at most `limit`, and no more
  // than `max_bytes` of signature images once the first is in.
  Result<std::vector<FieldRecord>> pending_records(std::int64_t after, int limit, std::size_t max_bytes);
  // HQ holds every record up to `acked_through`: never moves back; HQ's
  // signatures are deleted here, the outbox pruned except its latest row.
  Result<Done> acknowledge(std::int64_t acked_through);

  // The oldest undecided step of each request, oldest first, at most `limit`.
  Result<std::vector<OutgoingStep>> next_steps(int limit);

  // The outcome of a round: `error` empty when it went through with nothing left.
  Result<Done> record_round(bool complete, const std::string& error, std::optional<std::int64_t> clock_offset_ms);

 private:
  FieldDb& field_;
  const Clock& clock_;
};

}  // namespace kiosk
