// The open complaints and their clock (complaint_list.h).
#include "hq/complaint_list.h"

#include <vector>

#include "hq/followup_figures.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

constexpr EpochMs kHourMs = 3'600'000;
constexpr EpochMs kListedFor = 30 * kComplaintDayMs;
constexpr std::int64_t kMaxListed = 1000;

}  // namespace

const char* complaint_clock(EpochMs age) {
  if (age > 3 * kComplaintDayMs) return "late-72h";
  if (age > kComplaintDayMs) return "late-24h";
  if (age > 18 * kHourMs) return "at-risk";
  return "on-time";
}

std::optional<json> complaint_list(HqDb& db, const std::optional<std::string>& store, EpochMs now) {
  if (store && !db.first("SELECT 1 FROM hq_store WHERE id = ?1", {*store})) return std::nullopt;
  std::vector<SqlParam> params{now - kListedFor, kMaxListed};
  if (store) params.emplace_back(*store);
  json complaints = json::array();
  db.each(
      "SELECT c.store_id, st.name, c.ticket_id, c.label, c.service, c.issued_at, c.state, c.outcome, c.request_code, "
      "h.state, (SELECT f.id FROM followup f WHERE f.store_id = c.store_id AND ((f.subject_kind = 'ticket' AND "
      "f.subject = c.ticket_id) OR (f.subject_kind = 'request' AND f.subject = c.request_code)) "
      "ORDER BY f.created_at DESC, f.id DESC LIMIT 1) "
      "FROM complaint c JOIN hq_store st ON st.id = c.store_id "
      "LEFT JOIN hq_request h ON h.store_id = c.store_id AND h.code = c.request_code "
      "WHERE c.solved_at IS NULL AND c.issued_at >= ?1 AND c.state NOT IN ('no-show', 'cancelled', 'transferred')" +
          std::string(store ? " AND c.store_id = ?3" : "") + " ORDER BY c.issued_at, c.ticket_id LIMIT ?2",
      params, [&](const SqlRow& row) {
        const EpochMs age = now - row.int64(5);
        json r{{"store", row.text(0)},  {"store_name", row.text(1)},     {"ticket_id", row.text(2)},
               {"ticket", row.text(3)}, {"service", row.text(4)},        {"issued_at", row.int64(5)},
               {"age_ms", age},         {"clock", complaint_clock(age)}, {"ticket_state", row.text(6)}};
        r["outcome"] = row.is_null(7) ? json(nullptr) : json(row.text(7));
        r["request"] = row.is_null(8) ? json(nullptr) : json(row.text(8));
        r["request_state"] = row.is_null(9) ? json(nullptr) : json(row.text(9));
        r["followup"] = row.is_null(10) ? json(nullptr) : json(row.text(10));
        complaints.push_back(r);
      });
  return json{{"complaints", complaints}, {"hq_time", now}};
}

}  // namespace kiosk::hq
