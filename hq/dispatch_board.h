// The dispatcher's board (docs/hq-console.md, "Dispatch"): the open repair
// and installation requests of every store from hq_request, each with when it
// is due (an urgent one within 24 hours of its creation, a normal one within
// 72: settings) and whether it is overdue; a store's technicians with their
// open jobs; and the dispatch itself, a technician and a visit given as HQ's
// own request commands (assigned, then scheduled), which reach the store
// through the change feed. A request that moved since the dispatcher read it
// is refused in words (409), as the protocol decides (hq_commands.h).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>

#include "codec/api_json.h"
#include "core/clock.h"
#include "core/result.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

// Hours within which a request must be done, by urgency (console_setting).
struct OverdueRules {
  std::int64_t urgent_hours = 24;
  std::int64_t normal_hours = 72;
};
OverdueRules overdue_rules(HqDb& db);
// Changes them (an admin's setting, audited): each 1 to 720 hours.
Result<nlohmann::ordered_json> set_overdue_rules(HqDb& db, const OverdueRules& rules, const std::string& actor,
                                                 EpochMs now);
nlohmann::ordered_json to_json(const OverdueRules& rules);
// When a request made at `created_at` is due; overdue while open after it.
EpochMs due_at(const OverdueRules& rules, const std::string& urgency, EpochMs created_at);

// "'received', 'assigned', ..." : the open states (is_open) for an SQL IN list.
std::string open_state_list();

struct BoardQuery {
  std::optional<std::string> store;  // all stores when none
  std::string show = "open";         // new (received, reopened) | open | overdue
  std::int64_t limit = 200;
};

// Throws BadRequest for a `show` it does not know. The soonest due first.
nlohmann::ordered_json request_board(HqDb& db, const BoardQuery& query, EpochMs now);

// The store's active technicians with their open jobs; 404 for no such store.
std::variant<nlohmann::ordered_json, ApiError> store_technicians(HqDb& db, const std::string& store_id);

struct DispatchOrder {
  std::string store_id;
  std::string request_code;
  std::int64_t version = 0;               // the request's version the dispatcher saw
  std::optional<std::string> technician;  // staff id: assigns first (a request received or reopened)
  std::string date;                       // the visit, YYYY-MM-DD in the store's zone ("": assign only)
  std::string window;                     // morning | afternoon | evening
};

// Assigns (when a technician is given) and schedules the visit (when one is) in one
// transaction with the request's lock held, and records it in the audit list.
// Answers the request as the board shows it now.
std::variant<nlohmann::ordered_json, ApiError> dispatch_request(HqDb& db, const DispatchOrder& order,
                                                                const std::string& actor, EpochMs now);

}  // namespace kiosk::hq
