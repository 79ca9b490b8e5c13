// Transitions of requests made at the store, on their way to HQ as commands
// (POST /sync/v1/commands, docs/hq-sync-protocol.md "Commands from the
// store"). A trigger queues one per transition in the transition's own
// transaction (schema 7); this sends them in order and keeps HQ's decision.
// A request's next command goes only once HQ has decided the one before it:
// after a conflict or a rejection the request's later commands are dropped
// (they were built on a state HQ did not keep) and the request takes HQ's
// state from the answer.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/store_db.h"

namespace kiosk {

struct OutgoingCommand {
  std::string id;  // the transition's event id
  std::string request_code;
  std::string from_state;  // the state the store saw
  std::string action;      // the state asked for
  std::int64_t from_version = 0;
  EpochMs at = 0;
};

struct CommandTally {
  std::int64_t decided = 0;  // commands HQ decided in this answer
  std::int64_t refused = 0;  // of which a conflict or a rejection (their later ones dropped)
};

struct CommandCounts {
  std::int64_t waiting = 0;  // not yet decided by HQ
  std::int64_t refused = 0;  // conflicts, rejections and the commands dropped after them, ever
};

class CommandOutbox {
 public:
  CommandOutbox(StoreDb& store, const Clock& clock) : store_(store), clock_(clock) {}

  // The oldest undecided command of each request, oldest first, at most `limit`.
  Result<std::vector<OutgoingCommand>> next(int limit);

  // Keeps HQ's results (the `results` array of its answer) in one transaction.
  // A result for a request HQ has not received yet (`unknown-request`) leaves
  // the command waiting for the next round.
  Result<CommandTally> record(const nlohmann::json& results);

  Result<CommandCounts> counts();

 private:
  StoreDb& store_;
  const Clock& clock_;
};

}  // namespace kiosk
