// JobBook, what the technician does: log in offline, read his jobs, take a
// step or complete a job (each applied at once and queued for HQ in the same
// transaction), and what waits to be sent.
#include "field/job_book.h"

#include <algorithm>

#include "core/random_id.h"
#include "core/store_time_zone.h"
#include "requests/request_lifecycle.h"
#include "requests/request_text.h"
#include "requests/request_validation.h"
#include "store/storage_guard.h"

namespace kiosk {
namespace {

constexpr std::size_t kMaxResolutionBytes = 64;
constexpr std::string_view kPngSignature{"\x89PNG\r\n\x1a\n", 8};

Error revoked_device() {
  return refused("this tablet was revoked at HQ and its jobs were wiped; it must be set up again before anyone logs in",
                 "device-revoked");
}

Error wrong_pin() { return refused("wrong name or PIN", "wrong-pin"); }

bool is_revoked(Database& db) {
  Statement& q = db.prepare("SELECT revoked_at IS NOT NULL FROM device_config");
  const bool revoked = q.step() && q.int64(0) != 0;
  q.reset();
  return revoked;
}

// A resolution key: 1-64 bytes of a-z, 0-9 and '-'.
bool is_resolution_key(const std::string& key) {
  return !key.empty() && key.size() <= kMaxResolutionBytes && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

constexpr const char* kJobColumns =
    "SELECT request_id, code, store_id, state, version, scheduled_date, scheduled_window, data, "
    "purged_at IS NOT NULL, (SELECT count(*) FROM job_step s WHERE s.request_id = job.request_id AND s.outcome IS "
    "NULL), private FROM job ";

FieldJob job_from(const Statement& q, const FieldSecrets& secrets) {
  FieldJob job;
  job.request_id = q.text(0);
  job.code = q.text(1);
  job.store = q.text(2);
  job.state = request_state_from(q.text(3)).value_or(RequestState::Assigned);
  job.version = q.int32(4);
  job.scheduled_date = q.text(5);
  job.scheduled_window = time_window_from(q.text(6));
  job.data = nlohmann::json::parse(q.text(7), nullptr, /*allow_exceptions=*/false);
  job.purged = q.int64(8) != 0;
  job.steps_waiting = q.int64(9);
  // The customer's details, unsealed (none once purged, or when the key is not this tablet's).
  if (!q.is_null(10) && job.data.is_object())
    if (const std::optional<std::string> details = secrets.open(q.blob(10)))
      job.data.update(nlohmann::json::parse(*details, nullptr, /*allow_exceptions=*/false), /*merge_objects=*/false);
  return job;
}

std::optional<FieldJob> find_job(FieldDb& field, const std::string& request_id) {
  Statement& q = field.db().prepare(std::string(kJobColumns) + "WHERE request_id = ?1");
  q.bind(1, request_id);
  std::optional<FieldJob> job;
  if (q.step()) job = job_from(q, field.secrets());
  q.reset();
  return job;
}

Error unknown_job(const std::string& request_id) {
  return invalid_argument("no job " + request_id + " on this tablet", "unknown-job");
}

}  // namespace

// [SECTION] The technician

Result<FieldTechnician> JobBook::log_in(const std::string& name, const std::string& pin) {
  return storage_guarded([&]() -> Result<FieldTechnician> {
    Database& db = field_.db();
    if (is_revoked(db)) return revoked_device();
    Statement& q = db.prepare("SELECT id, name, pin_hash, active, coalesce(locked_until, 0) FROM technician");
    if (!q.step()) {
      q.reset();
      return refused("this tablet has no technician yet: connect it to HQ once to receive the login", "not-set-up");
    }
    const FieldTechnician technician{q.text(0), q.text(1)};
    const std::string stored_hash = q.text(2);
    const bool active = q.int64(3) != 0;
    const EpochMs locked_until = q.int64(4);
    q.reset();
    if (!active) return refused(technician.name + " no longer works as a technician at HQ", "retired");
    const EpochMs now = clock_.now_ms();
    // A lock further ahead than a lockout lasts was set by a clock that has
    // since been put back: it has ended.
    if (locked_until > now && locked_until - now <= options_.login.lockout_ms) {
      const EpochMs minutes = (locked_until - now + 59'999) / 60'000;
      return refused("locked out after " + std::to_string(options_.login.max_failed_logins) +
                         " wrong PINs; try again in " + std::to_string(minutes) +
                         (minutes == 1 ? " minute" : " minutes"),
                     "locked-out");
    }
    if (name != technician.name) return wrong_pin();
    const bool matches = pin_matches(pin, stored_hash);  // slow: outside the transaction
    Transaction tx(db);
    if (!matches) {
      db.prepare(
            "UPDATE technician SET locked_until = CASE WHEN failed_logins + 1 >= ?1 THEN ?2 ELSE locked_until END, "
            "failed_logins = CASE WHEN failed_logins + 1 >= ?1 THEN 0 ELSE failed_logins + 1 END")
          .bind(1, options_.login.max_failed_logins)
          .bind(2, now + options_.login.lockout_ms)
          .run();
      tx.commit();
      return wrong_pin();
    }
    db.prepare("UPDATE technician SET failed_logins = 0, locked_until = NULL").run();
    tx.commit();
    return technician;
  });
}

Result<std::vector<FieldJob>> JobBook::jobs() {
  return storage_guarded([&]() -> Result<std::vector<FieldJob>> {
    Statement& q =
        field_.db().prepare(std::string(kJobColumns) +
                            "ORDER BY state IN ('done', 'closed', 'cancelled'), "
                            "coalesce(scheduled_date, json_extract(data, '$.preferred_date'), '9999-12-31'), code");
    std::vector<FieldJob> jobs;
    while (q.step()) jobs.push_back(job_from(q, field_.secrets()));
    q.reset();
    return jobs;
  });
}

Result<FieldJob> JobBook::job(const std::string& request_id) {
  return storage_guarded([&]() -> Result<FieldJob> {
    std::optional<FieldJob> job = find_job(field_, request_id);
    if (!job) return unknown_job(request_id);
    return *job;
  });
}

// [SECTION] Steps

Result<FieldJob> JobBook::take_step(const StepInput& step) {
  if (step.to == RequestState::Done)
    return invalid_argument("a job is done through its completion (resolution, confirmation)", "use-complete");
  if (!is_technician_step(step.to))
    return refused(std::string("a technician cannot make a job ") + to_string(step.to) + ": that is the office's",
                   "office-step");
  if (auto problem = check_request_text(kRequestNote, step.note)) return *problem;
  nlohmann::json data = nlohmann::json::object();
  if (!step.note.empty()) data["note"] = step.note;
  if (step.to == RequestState::Scheduled) {
    if (!is_calendar_date(step.scheduled_date))
      return invalid_argument("a visit's date must be written YYYY-MM-DD", "scheduled-date");
    if (!step.scheduled_window) return invalid_argument("a visit needs its time window", "scheduled-window");
    data["scheduled_date"] = step.scheduled_date;
    data["scheduled_window"] = to_string(*step.scheduled_window);
  }
  return queue_step(step.request_id, step.to, std::move(data), {});
}

Result<FieldJob> JobBook::complete(const CompletionInput& completion) {
  if (!is_resolution_key(completion.resolution))
    return invalid_argument("a completion needs its resolution (a key such as replaced-part)", "resolution");
  if (auto problem = check_request_text(kRequestNote, completion.note)) return *problem;
  nlohmann::json data{{"resolution", completion.resolution},
                      {"confirmed_by_customer", completion.confirmed_by_customer}};
  if (!completion.note.empty()) data["note"] = completion.note;
  if (completion.rating) {
    RatingInput rating = *completion.rating;
    rating.by = RatedBy::TechnicianDevice;
    if (auto problem = check_rating_input(rating)) return *problem;
    data["rating"] = {{"score", rating.score}, {"reasons", rating.reasons}, {"comment", rating.comment}};
  }
  const std::string& png = completion.signature_png;
  if (png.size() > options_.max_signature_bytes)
    return invalid_argument(
        "the signature image is over " + std::to_string(options_.max_signature_bytes / 1024) + " KiB",
        "signature-too-large");
  if (!png.empty() && png.compare(0, kPngSignature.size(), kPngSignature) != 0)
    return invalid_argument("the signature is not a PNG image", "signature-not-png");
  return queue_step(completion.request_id, RequestState::Done, std::move(data), png);
}

Result<FieldJob> JobBook::queue_step(const std::string& request_id, RequestState to, nlohmann::json data,
                                     const std::string& signature_png) {
  return storage_guarded([&]() -> Result<FieldJob> {
    Database& db = field_.db();
    Transaction tx(db);
    if (is_revoked(db)) return revoked_device();
    Statement& who = db.prepare("SELECT name FROM technician WHERE active");
    const std::optional<std::string> actor = who.step() ? std::make_optional(who.text(0)) : std::nullopt;
    who.reset();
    if (!actor)
      return refused("no technician may work on this tablet (none received from HQ, or retired)", "not-set-up");
    const std::optional<FieldJob> job = find_job(field_, request_id);
    if (!job) return unknown_job(request_id);
    if (auto problem = check_transition(job->state, to)) return *problem;

    const EpochMs now = clock_.now_ms();
    data["from"] = to_string(job->state);
    data["actor"] = *actor;
    if (!signature_png.empty()) {
      const std::string signature_id = new_uuid();
      data["signature"] = signature_id;
      db.prepare(
            "INSERT INTO signature(id, request_id, request_code, store_id, png, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
          .bind(1, signature_id)
          .bind(2, job->request_id)
          .bind(3, job->code)
          .bind(4, job->store)
          .bind_blob(5, field_.secrets().seal(signature_png))
          .bind(6, now)
          .run();
    }
    db.prepare(
          "INSERT INTO job_step(id, request_id, request_code, store_id, from_state, action, from_version, at, data) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .bind(1, new_uuid())
        .bind(2, job->request_id)
        .bind(3, job->code)
        .bind(4, job->store)
        .bind(5, to_string(job->state))
        .bind(6, to_string(to))
        .bind(7, job->version)
        .bind(8, now)
        .bind(9, data.dump())
        .run();
    const bool scheduling = to == RequestState::Scheduled;
    db.prepare(
          "UPDATE job SET state = ?2, version = version + 1, "
          "scheduled_date = CASE WHEN ?3 THEN ?4 ELSE scheduled_date END, "
          "scheduled_window = CASE WHEN ?3 THEN ?5 ELSE scheduled_window END WHERE request_id = ?1")
        .bind(1, job->request_id)
        .bind(2, to_string(to))
        .bind(3, scheduling ? 1 : 0)
        .bind(4, scheduling ? data["scheduled_date"].get<std::string>() : std::string())
        .bind(5, scheduling ? data["scheduled_window"].get<std::string>() : std::string())
        .run();
    tx.commit();
    return *find_job(field_, request_id);
  });
}

Result<WaitingCounts> JobBook::waiting_count() {
  return storage_guarded([&]() -> Result<WaitingCounts> {
    Statement& q = field_.db().prepare(
        "SELECT (SELECT count(*) FROM job_step WHERE outcome IS NULL), "
        "(SELECT count(*) FROM outbox WHERE seq > (SELECT acked_through FROM device_config))");
    WaitingCounts counts;
    if (q.step()) counts = WaitingCounts{q.int64(0), q.int64(1)};
    q.reset();
    return counts;
  });
}

Result<EpochMs> JobBook::hq_now() {
  return storage_guarded([&]() -> Result<EpochMs> {
    Statement& q = field_.db().prepare("SELECT coalesce(clock_offset_ms, 0) FROM device_config");
    const EpochMs offset = q.step() ? q.int64(0) : 0;
    q.reset();
    return clock_.now_ms() + offset;
  });
}

}  // namespace kiosk
