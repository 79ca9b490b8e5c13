// The dispatch board (dispatch_board.h).
#include "hq/dispatch_board.h"

#include "core/phone.h"
#include "core/random_id.h"
#include "core/store_time_zone.h"
#include "hq/console_audit.h"
#include "hq/hq_commands.h"
#include "model/request_model.h"
#include "requests/request_lifecycle.h"
#include "requests/request_validation.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

constexpr std::int64_t kHourMs = 3'600'000;
constexpr std::int64_t kMaxBoardRows = 1000;

// 'received', 'assigned', ... for an IN list: the states `keep` accepts.
std::string state_list(bool (*keep)(RequestState)) {
  std::string list;
  for (int i = 0; i <= static_cast<int>(RequestState::Reopened); ++i) {
    const auto state = static_cast<RequestState>(i);
    if (keep(state)) list += std::string(list.empty() ? "'" : ", '") + to_string(state) + "'";
  }
  return list;
}

bool is_new(RequestState state) { return state == RequestState::Received || state == RequestState::Reopened; }

json text_or_null(const std::optional<std::string>& text) { return text ? json(*text) : json(nullptr); }

// What the board shows of the request's own record (the visit asked for, the
// address, the contact), read from its upload. The phone is masked: the board
// is a manager's too, and the number to call is on the follow-up list only.
void add_record_fields(json& row, const std::optional<std::string>& data) {
  const nlohmann::json record = data ? nlohmann::json::parse(*data, nullptr, false) : nlohmann::json();
  const auto field = [&](const char* name) {
    const auto found = record.is_object() ? record.find(name) : record.end();
    return found != record.end() && found->is_string() ? json(found->get<std::string>()) : json(nullptr);
  };
  for (const char* name : {"preferred_date", "time_window", "address", "contact_name", "description"})
    row[name] = field(name);
  const json phone = field("phone");
  row["phone"] = phone.is_string() ? json(mask_phone(phone.get<std::string>())) : phone;
}

constexpr const char* kBoardColumns =
    "SELECT h.store_id, st.name, h.code, h.kind, h.product, h.problem, h.urgency, h.state, h.version, h.assignee, "
    "sf.name, h.scheduled_date, h.scheduled_window, h.created_at, h.updated_at, r.data, "
    "h.created_at + CASE WHEN h.urgency = 'urgent' THEN CAST(?1 AS bigint) ELSE CAST(?2 AS bigint) END AS due_at "
    "FROM hq_request h JOIN hq_store st ON st.id = h.store_id LEFT JOIN staff sf ON sf.id = h.assignee "
    "LEFT JOIN record r ON r.id = h.record_id ";

json board_row(const SqlRow& row, EpochMs now) {
  json r{{"store", row.text(0)},   {"store_name", row.text(1)}, {"code", row.text(2)},
         {"kind", row.text(3)},    {"product", row.text(4)},    {"problem", row.text(5)},
         {"urgency", row.text(6)}, {"state", row.text(7)},      {"version", row.int64(8)}};
  r["assignee"] =
      row.is_null(9) ? json(nullptr) : json{{"id", row.text(9)}, {"name", row.is_null(10) ? "" : row.text(10)}};
  r["scheduled_date"] = text_or_null(row.optional_text(11));
  r["scheduled_window"] = text_or_null(row.optional_text(12));
  r["created_at"] = row.int64(13);
  r["updated_at"] = row.int64(14);
  add_record_fields(r, row.optional_text(15));
  const EpochMs due = row.int64(16);
  r["due_at"] = due;
  const std::optional<RequestState> state = request_state_from(row.text(7));
  r["overdue"] = state && is_open(*state) && now > due;
  return r;
}

std::optional<json> one_request(HqDb& db, const std::string& store_id, const std::string& code, EpochMs now) {
  const OverdueRules rules = overdue_rules(db);
  std::optional<json> found;
  db.first(std::string(kBoardColumns) + "WHERE h.store_id = ?3 AND h.code = ?4",
           {rules.urgent_hours * kHourMs, rules.normal_hours * kHourMs, store_id, code},
           [&](const SqlRow& row) { found = board_row(row, now); });
  return found;
}

