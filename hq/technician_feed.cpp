// A technician's jobs in their tablet's feed (see technician_feed.h).
#include "hq/technician_feed.h"

#include <nlohmann/json.hpp>
#include <vector>

#include "codec/product_names.h"
#include "hq/dispatch_board.h"
#include "hq/hq_products.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

bool has_tablet(HqDb& db, const std::string& technician_id) {
  return db.first("SELECT 1 FROM device WHERE technician_id = ?1 AND revoked_at IS NULL", {technician_id});
}

json text_or_null(const nlohmann::json& upload, const char* field) {
  return upload.contains(field) && upload[field].is_string() ? json(upload[field].get<std::string>()) : json(nullptr);
}

json text_of(const nlohmann::json& upload, const char* field) {
  return upload.contains(field) && upload[field].is_string() ? upload[field].get<std::string>() : std::string();
}

// Appends `data` as the job's row for `technician_id` unless their last row
// of it says the same.
void append_job(HqDb& db, const std::string& store_id, const std::string& technician_id, const std::string& key,
                const json& data, EpochMs now) {
  const std::string text = data.dump();
  bool same = false;
  db.first(
      "SELECT data FROM change_log WHERE kind = 'job' AND technician_id = ?1 AND key = ?2 ORDER BY seq DESC LIMIT 1",
      {technician_id, key}, [&](const SqlRow& row) { same = row.text(0) == text; });
  if (!same) db.append_change(store_id, "job", key, data, now, technician_id);
}

struct JobRow {
  std::string record_id;
  std::optional<std::string> assignee;
  json data;
};

// The job as its tablet shows it: HQ's state of the request, the store's
// upload for what the customer gave.
std::optional<JobRow> job_row(HqDb& db, const std::string& store_id, const std::string& code) {
  std::optional<JobRow> job;
  db.first(
      "SELECT h.record_id, h.assignee, h.kind, h.state, h.version, h.urgency, h.product, h.problem, "
      "h.scheduled_date, h.scheduled_window, h.created_at, r.data, s.time_zone "
      "FROM hq_request h JOIN hq_store s ON s.id = h.store_id LEFT JOIN record r ON r.id = h.record_id "
      "WHERE h.store_id = ?1 AND h.code = ?2",
      {store_id, code}, [&](const SqlRow& row) {
        const nlohmann::json upload =
            row.is_null(11) ? nlohmann::json::object() : nlohmann::json::parse(row.text(11), nullptr, false);
        const auto optional_text = [&](int column) {
          return row.is_null(column) ? json(nullptr) : json(row.text(column));
        };
        job = JobRow{row.text(0), row.is_null(1) ? std::nullopt : std::optional(row.text(1)), json()};
        job->data = json{{"active", true},
                         {"request", row.text(0)},
                         {"code", code},
                         {"store", store_id},
                         {"time_zone", row.text(12)},
                         {"kind", row.text(2)},
                         {"state", row.text(3)},
                         {"version", row.int64(4)},
                         {"urgency", row.text(5)},
                         {"product", row.text(6)},
                         {"problem", row.text(7)},
                         {"model", text_of(upload, "model")},
                         {"description", text_of(upload, "description")},
                         {"contact_name", text_of(upload, "contact_name")},
                         {"phone", text_of(upload, "phone")},
                         {"address", text_of(upload, "address")},
                         {"preferred_date", text_or_null(upload, "preferred_date")},
                         {"preferred_window", text_or_null(upload, "time_window")},
                         {"scheduled_date", optional_text(8)},
                         {"scheduled_window", optional_text(9)},
                         {"created_at", row.int64(10)}};
      });
  if (job) {
    ProductNames named = product_names(job->data["product"].get<std::string>(), job->data["problem"].get<std::string>(),
                                       hq_products(db));
    job->data["product"] = std::move(named.product);
    job->data["problem"] = std::move(named.problem);
  }
  return job;
}

}  // namespace

std::optional<std::string> assignee_of(HqDb& db, const std::string& store_id, const std::string& code) {
  std::optional<std::string> assignee;
  db.first("SELECT assignee FROM hq_request WHERE store_id = ?1 AND code = ?2", {store_id, code},
           [&](const SqlRow& row) {
             if (!row.is_null(0)) assignee = row.text(0);
           });
  return assignee;
}

void publish_job(HqDb& db, const std::string& store_id, const std::string& code,
                 const std::optional<std::string>& previous_assignee, EpochMs now) {
  const std::optional<std::string> assignee = assignee_of(db, store_id, code);
  const bool moved = previous_assignee && previous_assignee != assignee && has_tablet(db, *previous_assignee);
  const bool listed = assignee && has_tablet(db, *assignee);
  if (!moved && !listed) return;
  const std::optional<JobRow> job = job_row(db, store_id, code);
  if (!job) return;
  if (moved)
    append_job(db, store_id, *previous_assignee, job->record_id,
               json{{"active", false}, {"request", job->record_id}, {"code", code}, {"reason", "reassigned"}}, now);
  if (listed) append_job(db, store_id, *assignee, job->record_id, job->data, now);
}

void publish_open_jobs(HqDb& db, const std::string& technician_id, EpochMs now) {
  std::vector<std::pair<std::string, std::string>> jobs;
  db.each("SELECT store_id, code FROM hq_request WHERE assignee = ?1 AND state IN (" + open_state_list() +
              ") ORDER BY created_at",
          {technician_id}, [&](const SqlRow& row) { jobs.emplace_back(row.text(0), row.text(1)); });
  for (const auto& [store_id, code] : jobs)
    if (const std::optional<JobRow> job = job_row(db, store_id, code))
      append_job(db, store_id, technician_id, job->record_id, job->data, now);
}

}  // namespace kiosk::hq
