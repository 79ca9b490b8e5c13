// Copying one HQ database into another: the tables in foreign-key order, each
// row's columns as text (both engines convert them back to the column's
// type), counted on both sides before the target commits.
#include "hq/hq_copy.h"

#include <array>
#include <vector>

#include "hq/kb_articles.h"

namespace kiosk::hq {
namespace {

struct CopiedTable {
  const char* name;
  const char* columns;
  const char* order;  // nullptr: the order records were first stored
};

// Every table of schema 4 but figure_state (whose row the target has), parents
// before children.
constexpr std::array<CopiedTable, 36> kTables{{
    {"hq_store", "id, name, created_at, time_zone", "id"},
    {"device", "id, store_id, token_hash, label, created_at, revoked_at, last_seen_at, technician_id",
     "created_at, id"},
    {"device_stream", "device_id, incarnation, acked_through", "device_id, incarnation"},
    {"received_seq", "device_id, incarnation, seq", "device_id, incarnation, seq"},
    {"upload_batch", "device_id, batch_key, records, received_at", "device_id, batch_key"},
    {"record", "id, kind, store_id, revision, data, device_id, incarnation, seq, received_at, first_received_at",
     nullptr},
    {"parked_record", "device_id, incarnation, seq, store_id, code, message, raw, parked_at",
     "device_id, incarnation, seq"},
    {"change_log", "seq, store_id, kind, key, data, at, technician_id", "seq"},
    {"service", "code, data, active, updated_at", "code"},
    {"staff", "id, store_id, name, role, pin_hash, active, updated_at", "id"},
    {"request_status",
     "store_id, request_code, request_id, state, version, last_command, before_state, before_version, updated_at",
     "store_id, request_code"},
    {"hq_request",
     "store_id, code, record_id, kind, product, problem, urgency, state, version, assignee, scheduled_date, "
     "scheduled_window, created_at, updated_at, closed_at, done_at, reopened_at, second_visit",
     "store_id, code"},
    {"hq_request_event", "id, store_id, request_id, state, at", "id"},
    {"product_catalog", "id, catalog, updated_at", "id"},
    {"request_command",
     "id, store_id, device_id, request_code, to_state, from_version, at, data, received_at, outcome, status, version, "
     "code, message",
     "id"},
    {"device_health",
     "device_id, received_at, version, started_at, printer_state, printer_message, printer_checked_at, pending, "
     "oldest_pending_s, database_bytes, disk_free_bytes, disk_total_bytes, integrity, store_time",
     "device_id"},
    {"device_health_ignored", "device_id, count, last_at, last_reason", "device_id"},
    {"figure_ledger",
     "store_id, day, service, block, ledger, tickets, served, no_shows, still_open, called, wait_ms, within_target, "
     "uncalled, "
     "service_n, service_ms, estimate_n, estimate_error_ms, estimate_within_5min, r1, r2, r3, r4, r5, reasons, "
     "wait_bins, arrivals, uncalled_at, updated_at",
     "store_id, day, service, block"},
    {"figure_month",
     "store_id, month, service, tickets, served, no_shows, still_open, called, wait_ms, within_target, uncalled, "
     "service_n, service_ms, estimate_n, estimate_error_ms, estimate_within_5min, r1, r2, r3, r4, r5, reasons, "
     "wait_bins, arrivals, uncalled_at",
     "store_id, month, service"},
    {"figure_total",
     "period, service, tickets, served, no_shows, still_open, called, wait_ms, within_target, uncalled, service_n, "
     "service_ms, estimate_n, estimate_error_ms, estimate_within_5min, r1, r2, r3, r4, r5, reasons, wait_bins, "
     "arrivals, uncalled_at",
     "period, service"},
    {"figure_made", "period, made_at", "period"},
    {"orphan_rating", "id, store_id, ticket_id, score, reasons", "id"},
    {"console_alert",
     "id, store_id, kind, subject, detail, opened_at, last_seen_at, cleared_at, acked_at, acked_by, ack_comment",
     "opened_at, id"},
    {"recent_rating", "id, store_id, score, rated_at", "id"},
    {"console_user", "id, name, role, password_hash, active, failed_logins, locked_until, created_at", "id"},
    {"console_session", "token_hash, user_id, csrf, created_at, last_used_at", "token_hash"},
    {"console_setting", "name, value, updated_at", "name"},
    {"public_setting", "name, value, updated_at", "name"},
    {"ticket_page",
     "token, ticket_id, store_id, label, service, business_day, expires_at, language, state, counter, updated_at, "
     "ahead, wait_min, queue_at, rated_at",
     "token"},
    {"store_queue", "store_id, business_day, waiting, store_at, received_at", "store_id"},
    {"ticket_phone", "ticket_id, store_id, phone, received_at", "ticket_id"},
    {"sms_message",
     "id, ticket_id, moment, store_id, phone, phone_hash, body, created_at, attempts, next_attempt_at, sent_at, "
     "outcome, last_error",
     "id"},
    {"public_lookup_failure", "scope, subject, at", "scope, subject, at"},
    {"kb_article", "id, data, active, updated_at, updated_by", "id"},
    {"kb_use_day", "business_day, store_id, article_id, views, helpful, not_helpful, without_ticket",
     "business_day, store_id, article_id"},
    // In order, numbered again by the target.
    {"console_audit", "at, actor, action, target, detail", "seq"},
}};

std::size_t column_count(const char* columns) {
  std::size_t count = 1;
  for (const char* c = columns; *c; ++c) count += *c == ',';
  return count;
}

std::string placeholders(std::size_t count) {
  std::string list;
  for (std::size_t i = 1; i <= count; ++i) list += (i > 1 ? ", ?" : "?") + std::to_string(i);
  return list;
}

std::int64_t count_rows(HqDb& db, const char* table) {
  return db.single_int64(std::string("SELECT count(*) FROM ") + table, {}).value_or(0);
}

// Copies one table in runs of rows sent together (HqDb::run_each); returns
// the rows copied.
std::int64_t copy_table(HqDb& from, HqDb& to, const CopiedTable& table) {
  constexpr std::size_t kRowsPerRun = 1000;
  const std::size_t columns = column_count(table.columns);
  const std::string insert =
      std::string("INSERT INTO ") + table.name + "(" + table.columns + ") VALUES (" + placeholders(columns) + ")";
  const std::string order = table.order ? table.order : from.record_insertion_order();
  std::int64_t copied = 0;
  std::vector<std::vector<std::optional<std::string>>> values;  // the run's rows, referred to by params
  const auto send = [&] {
    std::vector<std::vector<SqlParam>> params;
    params.reserve(values.size());
    for (const auto& row : values) params.emplace_back(row.begin(), row.end());
    to.run_each(insert, params);
    copied += static_cast<std::int64_t>(values.size());
    values.clear();
  };
  from.each(std::string("SELECT ") + table.columns + " FROM " + table.name + " ORDER BY " + order, {},
            [&](const SqlRow& row) {
              std::vector<std::optional<std::string>>& copy = values.emplace_back(columns);
              for (std::size_t c = 0; c < columns; ++c) copy[c] = row.optional_text(static_cast<int>(c));
              if (values.size() == kRowsPerRun) send();
            });
  send();
  return copied;
}

}  // namespace

Result<nlohmann::ordered_json> copy_hq_db(HqDb& from, HqDb& to) {
  using json = nlohmann::ordered_json;
  return hq_guarded([&] {
    return to.write([&]() -> Result<json> {
      if (to.first("SELECT 1 FROM hq_store", {}))
        return refused(to.where() + " holds stores already; copy only into an empty HQ database", "target-not-empty");
      unseed_kb_articles(to);  // the source's articles and feed replace the default set the target began with
      json copied = json::object();
      for (const CopiedTable& table : kTables) {
        const std::int64_t rows = copy_table(from, to, table);
        if (rows != count_rows(to, table.name) || rows != count_rows(from, table.name))
          return storage_error(std::string("the copy of table ") + table.name +
                               " does not hold as many rows as its source (written meanwhile?); nothing was copied");
        copied[table.name] = rows;
      }
      to.adopt_feed_head(from.feed_head());
      to.run("UPDATE figure_state SET built = ?1",
             {from.single_int64("SELECT built FROM figure_state", {}).value_or(0)});
      return json{{"from", from.where()}, {"to", to.where()}, {"copied", copied}};
    });
  });
}

}  // namespace kiosk::hq