ApiError refused(const json& result) {
  return ApiError{409, result["code"].get<std::string>(), result["message"].get<std::string>(), {}};
}

}  // namespace

EpochMs due_at(const OverdueRules& rules, const std::string& urgency, EpochMs created_at) {
  return created_at + (urgency == "urgent" ? rules.urgent_hours : rules.normal_hours) * kHourMs;
}

std::string open_state_list() { return state_list(is_open); }

OverdueRules overdue_rules(HqDb& db) {
  OverdueRules rules;
  db.each("SELECT name, value FROM console_setting WHERE name IN ('overdue_urgent_hours', 'overdue_normal_hours')", {},
          [&](const SqlRow& row) {
            (row.text(0) == "overdue_urgent_hours" ? rules.urgent_hours : rules.normal_hours) = row.int64(1);
          });
  return rules;
}

json to_json(const OverdueRules& rules) {
  return json{{"overdue_urgent_hours", rules.urgent_hours}, {"overdue_normal_hours", rules.normal_hours}};
}

Result<json> set_overdue_rules(HqDb& db, const OverdueRules& rules, const std::string& actor, EpochMs now) {
  constexpr std::int64_t kMostHours = 720;
  const std::pair<const char*, std::int64_t> settings[] = {{"overdue_urgent_hours", rules.urgent_hours},
                                                           {"overdue_normal_hours", rules.normal_hours}};
  for (const auto& [name, hours] : settings)
    if (hours < 1 || hours > kMostHours)
      return invalid_argument(std::string(name) + " must be 1 to " + std::to_string(kMostHours) + " hours",
                              "bad-setting");
  if (rules.urgent_hours > rules.normal_hours)
    return invalid_argument("an urgent request cannot have longer than a normal one", "bad-setting");
  return hq_guarded([&] {
    return db.write([&]() -> Result<json> {
      for (const auto& [name, hours] : settings)
        db.run(
            "INSERT INTO console_setting(name, value, updated_at) VALUES (?1, ?2, ?3) ON CONFLICT(name) DO UPDATE "
            "SET value = excluded.value, updated_at = excluded.updated_at",
            {std::string(name), hours, now});
      record_audit(db, now, actor, "settings-change", "overdue", to_json(rules));
      return to_json(rules);
    });
  });
}

json request_board(HqDb& db, const BoardQuery& query, EpochMs now) {
  if (query.show != "new" && query.show != "open" && query.show != "overdue")
    throw BadRequest("bad-query", "show must be new, open or overdue (got \"" + query.show + "\")");
  if (query.limit < 1 || query.limit > kMaxBoardRows)
    throw BadRequest("bad-query", "limit must be 1 to " + std::to_string(kMaxBoardRows));
  const OverdueRules rules = overdue_rules(db);
  std::string sql =
      std::string(kBoardColumns) + "WHERE h.state IN (" + state_list(query.show == "new" ? is_new : is_open) + ")";
  std::vector<SqlParam> params{rules.urgent_hours * kHourMs, rules.normal_hours * kHourMs, query.limit};
  if (query.show == "overdue") {
    sql +=
        " AND h.created_at + CASE WHEN h.urgency = 'urgent' THEN CAST(?1 AS bigint) ELSE CAST(?2 AS bigint) END < ?4";
    params.push_back(now);
  }
  if (query.store) {
    sql += " AND h.store_id = ?" + std::to_string(params.size() + 1);
    params.push_back(*query.store);
  }
  sql += " ORDER BY due_at, h.store_id, h.code LIMIT ?3";
  json requests = json::array();
  db.each(sql, params, [&](const SqlRow& row) { requests.push_back(board_row(row, now)); });
  return json{{"requests", requests},
              {"overdue_hours", {{"urgent", rules.urgent_hours}, {"normal", rules.normal_hours}}},
              {"hq_time", now}};
}

