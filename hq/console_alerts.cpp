// The console's alerts (console_alerts.h).
#include "hq/console_alerts.h"

#include <map>
#include <tuple>

#include "core/random_id.h"
#include "core/text.h"
#include "hq/console_audit.h"
#include "hq/console_live.h"
#include "hq/figure_store.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

struct Condition {
  std::string store, kind, subject;
  auto operator<=>(const Condition&) const = default;
};

// Every condition that holds now, with its detail.
std::map<Condition, json> conditions_now(HqDb& db, EpochMs now) {
  std::map<Condition, json> found;
  const std::map<std::string, int> targets = service_wait_targets(db);
  for (const auto& [id, store] : stores_now(db, now)) {
    for (const auto& [service, s] : store.services) {
      if (!s.oldest) continue;
      const EpochMs target_ms = EpochMs(wait_target_of(targets, service)) * 1000;
      if (now - *s.oldest > target_ms + kWaitAlertGraceMs)
        found[{id, "wait-over-target", service}] = {{"waiting", s.waiting},
                                                    {"longest_wait_s", (now - *s.oldest) / 1000},
                                                    {"wait_target_min", target_ms / 60'000}};
    }
    static const std::map<std::string, std::string> kHealthAlerts{
        {"down", "store-down"}, {"behind", "store-behind"}, {"out-of-paper", "printer-out-of-paper"}};
    for (const std::string& problem : store.problems)
      if (const auto alert = kHealthAlerts.find(problem); alert != kHealthAlerts.end())
        found[{id, alert->second, ""}] = {{"last_contact_at", store.last_contact ? json(*store.last_contact) : json()}};
  }
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> ratings;  // store: (ratings, of them 1 or 2)
  db.each("SELECT store_id, score FROM recent_rating WHERE rated_at > ?1", {now - kUnhappyWindowMs},
          [&](const SqlRow& row) {
            auto& [all, unhappy] = ratings[row.text(0)];
            ++all;
            if (row.int64(1) <= 2) ++unhappy;
          });
  for (const auto& [store, counts] : ratings)
    if (counts.first >= kUnhappyMinimum && 2 * counts.second >= counts.first)
      found[{store, "unhappy-ratings", ""}] = {{"ratings", counts.first}, {"unhappy", counts.second}};
  return found;
}

json alert_json(const SqlRow& row) {
  const auto optional_number = [&](int column) { return row.is_null(column) ? json() : json(row.int64(column)); };
  const auto optional_text = [&](int column) { return row.is_null(column) ? json() : json(row.text(column)); };
  return {{"id", row.text(0)},
          {"store", row.text(1)},
          {"kind", row.text(2)},
          {"subject", row.text(3)},
          {"detail", json::parse(row.text(4), nullptr, false)},
          {"opened_at", row.int64(5)},
          {"last_seen_at", row.int64(6)},
          {"cleared_at", optional_number(7)},
          {"acked_at", optional_number(8)},
          {"acked_by", optional_text(9)},
          {"ack_comment", optional_text(10)}};
}

constexpr EpochMs kAlertHistoryMs = 30LL * 24 * 3600 * 1000;  // `all` lists this far back

constexpr const char* kAlertColumns =
    "id, store_id, kind, subject, detail, opened_at, last_seen_at, cleared_at, acked_at, acked_by, ack_comment";

}  // namespace

void evaluate_alerts(HqDb& db, EpochMs now) {
  db.write([&] {
    db.lock_key("console-alerts");  // several hq processes take turns
    std::map<Condition, json> current = conditions_now(db, now);
    std::vector<std::pair<std::string, Condition>> open;  // (id, condition)
    db.each("SELECT id, store_id, kind, subject FROM console_alert WHERE cleared_at IS NULL", {},
            [&](const SqlRow& row) {
              open.push_back({row.text(0), {row.text(1), row.text(2), row.text(3)}});
            });
    for (const auto& [id, condition] : open) {
      const auto still = current.find(condition);
      if (still == current.end()) {
        db.run("UPDATE console_alert SET cleared_at = ?2 WHERE id = ?1", {id, now});
        continue;
      }
      db.run("UPDATE console_alert SET last_seen_at = ?2, detail = ?3 WHERE id = ?1", {id, now, still->second.dump()});
      current.erase(still);
    }
    for (const auto& [c, detail] : current)
      db.run(
          "INSERT INTO console_alert(id, store_id, kind, subject, detail, opened_at, last_seen_at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
          {new_uuid(), c.store, c.kind, c.subject, detail.dump(), now});
    db.run("DELETE FROM recent_rating WHERE rated_at < ?1", {now - kRecentRatingMs});
    return 0;
  });
}

json alert_list(HqDb& db, bool all, EpochMs now) {
  json alerts = json::array();
  db.each(std::string("SELECT ") + kAlertColumns + " FROM console_alert WHERE " +
              (all ? "opened_at > ?1" : "cleared_at IS NULL AND CAST(?1 AS BIGINT) IS NOT NULL") +
              " ORDER BY opened_at DESC, id LIMIT 500",
          {EpochMs(now - kAlertHistoryMs)}, [&](const SqlRow& row) { alerts.push_back(alert_json(row)); });
  return alerts;
}

std::variant<json, ApiError> acknowledge_alert(HqDb& db, const std::string& id, const std::string& comment,
                                               const std::string& actor, EpochMs now) {
  if (auto problem = check_single_line("the comment", comment, 500); problem || comment.empty())
    return ApiError{400, "bad-field", problem.value_or("the comment must not be empty"), {}};
  return db.write([&]() -> std::variant<json, ApiError> {
    std::optional<json> alert;
    db.first(std::string("SELECT ") + kAlertColumns + " FROM console_alert WHERE id = ?1" + db.for_update(), {id},
             [&](const SqlRow& row) { alert = alert_json(row); });
    if (!alert) return ApiError{404, "unknown-alert", "HQ has no alert " + id, {}};
    if (!(*alert)["acked_at"].is_null())
      return ApiError{409,
                      "already-acknowledged",
                      "this alert was acknowledged already by " + (*alert)["acked_by"].get<std::string>(),
                      {}};
    db.run("UPDATE console_alert SET acked_at = ?2, acked_by = ?3, ack_comment = ?4 WHERE id = ?1",
           {id, now, actor, comment});
    record_audit(db, now, actor, "alert-ack",
                 (*alert)["store"].get<std::string>() + " " + (*alert)["kind"].get<std::string>(),
                 json{{"alert", id}, {"comment", comment}});
    (*alert)["acked_at"] = now;
    (*alert)["acked_by"] = actor;
    (*alert)["ack_comment"] = comment;
    return *alert;
  });
}

}  // namespace kiosk::hq
