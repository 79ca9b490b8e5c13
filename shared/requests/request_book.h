// Repair and installation requests in the store database: creating one from a
// validated form with a fresh request code, changing its state along the
// lifecycle (request_lifecycle.h) with an event per change and a version that
// grows with each, reading one with its history, listing them. Each operation
// is one transaction: a refused or failed one stores nothing. The sync outbox
// rows of the request and its events are written by triggers (schema 5) in
// the same transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "model/request_model.h"
#include "requests/request_code.h"
#include "requests/request_rating.h"
#include "store/store_db.h"

namespace kiosk {

struct TransitionRequest {
  std::string code;  // as typed
  RequestState to = RequestState::Assigned;
  std::string actor;  // who: "kioskctl", a staff name...
  std::string note;
  std::string assignee;  // to assigned: a staff member's name or id (required)
  // To scheduled: the visit, by default the customer's preferred date and window.
  std::string scheduled_date;
  std::optional<TimeWindow> scheduled_window;
  std::optional<int> expected_version;  // the version the caller saw; refused if it moved on
};

// A technician finishing a job: on-site -> done with the resolution note, the
// customer's confirmation and, if given, the customer's rating, all or nothing.
struct CompletionRequest {
  std::string code;
  std::string actor;
  std::string technician_id;  // must be the assignee
  std::string note;
  bool confirmed_by_customer = false;
  std::optional<RatingInput> rating;  // `by` is set to technician-device
  std::optional<int> expected_version;
};

struct RequestFilter {
  std::optional<RequestState> state;
  int limit = 100;  // newest first
};

// Inserts a validated request (validate_request) with a fresh code drawn from
// `codes` until one is unused in this store, and its "received" event by
// `actor`. Call inside a Transaction. Throws SqliteError.
Request insert_request(Database& db, Request draft, const std::string& actor, EpochMs now,
                       const RequestCodeSource& codes);

// Where HQ's status of a request comes from: its change feed, or its answer
// to one of the store's own commands (HQ's state at the moment it decided).
enum class HqStatusSource { Feed, CommandResult };

// What a technician's tablet said with a step it sent to HQ (docs/hq-sync-
// protocol.md, "Technician devices"): who, a note, and with a completion the
// customer's confirmation and rating.
struct TechnicianReport {
  std::string actor;  // the technician's name
  std::string note;
  bool confirmed_by_customer = false;
  std::optional<RatingInput> rating;  // checked at HQ; given by technician-device
};

// HQ's status of a request: the state and version it decided, and what the
// deciding command set besides (from the feed: the technician of an
// assignment, the visit of a scheduling made at HQ's dispatch board, what a
// technician's tablet reported).
struct HqStatus {
  RequestState state = RequestState::Received;
  int version = 1;
  std::optional<std::string> assignee;  // a staff id
  std::optional<std::string> scheduled_date;
  std::optional<TimeWindow> scheduled_window;
  std::optional<TechnicianReport> report;
};

// Takes the status HQ decided for a request, without the lifecycle check (HQ
// checked it, and may have undone a transition the store saw): the request
// takes HQ's state, version and details and gains an event by "hq" with
// `note` (a technician's report: their name and note instead, their
// customer's confirmation and rating with a completion). Never while the store has transitions of that request HQ has
// not decided yet (HQ's answer to them settles it). From the feed: when HQ's version is newer than the store's, or the
// same with another state (the store's was displaced); from a command's result: whenever it differs. Returns false when
// nothing changed. Call inside a Transaction. Throws SqliteError.
bool adopt_hq_status(Database& db, const std::string& code, const HqStatus& status, HqStatusSource source,
                     const std::string& note, EpochMs now);

class RequestBook {
 public:
  RequestBook(StoreDb& store, const Clock& clock, RequestCodeSource codes = new_request_code)
      : store_(store), clock_(clock), codes_(std::move(codes)) {}

  // Validates the form against the store's product catalogue and time zone,
  // then stores it. Errors: those of validate_request, "actor-*".
  Result<Request> create(const RequestForm& form, const std::string& actor);

  // One request with its events. Error codes: "code-format", "unknown-request".
  Result<Request> find(const std::string& code);

  // Error codes: "code-format", "unknown-request", "illegal-transition",
  // "version-conflict", "assignee-empty", "unknown-assignee", "scheduled-*",
  // "actor-*", "note-*", "not-assignee" (a technician acting, `only_assignee`
  // his staff id, on a request that is not his).
  Result<Request> transition(const TransitionRequest& change,
                             const std::optional<std::string>& only_assignee = std::nullopt);

  // Done in one transaction with its rating (see CompletionRequest). Error
  // codes: those of transition and of rate, "not-assignee".
  Result<Request> complete(const CompletionRequest& completion);

  // Rates a done or closed request once. Error codes: "code-format",
  // "unknown-request", "not-finished", "already-rated", "bad-score",
  // "unknown-reason", "comment-*".
  Result<RequestRating> rate(const std::string& code, int score, const std::vector<std::string>& reasons,
                             const std::string& comment, RatedBy by);

  // Whether a request has its rating. Error codes: "code-format", "unknown-request".
  Result<bool> is_rated(const std::string& code);

  // The open requests (not done, closed or cancelled) assigned to a staff
  // member (id or name), newest first, without events. Error code: "unknown-assignee".
  Result<std::vector<Request>> jobs_of(const std::string& technician);

  // Without events. Error code: "bad-limit".
  Result<std::vector<Request>> list(const RequestFilter& filter);

  // The active product catalogue the form offers.
  Result<std::vector<ProductCategory>> products();

 private:
  StoreDb& store_;
  const Clock& clock_;
  RequestCodeSource codes_;
};

}  // namespace kiosk
