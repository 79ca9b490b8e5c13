// `hq copy --from DB --to DB`: every row of one HQ database into another, empty
// one (an SQLite file into PostgreSQL, so a chain that started small moves
// without losing a record; or back). One transaction on the target: a copy
// that fails leaves the target as it was. Devices keep their tokens, the feed
// its seqs, records their first-received order.
#pragma once

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

// Refused (ErrorKind::Refused, "target-not-empty") when the target holds a store.
// Answers {"from": ..., "to": ..., "copied": {table: rows}}.
Result<nlohmann::ordered_json> copy_hq_db(HqDb& from, HqDb& to);

}  // namespace kiosk::hq
