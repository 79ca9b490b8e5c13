// The request lookup from phones at HQ (public_request_lookup.h).
#include "hq/public_request_lookup.h"

#include <algorithm>
#include <vector>

#include "hq/hq_products.h"
#include "hq/phone_records.h"
#include "hq/public_request_status.h"

namespace kiosk::hq {

using json = nlohmann::ordered_json;

struct PhoneRequestLookup::Match {
  HqRequestRow row;
  RequestStatus status;
};

namespace {

// The requests of every store with this code (codes are unique per store);
// by the primary key (store_id, code), one probe per store.
std::vector<std::pair<HqRequestRow, std::string>> requests_with_code(HqDb& db, const std::string& code) {
  std::vector<std::pair<HqRequestRow, std::string>> found;  // the row, the store's upload (its data)
  db.each(
      "SELECT h.store_id, h.code, h.record_id, h.kind, h.product, h.problem, h.state, h.scheduled_date, "
      "h.scheduled_window, h.assignee, h.updated_at, r.data FROM hq_request h LEFT JOIN record r ON r.id = h.record_id "
      "WHERE h.store_id IN (SELECT id FROM hq_store) AND h.code = ?1 ORDER BY h.created_at DESC",
      {code}, [&](const SqlRow& row) {
        found.emplace_back(
            HqRequestRow{row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5), row.text(6),
                         row.optional_text(7), row.optional_text(8), row.optional_text(9), row.int64(10)},
            row.is_null(11) ? std::string() : row.text(11));
      });
  return found;
}

std::string phone_of(const std::string& upload) {
  const nlohmann::json data = nlohmann::json::parse(upload, nullptr, false);
  return data.is_object() && data.contains("phone") && data["phone"].is_string() ? data["phone"].get<std::string>()
                                                                                 : std::string();
}

std::vector<HqRequestStep> steps_of(HqDb& db, const std::string& record_id) {
  std::vector<HqRequestStep> steps;
  db.each("SELECT state, at FROM hq_request_event WHERE request_id = ?1 ORDER BY at, id", {record_id},
          [&](const SqlRow& row) {
            steps.push_back({row.text(0), row.int64(1)});
          });
  return steps;
}

ApiError api_error(int status, const Error& error, std::optional<int> retry_after_s = std::nullopt) {
  return {status, error.code, error.message, retry_after_s};
}

}  // namespace

EpochMs PhoneRequestLookup::blocked_until(const char* scope, LookupScope rule, const std::string& subject,
                                          EpochMs now) {
  db_.run("DELETE FROM public_lookup_failure WHERE scope = ?1 AND subject = ?2 AND at <= ?3",
          {scope, subject, now - policy_.forget_after_ms});
  EpochMs until = 0;
  db_.first("SELECT count(*), max(at) FROM public_lookup_failure WHERE scope = ?1 AND subject = ?2", {scope, subject},
            [&](const SqlRow& row) {
              if (row.int64(0) > 0) until = lookup_blocked_until(policy_, rule, int(row.int64(0)), row.int64(1));
            });
  return until;
}

std::variant<json, ApiError> PhoneRequestLookup::on_match(const PhoneAttempt& a, EpochMs now, const Act& act) {
  return db_.write([&]() -> std::variant<json, ApiError> {
    db_.lock_key("lookup-code:" + a.code);  // always code, then address: no two attempts wait for each other
    db_.lock_key("lookup-address:" + a.address);
    const EpochMs until = std::max(blocked_until("code", LookupScope::Code, a.code, now),
                                   blocked_until("address", LookupScope::Device, a.address, now));
    if (until > now) return api_error(429, lookup_slowed_down(until, now), int((until - now + 999) / 1000));
    for (auto& [row, upload] : requests_with_code(db_, a.code)) {
      if (!phone_ends_with(phone_of(upload), a.last_four)) continue;
      db_.run("DELETE FROM public_lookup_failure WHERE scope = 'code' AND subject = ?1", {a.code});
      const bool rated = request_rated_at_hq(db_, row.store_id, row.code);
      Match match{row, public_request_status(row, steps_of(db_, row.record_id), rated)};
      return act(match);
    }
    for (const auto& [scope, subject] : {std::pair("code", a.code), std::pair("address", a.address)})
      db_.run("INSERT INTO public_lookup_failure(scope, subject, at) VALUES (?1, ?2, ?3)", {scope, subject, now});
    return api_error(404, lookup_no_match());
  });
}

std::variant<json, ApiError> PhoneRequestLookup::status(const PhoneAttempt& attempt, EpochMs now) {
  return on_match(attempt, now, [&](const Match& m) -> std::variant<json, ApiError> {
    return public_status_json(m.status, hq_products(db_));
  });
}

std::variant<json, ApiError> PhoneRequestLookup::rate(const PhoneAttempt& attempt, const RatingInput& rating,
                                                      EpochMs now) {
  return on_match(attempt, now, [&](const Match& m) -> std::variant<json, ApiError> {
    const std::string& code = m.row.code;
    if (!is_finished_for_rating(m.status.state))
      return ApiError{409,
                      "not-finished",
                      "request " + code + " is " + to_string(m.status.state) + ": only a done or closed job is rated",
                      {}};
    if (m.status.rated) return ApiError{409, "already-rated", "request " + code + " has already been rated", {}};
    const json data{{"request", m.row.record_id},
                    {"request_code", code},
                    {"score", rating.score},
                    {"reasons", rating.reasons},
                    {"comment", rating.comment},
                    {"rated_by", to_string(RatedBy::CustomerPhone)},
                    {"technician", m.row.assignee.value_or("")},
                    {"created_at", now}};
    const std::string id = store_phone_record(db_, m.row.store_id, "request_rating", data, now);
    db_.append_change(m.row.store_id, "request_rated", code, json{{"rating", id}, {"score", rating.score}, {"at", now}},
                      now, std::nullopt);
    return json{{"rated", true}};
  });
}

void PhoneRequestLookup::forget_old_failures(EpochMs now) {
  db_.write(
      [&] { return db_.run("DELETE FROM public_lookup_failure WHERE at <= ?1", {now - policy_.forget_after_ms}); });
}

}  // namespace kiosk::hq
