// The dispatcher's list of follow-up calls (followup_list.h).
#include "hq/followup_list.h"

#include <algorithm>
#include <map>
#include <vector>

#include "codec/api_json.h"
#include "hq/followup_calendar.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

constexpr std::int64_t kMaxRows = 1000;
constexpr std::int64_t kRowsRead = 5000;  // the newest due, sorted here for the list

constexpr const char* kColumns =
    "SELECT f.id, f.store_id, st.name, st.time_zone, f.subject_kind, f.subject, f.complaint, f.technician, sf.name, "
    "f.done_at, f.due_day, f.state, f.outcome, f.tries, f.next_try_at, f.reached, f.solved, f.score, f.note, "
    "f.recorded_by, f.recorded_at, f.request_version, h.kind, h.product, h.problem, h.state, h.version, c.label, "
    "r.data "
    "FROM followup f JOIN hq_store st ON st.id = f.store_id LEFT JOIN staff sf ON sf.id = f.technician "
    "LEFT JOIN hq_request h ON f.subject_kind = 'request' AND h.store_id = f.store_id AND h.code = f.subject "
    "LEFT JOIN complaint c ON f.subject_kind = 'ticket' AND c.ticket_id = f.subject "
    "LEFT JOIN record r ON r.id = CASE WHEN f.subject_kind = 'request' THEN h.record_id ELSE f.subject END ";

json text_or_null(const std::optional<std::string>& text) { return text ? json(*text) : json(nullptr); }
json int_or_null(const std::optional<std::int64_t>& value) { return value ? json(*value) : json(nullptr); }
json flag_or_null(const std::optional<std::int64_t>& value) { return value ? json(*value == 1) : json(nullptr); }

// Whom to call, from the subject's upload: a request's contact and phone in
// digits; a ticket has no name and its phone masked.
void add_contact(json& row, const std::optional<std::string>& data) {
  const nlohmann::json record = data ? nlohmann::json::parse(*data, nullptr, false) : nlohmann::json();
  const auto field = [&](const char* name) {
    const auto found = record.is_object() ? record.find(name) : record.end();
    return found != record.end() && found->is_string() ? json(found->get<std::string>()) : json(nullptr);
  };
  row["contact_name"] = field("contact_name");
  row["phone"] = field("phone");
}

// Each store's business day now, by its zone, read once per list.
class StoreDays {
 public:
  explicit StoreDays(EpochMs now) : now_(now) {}
  const std::string& today(const std::string& zone) {
    auto found = days_.find(zone);
    if (found == days_.end()) found = days_.emplace(zone, store_zone_or_default(zone).business_day(now_)).first;
    return found->second;
  }

 private:
  EpochMs now_;
  std::map<std::string, std::string> days_;
};

json list_row(const SqlRow& row, StoreDays& days, EpochMs now) {
  const bool ticket = row.text(4) == "ticket";
  json r{{"id", row.text(0)},
         {"store", row.text(1)},
         {"store_name", row.text(2)},
         {"kind", row.text(4)},
         {"subject", row.text(5)},
         {"code", ticket ? (row.is_null(27) ? json(nullptr) : json(row.text(27))) : json(row.text(5))},
         {"complaint", row.int64(6) == 1}};
  r["technician"] =
      row.is_null(7) ? json(nullptr) : json{{"id", row.text(7)}, {"name", row.is_null(8) ? "" : row.text(8)}};
  r["request_kind"] = text_or_null(row.optional_text(22));
  r["product"] = text_or_null(row.optional_text(23));
  r["problem"] = text_or_null(row.optional_text(24));
  r["request_state"] = text_or_null(row.optional_text(25));
  r["request_version"] = int_or_null(row.optional_int64(21));
  r["done_at"] = row.int64(9);
  const std::string due_day = row.text(10), state = row.text(11);
  const std::string& today = days.today(row.text(3));
  r["due_day"] = due_day;
  r["state"] = state;
  r["outcome"] = text_or_null(row.optional_text(12));
  r["tries"] = row.int64(13);
  r["next_try_at"] = int_or_null(row.optional_int64(14));
  const bool due = state == "due" && due_day <= today;
  r["overdue"] = state == "due" && due_day < today;
  r["call_now"] = due && (row.is_null(14) || row.int64(14) <= now);
  r["reached"] = flag_or_null(row.optional_int64(15));
  r["solved"] = flag_or_null(row.optional_int64(16));
  r["score"] = int_or_null(row.optional_int64(17));
  r["note"] = text_or_null(row.optional_text(18));
  r["recorded_by"] = text_or_null(row.optional_text(19));
  r["recorded_at"] = int_or_null(row.optional_int64(20));
  add_contact(r, row.optional_text(28));
  return r;
}

// The list's order: to call now (today's first, then overdue, the latest due
// first; complaints first within a day), then later tries (the soonest
// first), then the rest (newest due first).
int list_group(const json& r) {
  if (r["call_now"].get<bool>()) return 0;
  return r["state"] == "due" ? 1 : 2;
}
bool listed_before(const json& a, const json& b) {
  const int group = list_group(a);
  if (group != list_group(b)) return group < list_group(b);
  if (group == 1 && a["next_try_at"] != b["next_try_at"]) return a["next_try_at"] < b["next_try_at"];
  if (a["overdue"] != b["overdue"]) return !a["overdue"].get<bool>();
  if (a["due_day"] != b["due_day"]) return a["due_day"] > b["due_day"];
  if (a["complaint"] != b["complaint"]) return a["complaint"].get<bool>();
  return a["id"] < b["id"];
}

}  // namespace

std::optional<json> followup_list(HqDb& db, const FollowupQuery& query, EpochMs now) {
  if (query.show != "due" && query.show != "all")
    throw BadRequest("bad-query", "show must be due or all (got \"" + query.show + "\")");
  if (query.limit < 1 || query.limit > kMaxRows)
    throw BadRequest("bad-query", "limit must be 1 to " + std::to_string(kMaxRows));
  if (query.store && !db.first("SELECT 1 FROM hq_store WHERE id = ?1", {*query.store})) return std::nullopt;
  std::vector<SqlParam> params{kRowsRead};
  std::string where = query.show == "due" ? "WHERE f.state = 'due'" : "WHERE 1 = 1";
  if (query.store) {
    where += " AND f.store_id = ?2";
    params.emplace_back(*query.store);
  }
  StoreDays days(now);
  std::vector<json> rows;
  db.each(std::string(kColumns) + where + " ORDER BY f.due_day DESC, f.id LIMIT ?1", params, [&](const SqlRow& row) {
    json r = list_row(row, days, now);
    // Due: today's and overdue only (a task due tomorrow is not to call yet).
    if (query.show == "due" && r["due_day"].get<std::string>() > days.today(row.text(3))) return;
    rows.push_back(std::move(r));
  });
  std::sort(rows.begin(), rows.end(), listed_before);
  if (std::int64_t(rows.size()) > query.limit) rows.resize(static_cast<std::size_t>(query.limit));
  return json{{"followups", rows}, {"hq_time", now}};
}

std::optional<json> followup_row(HqDb& db, const std::string& id, EpochMs now) {
  StoreDays days(now);
  std::optional<json> found;
  db.first(std::string(kColumns) + "WHERE f.id = ?1", {id},
           [&](const SqlRow& row) { found = list_row(row, days, now); });
  return found;
}

}  // namespace kiosk::hq
