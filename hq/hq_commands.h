// Request commands at HQ (docs/hq-sync-protocol.md, POST /sync/v1/commands):
// a transition of a request asked for by a device or by HQ itself, with the
// version its sender saw. HQ decides with the request lifecycle
// (shared/requests/request_lifecycle.h) and a precedence between concurrent
// commands, so the outcome does not depend on the order of arrival; each
// decision enters the change feed as `request_status`.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "codec/api_json.h"
#include "core/clock.h"
#include "core/result.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

struct Device;

// Who sent a command: HQ's own commands outrank every device's.
struct CommandSender {
  std::string store_id;
  std::optional<std::string> device_id;      // none: HQ (the hq command)
  std::optional<std::string> technician_id;  // a technician's tablet: only their jobs, only their steps
};

struct RequestCommand {
  std::string id;            // UUID, the command's idempotency key
  std::string request_code;  // "R7K2-9QX", within the sender's store
  std::string to;            // the state asked for (lifecycle names)
  std::int64_t from_version = 0;
  EpochMs at = 0;
  nlohmann::json data = nlohmann::json::object();  // details (assignee, visit): passed on as sent
};

// The key that serializes the decisions on one request (HqDb::lock_key):
// held by the transaction that decides a command on it.
std::string request_lock_key(const std::string& store_id, const std::string& request_code);

// Decides one command inside the caller's transaction, which holds the
// request's lock (apply_commands, hq_transition), and returns its result
// ({"id", "outcome": applied|conflict|rejected, "status", "version", "code", "message"}).
// A command id seen before returns its result as it stands now.
nlohmann::ordered_json decide_command(HqDb& db, const CommandSender& sender, const RequestCommand& command,
                                      EpochMs now);

// HQ's current status of a request, as decide_command judges a command
// against it: its state and version; none for a request HQ never received.
struct RequestStatusNow {
  std::string state;
  std::int64_t version = 0;
};
std::optional<RequestStatusNow> request_status_now(HqDb& db, const std::string& store_id, const std::string& code);

// A command made at HQ itself (`hq request transition`): decided like a
// device's, in its own transaction, outranking every device's.
Result<nlohmann::ordered_json> hq_transition(HqDb& db, const std::string& store_id, const std::string& request_code,
                                             const std::string& to, std::int64_t from_version, EpochMs now);

// POST /sync/v1/commands: checks the whole body first (throws BadRequest for a
// malformed one; 403 wrong-store for a command of another store), then decides
// every command in one transaction.
std::variant<nlohmann::ordered_json, ApiError> apply_commands(HqDb& db, const Device& device, const std::string& body,
                                                              EpochMs now);

}  // namespace kiosk::hq