std::variant<json, ApiError> store_technicians(HqDb& db, const std::string& store_id) {
  if (!db.first("SELECT 1 FROM hq_store WHERE id = ?1", {store_id}))
    return ApiError{404, "unknown-store", "no store " + store_id + " at HQ", {}};
  json technicians = json::array();
  db.each(
      "SELECT s.id, s.name, (SELECT count(*) FROM hq_request h WHERE h.store_id = s.store_id AND h.assignee = s.id "
      "AND h.state IN (" +
          open_state_list() +
          ")) FROM staff s WHERE s.store_id = ?1 AND s.role = 'technician' AND s.active = 1 ORDER BY s.name",
      {store_id}, [&](const SqlRow& row) {
        technicians.push_back({{"id", row.text(0)}, {"name", row.text(1)}, {"open_jobs", row.int64(2)}});
      });
  return json{{"store", store_id}, {"technicians", technicians}};
}

std::variant<json, ApiError> dispatch_request(HqDb& db, const DispatchOrder& order, const std::string& actor,
                                              EpochMs now) {
  std::optional<std::string> zone_name;
  db.first("SELECT time_zone FROM hq_store WHERE id = ?1", {order.store_id},
           [&](const SqlRow& row) { zone_name = row.text(0); });
  if (!zone_name) return ApiError{404, "unknown-store", "no store " + order.store_id + " at HQ", {}};
  const bool visit = !order.date.empty() || !order.window.empty();
  if (!visit && !order.technician) return ApiError{400, "missing-field", "a technician, a visit or both", {}};
  if (visit) {
    const std::optional<TimeWindow> window = time_window_from(order.window);
    if (!window)
      return ApiError{
          400, "bad-field", "window must be morning, afternoon or evening (got \"" + order.window + "\")", {}};
    const Result<StoreTimeZone> zone = StoreTimeZone::load(*zone_name);
    if (!zone) return ApiError{500, "bad-store", zone.error().message, {}};
    if (std::optional<Error> problem = check_visit_date("scheduled", order.date, window, zone.value(), now))
      return ApiError{400, problem->code, problem->message, {}};
  }
  if (order.technician) {
    bool technician_here = false;
    db.first("SELECT 1 FROM staff WHERE id = ?1 AND store_id = ?2 AND role = 'technician' AND active = 1",
             {*order.technician, order.store_id}, [&](const SqlRow&) { technician_here = true; });
    if (!technician_here)
      return ApiError{400,
                      "unknown-technician",
                      "no active technician " + *order.technician + " among store " + order.store_id + "'s staff",
                      {}};
  }
  // Drawn once, before the transaction: a retry decides the same commands.
  std::vector<RequestCommand> commands;
  std::int64_t version = order.version;
  if (order.technician)
    commands.push_back({new_uuid(), order.request_code, "assigned", version++, now, {{"assignee", *order.technician}}});
  if (visit)
    commands.push_back({new_uuid(),
                        order.request_code,
                        "scheduled",
                        version,
                        now,
                        {{"scheduled_date", order.date}, {"scheduled_window", order.window}}});
  return db.write([&]() -> std::variant<json, ApiError> {
    db.lock_key(request_lock_key(order.store_id, order.request_code));
    if (!db.first("SELECT 1 FROM hq_request WHERE store_id = ?1 AND code = ?2", {order.store_id, order.request_code}))
      return ApiError{404,
                      "unknown-request",
                      "no request " + order.request_code + " of store " + order.store_id +
                          " at HQ (requests arrive when the store syncs them)",
                      {}};
    for (const RequestCommand& command : commands) {
      const json result = decide_command(db, CommandSender{order.store_id, std::nullopt, std::nullopt}, command, now);
      if (result["outcome"] != "applied") return refused(result);
    }
    json detail{{"version", order.version}};
    if (visit) detail.update({{"date", order.date}, {"window", order.window}});
    if (order.technician) detail["technician"] = *order.technician;
    record_audit(db, now, actor, "request-dispatch", order.store_id + "/" + order.request_code, detail);
    return *one_request(db, order.store_id, order.request_code, now);
  });
}

}  // namespace kiosk::hq
