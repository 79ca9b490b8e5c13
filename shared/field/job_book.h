// The field technician's jobs on his tablet, for days without a network:
// the technician from HQ's feed, logged in offline against his argon2id PIN
// hash (with the store's lockout: 5 wrong PINs, 5 minutes); the jobs as HQ's
// feed lists them; the technician's steps, applied to the job at once and
// queued as commands for HQ, whose answers then win; what HQ refused, kept
// until the technician was told in words; customers' details removed once a
// job is over and HQ holds all of it; everything wiped when HQ revokes the
// tablet. Every write is one transaction. Times by HQ's clock are HQ's
// (answers' hq_time, or the device's clock plus the measured difference),
// never the device's alone: a tablet whose clock is off purges on time.
//
// Implemented in job_book.cpp (what the technician does) and job_book_hq.cpp
// (what HQ says: its feed, its answers and telling them, the purge, a
// revocation).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "field/field_db.h"
#include "model/request_model.h"
#include "requests/request_rating.h"
#include "staff/staff_book.h"
#include "sync/command_outbox.h"

namespace kiosk {

struct JobBookOptions {
  StaffPolicy login;                        // max_failed_logins and lockout_ms, as at the store
  EpochMs retention_ms = 24 * 3600 * 1000;  // a finished job keeps its customer's details this long (HQ's clock)
  std::size_t max_signature_bytes = 64 * 1024;
};

struct FieldTechnician {
  std::string id;  // HQ's staff id
  std::string name;
};

struct FieldJob {
  std::string request_id;  // UUID
  std::string code;        // "RWU3-H8N"
  std::string store;
  RequestState state = RequestState::Assigned;  // the tablet's: its own steps count before HQ decides them
  int version = 0;
  std::string scheduled_date;  // "" until a visit is scheduled
  std::optional<TimeWindow> scheduled_window;
  // HQ's entry as it last sent it: kind, urgency, product and problem with
  // their names, model, preferred_date and _window, created_at... and the
  // customer's contact_name, phone, address and description until purged.
  // Its own state, version and scheduled_* are HQ's as last listed.
  nlohmann::json data;
  std::int64_t steps_waiting = 0;  // steps HQ has not decided yet
  bool purged = false;
};

// A step of the technician's. To `scheduled`: the visit's date and window.
struct StepInput {
  std::string request_id;
  RequestState to = RequestState::OnTheWay;
  std::string note;
  std::string scheduled_date;  // YYYY-MM-DD
  std::optional<TimeWindow> scheduled_window;
};

// The job done (on-site -> done), with the customer's confirmation, rating and
// signature, all or nothing.
struct CompletionInput {
  std::string request_id;
  std::string resolution;  // a resolution key: "replaced-part"
  std::string note;
  bool confirmed_by_customer = false;
  std::optional<RatingInput> rating;
  std::string signature_png;  // the customer's signature as PNG bytes; empty: none
};

// A step HQ did not keep, to tell the technician. message_key says why, for
// the UI's words ("the office cancelled this job; your step 'on site' was
// not kept"): "field.step.cancelled" (the job was cancelled), ".reassigned"
// (given to another technician), ".conflict" (the office changed the job
// first), ".rejected" (HQ refused it: `message`). `text` is those words in English.
struct StepNotice {
  std::string step_id;
  std::string request_id;
  std::string code;
  RequestState action = RequestState::OnTheWay;
  std::string outcome;       // "conflict" | "rejected" | "dropped" (not sent: one before it was refused)
  std::string outcome_code;  // HQ's ("version-conflict", "not-assigned"...), "after-refusal", "reassigned"
  std::string message_key;
  std::string message;  // HQ's message, for logs
  std::string text;
  std::optional<EpochMs> decided_at;  // HQ's clock
};

struct WaitingCounts {
  std::int64_t steps = 0;    // steps HQ has not decided
  std::int64_t records = 0;  // records (signatures) HQ has not acknowledged
  std::int64_t total() const { return steps + records; }
};

// Error codes (Error::code) a caller tells apart: "device-revoked" (log_in,
// take_step, complete), "not-set-up" (no technician from HQ yet),
// "retired", "wrong-pin", "locked-out", "unknown-job", "office-step",
// "use-complete", "illegal-transition", "note-*", "scheduled-date",
// "scheduled-window", "resolution", "signature-too-large", "signature-not-png",
// and the rating's ("bad-score", "unknown-reason", "comment-*").
class JobBook {
 public:
  JobBook(FieldDb& field, const Clock& clock, JobBookOptions options = {})
      : field_(field), clock_(clock), options_(options) {}

  // [SECTION] The technician (job_book.cpp)

  // Offline against the stored hash. A wrong PIN counts towards the lockout,
  // a right one resets the count; a locked technician is refused even the
  // right PIN, told how many minutes are left.
  Result<FieldTechnician> log_in(const std::string& name, const std::string& pin);

  // Open jobs first, then by visit day (scheduled, else preferred), then code.
  Result<std::vector<FieldJob>> jobs();
  Result<FieldJob> job(const std::string& request_id);

  // A technician's step (request_lifecycle: is_technician_step, and legal
  // from the job's state; `done` goes through complete()). The job takes it
  // at once (state, version + 1) and the step is queued, in one transaction.
  Result<FieldJob> take_step(const StepInput& step);
  Result<FieldJob> complete(const CompletionInput& completion);

  // What HQ has not got yet ("waiting to send").
  Result<WaitingCounts> waiting_count();

  // HQ's clock now, as the device estimates it (its clock + the measured difference).
  Result<EpochMs> hq_now();

  // [SECTION] What HQ says (job_book_hq.cpp)

  // One page of HQ's feed (checked for order by the caller): the bound
  // technician's `staff` entry, `job` entries (active: false removes the job;
  // its undecided steps are dropped as "reassigned" and told), other kinds
  // ignored; the cursor moves to `last_seq`, all in one transaction. A job's
  // state and version are taken only while none of its steps waits and
  // never backwards. Returns how many changes it took. Error: "bad-change".
  Result<std::int64_t> apply_feed(const nlohmann::json& changes, std::int64_t last_seq, EpochMs hq_time);

  // HQ's results to the steps sent (the `results` of its answer), at
  // `hq_time`: applied, or conflict / rejected: the job takes HQ's state and
  // version and the request's later steps are dropped. unknown-request leaves
  // a step waiting.
  Result<CommandTally> record_results(const nlohmann::json& results, EpochMs hq_time);

  // Steps HQ did not keep that the technician has not seen yet, oldest first;
  // mark_told once he has (error "unknown-step": no such decided step).
  Result<std::vector<StepNotice>> untold();
  Result<Done> mark_told(const std::string& step_id);

  // Removes the customer's details (contact_name, phone, address,
  // description; the steps' notes and rating) of jobs over (done, closed,
  // cancelled) for options.retention_ms by HQ's clock whose steps HQ has all
  // decided and whose signature it holds. Returns how many jobs.
  Result<std::int64_t> purge(EpochMs now_hq);

  // HQ revoked the tablet: jobs, steps, signatures, the outbox and the
  // technician's hash deleted, logins refused until it is set up again (a new
  // incarnation, the feed read from its start), in one transaction.
  Result<Done> wipe();

 private:
  Result<FieldJob> queue_step(const std::string& request_id, RequestState to, nlohmann::json data,
                              const std::string& signature_png);

  FieldDb& field_;
  const Clock& clock_;
  JobBookOptions options_;
};

}  // namespace kiosk
