// The console's audit list (console_audit.h).
#include "hq/console_audit.h"

namespace kiosk::hq {

void record_audit(HqDb& db, EpochMs at, const std::string& actor, const std::string& action, const std::string& target,
                  const nlohmann::ordered_json& detail) {
  db.run("INSERT INTO console_audit(at, actor, action, target, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
         {at, actor, action, target, detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
}

nlohmann::ordered_json audit_list(HqDb& db, std::optional<std::int64_t> before, std::int64_t limit) {
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  db.each(
      "SELECT seq, at, actor, action, target, detail FROM console_audit WHERE (CAST(?1 AS BIGINT) IS NULL OR seq < ?1) "
      "ORDER BY seq DESC LIMIT ?2",
      {before, limit}, [&](const SqlRow& row) {
        entries.push_back({{"seq", row.int64(0)},
                           {"at", row.int64(1)},
                           {"actor", row.text(2)},
                           {"action", row.text(3)},
                           {"target", row.text(4)},
                           {"detail", nlohmann::ordered_json::parse(row.text(5), nullptr, false)}});
      });
  return entries;
}

}  // namespace kiosk::hq
