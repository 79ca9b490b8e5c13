// RequestBook: storing requests and their lifecycle (see request_book.h).
#include "requests/request_book.h"

#include "core/random_id.h"
#include "requests/request_lifecycle.h"
#include "requests/request_rows.h"
#include "requests/request_text.h"
#include "requests/request_validation.h"
#include "store/product_catalog.h"
#include "store/storage_guard.h"

namespace kiosk {
namespace {

constexpr int kCodeAttempts = 20;  // at 887 million codes a store never needs a second one in practice
constexpr int kMaxListLimit = 10000;

const TextField kActor{"actor", "who made the change", 64, true};

Result<std::string> stored_code(const std::string& typed) {
  std::optional<std::string> code = normalize_request_code(typed);
  if (!code) return invalid_argument("\"" + typed + "\" is not a request code (such as R7K2-9QX)", "code-format");
  return *code;
}

bool code_in_use(Database& db, const std::string& code) {
  Statement& q = db.prepare("SELECT EXISTS (SELECT 1 FROM request WHERE code = ?1)");
  q.bind(1, code);
  q.step();
  const bool used = q.int64(0) != 0;
  q.reset();
  return used;
}

std::optional<std::string> staff_id(Database& db, const std::string& name_or_id) {
  Statement& q = db.prepare("SELECT id FROM staff WHERE id = ?1 OR name = ?1");
  q.bind(1, name_or_id);
  std::optional<std::string> id;
  if (q.step()) id = q.text(0);
  q.reset();
  return id;
}

// What the change sets besides the state: the assignee or the visit.
std::optional<Error> apply_details(Database& db, const TransitionRequest& change, const StoreTimeZone& zone,
                                   EpochMs now, Request& request) {
  if (change.to == RequestState::Assigned) {
    if (change.assignee.empty()) return invalid_argument("assigning a request needs the technician", "assignee-empty");
    std::optional<std::string> id = staff_id(db, change.assignee);
    if (!id) return invalid_argument("no staff member \"" + change.assignee + "\"", "unknown-assignee");
    request.assignee = *id;
  } else if (!change.assignee.empty()) {
    return invalid_argument("a technician is named only when assigning", "assignee-not-assigning");
  }
  if (change.to == RequestState::Scheduled) {
    request.scheduled_date = change.scheduled_date.empty() ? request.preferred_date : change.scheduled_date;
    request.scheduled_window = change.scheduled_window ? change.scheduled_window : request.time_window;
    return check_visit_date("scheduled", request.scheduled_date, request.scheduled_window, zone, now);
  }
  if (!change.scheduled_date.empty() || change.scheduled_window)
    return invalid_argument("a visit date and window are given only when scheduling", "schedule-not-scheduling");
  return std::nullopt;
}

// One checked state change with its event, inside the caller's transaction.
Result<Request> change_state(Database& db, const std::string& code, const TransitionRequest& change,
                             const std::optional<std::string>& only_assignee, const StoreTimeZone& zone, EpochMs now) {
  std::optional<Request> found = request_rows::find_by_code(db, code);
  if (!found) return invalid_argument("no request " + code + " in this store", "unknown-request");
  Request request = std::move(*found);
  if (only_assignee && request.assignee != *only_assignee)
    return refused("request " + request.code + " is not assigned to you", "not-assignee");
  if (change.expected_version && *change.expected_version != request.version)
    return refused("request " + request.code + " is at version " + std::to_string(request.version) + " (" +
                       to_string(request.state) + "), not " + std::to_string(*change.expected_version) +
                       ": it changed since it was read",
                   "version-conflict");
  if (auto problem = check_transition(request.state, change.to)) return *problem;
  if (auto problem = apply_details(db, change, zone, now, request)) return *problem;

  const RequestEvent event{new_uuid(), change.actor, now, request.state, change.to, change.note, request.version + 1};
  request.state = change.to;
  request.version = event.version;
  request.updated_at = now;
  if (is_final(request.state)) request.closed_at = now;
  db.prepare(
        "UPDATE request SET state = ?2, version = ?3, updated_at = ?4, closed_at = ?5, assignee = ?6, "
        "scheduled_date = ?7, scheduled_window = ?8 WHERE id = ?1")
      .bind(1, request.id)
      .bind(2, to_string(request.state))
      .bind(3, request.version)
      .bind(4, now)
      .bind(5, request.closed_at)
      .bind(6, request.assignee)
      .bind(7, request.scheduled_date)
      .bind(8,
            request.scheduled_window ? std::optional<std::string>(to_string(*request.scheduled_window)) : std::nullopt)
      .run();
  request_rows::insert_event(db, request.id, event);
  request.events = request_rows::events_of(db, request.id);
  return request;
}

}  // namespace

Request insert_request(Database& db, Request draft, const std::string& actor, EpochMs now,
                       const RequestCodeSource& codes) {
  draft.code.clear();
  for (int attempt = 0; attempt < kCodeAttempts && draft.code.empty(); ++attempt) {
    const std::string candidate = codes();
    if (!code_in_use(db, candidate)) draft.code = candidate;
  }
  if (draft.code.empty())
    throw SqliteError(SQLITE_CONSTRAINT, "no unused request code after " + std::to_string(kCodeAttempts) + " tries");
  draft.id = new_uuid();
  draft.state = RequestState::Received;
  draft.version = 1;
  draft.created_at = draft.updated_at = now;
  db.prepare(
        "INSERT INTO request(id, code, kind, product, model, serial, purchase_date, problem, description, "
        "contact_name, "
        "phone, on_site, address, preferred_date, time_window, urgency, consent_at, state, version, created_at, "
        "updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, 1, ?19, ?19)")
      .bind(1, draft.id)
      .bind(2, draft.code)
      .bind(3, to_string(draft.kind))
      .bind(4, draft.product)
      .bind(5, draft.model)
      .bind(6, draft.serial)
      .bind(7, draft.purchase_date)
      .bind(8, draft.problem)
      .bind(9, draft.description)
      .bind(10, draft.contact_name)
      .bind(11, draft.phone)
      .bind(12, draft.on_site ? 1 : 0)
      .bind(13, draft.address)
      .bind(14, draft.preferred_date)
      .bind(15, draft.time_window ? std::optional<std::string>(to_string(*draft.time_window)) : std::nullopt)
      .bind(16, to_string(draft.urgency))
      .bind(17, draft.consent_at)
      .bind(18, to_string(draft.state))
      .bind(19, now)
      .run();
  const RequestEvent received{new_uuid(), actor, now, std::nullopt, RequestState::Received, "", 1};
  request_rows::insert_event(db, draft.id, received);
  draft.events = {received};
  return draft;
}

bool adopt_hq_status(Database& db, const std::string& code, const HqStatus& status, HqStatusSource source,
                     const std::string& note, EpochMs now) {
  const RequestState state = status.state;
  const int version = status.version;
  std::optional<Request> found = request_rows::find_by_code(db, code);
  if (!found || (found->state == state && found->version == version)) return false;
  if (source == HqStatusSource::Feed && version < found->version) return false;
  Statement& undecided = db.prepare("SELECT 1 FROM request_command WHERE request_id = ?1 AND outcome IS NULL LIMIT 1");
  undecided.bind(1, found->id);
  const bool waiting_for_hq = undecided.step();
  undecided.reset();
  if (waiting_for_hq) return false;
  const RequestEvent event{new_uuid(), "hq", now, found->state, state, note, version};
  const std::optional<EpochMs> closed_at = is_final(state) ? std::optional(now) : found->closed_at;
  db.prepare(
        "UPDATE request SET state = ?2, version = ?3, updated_at = ?4, closed_at = ?5, assignee = COALESCE(?6, "
        "assignee), scheduled_date = COALESCE(?7, scheduled_date), scheduled_window = COALESCE(?8, scheduled_window) "
        "WHERE id = ?1")
      .bind(1, found->id)
      .bind(2, to_string(state))
      .bind(3, version)
      .bind(4, now)
      .bind(5, closed_at)
      .bind(6, status.assignee)
      .bind(7, status.scheduled_date)
      .bind(8, status.scheduled_window ? std::optional<std::string>(to_string(*status.scheduled_window)) : std::nullopt)
      .run();
  request_rows::insert_event(db, found->id, event);
  return true;
}

Result<Request> RequestBook::create(const RequestForm& form, const std::string& actor) {
  if (auto problem = check_request_text(kActor, actor)) return *problem;
  return storage_guarded([&]() -> Result<Request> {
    Database& db = store_.db();
    const EpochMs now = clock_.now_ms();
    Transaction tx(db);
    Result<Request> draft = validate_request(form, load_product_catalog(db), store_.zone(), now);
    if (!draft) return draft.error();
    Request created = insert_request(db, std::move(draft).value(), actor, now, codes_);
    tx.commit();
    return created;
  });
}

Result<Request> RequestBook::find(const std::string& typed) {
  Result<std::string> code = stored_code(typed);
  if (!code) return code.error();
  return storage_guarded([&]() -> Result<Request> {
    std::optional<Request> found = request_rows::find_by_code(store_.db(), code.value());
    if (!found) return invalid_argument("no request " + code.value() + " in this store", "unknown-request");
    found->events = request_rows::events_of(store_.db(), found->id);
    return *found;
  });
}

Result<Request> RequestBook::transition(const TransitionRequest& change,
                                        const std::optional<std::string>& only_assignee) {
  Result<std::string> code = stored_code(change.code);
  if (!code) return code.error();
  if (auto problem = check_request_text(kActor, change.actor)) return *problem;
  if (auto problem = check_request_text(kNoteField, change.note)) return *problem;
  return storage_guarded([&]() -> Result<Request> {
    Database& db = store_.db();
    Transaction tx(db);
    Result<Request> changed = change_state(db, code.value(), change, only_assignee, store_.zone(), clock_.now_ms());
    if (changed) tx.commit();
    return changed;
  });
}

Result<Request> RequestBook::complete(const CompletionRequest& completion) {
  std::optional<RatingInput> rating = completion.rating;
  if (rating) {
    rating->by = RatedBy::TechnicianDevice;
    if (auto problem = check_rating_input(*rating)) return *problem;
  }
  const TransitionRequest change{
      completion.code, RequestState::Done, completion.actor, completion.note, {}, {}, {}, completion.expected_version};
  Result<std::string> code = stored_code(change.code);
  if (!code) return code.error();
  if (auto problem = check_request_text(kActor, change.actor)) return *problem;
  if (auto problem = check_request_text(kNoteField, change.note)) return *problem;
  return storage_guarded([&]() -> Result<Request> {
    Database& db = store_.db();
    const EpochMs now = clock_.now_ms();
    Transaction tx(db);
    Result<Request> done = change_state(db, code.value(), change, completion.technician_id, store_.zone(), now);
    if (!done) return done;
    if (completion.confirmed_by_customer)
      db.prepare("UPDATE request SET customer_confirmed_at = ?2 WHERE id = ?1")
          .bind(1, done.value().id)
          .bind(2, now)
          .run();
    if (rating) {
      if (auto problem = why_not_ratable(db, done.value())) return *problem;
      insert_request_rating(db, done.value(), *rating, now);
    }
    tx.commit();
    return done;
  });
}

Result<RequestRating> RequestBook::rate(const std::string& typed, int score, const std::vector<std::string>& reasons,
                                        const std::string& comment, RatedBy by) {
  Result<std::string> code = stored_code(typed);
  if (!code) return code.error();
  const RatingInput input{score, reasons, comment, by};
  if (auto problem = check_rating_input(input)) return *problem;
  return storage_guarded([&]() -> Result<RequestRating> {
    Database& db = store_.db();
    Transaction tx(db);
    std::optional<Request> found = request_rows::find_by_code(db, code.value());
    if (!found) return invalid_argument("no request " + code.value() + " in this store", "unknown-request");
    if (auto problem = why_not_ratable(db, *found)) return *problem;
    RequestRating rating = insert_request_rating(db, *found, input, clock_.now_ms());
    tx.commit();
    return rating;
  });
}

Result<bool> RequestBook::is_rated(const std::string& typed) {
  Result<std::string> code = stored_code(typed);
  if (!code) return code.error();
  return storage_guarded([&]() -> Result<bool> {
    std::optional<Request> found = request_rows::find_by_code(store_.db(), code.value());
    if (!found) return invalid_argument("no request " + code.value() + " in this store", "unknown-request");
    return kiosk::is_rated(store_.db(), found->id);
  });
}

Result<std::vector<Request>> RequestBook::jobs_of(const std::string& technician) {
  return storage_guarded([&]() -> Result<std::vector<Request>> {
    Database& db = store_.db();
    std::optional<std::string> id = staff_id(db, technician);
    if (!id) return invalid_argument("no staff member \"" + technician + "\"", "unknown-assignee");
    Statement& q = db.prepare(request_rows::select_requests() +
                              "WHERE r.assignee = ?1 AND r.state NOT IN ('done', 'closed', 'cancelled') "
                              "ORDER BY r.created_at DESC, r.seq DESC");
    q.bind(1, *id);
    std::vector<Request> jobs;
    while (q.step()) jobs.push_back(request_rows::from_row(q));
    q.reset();
    return jobs;
  });
}

Result<std::vector<Request>> RequestBook::list(const RequestFilter& filter) {
  if (filter.limit < 1 || filter.limit > kMaxListLimit)
    return invalid_argument("the limit must be between 1 and " + std::to_string(kMaxListLimit), "bad-limit");
  return storage_guarded([&]() -> Result<std::vector<Request>> {
    Statement& q =
        store_.db().prepare(request_rows::select_requests() +
                            "WHERE ?1 IS NULL OR r.state = ?1 ORDER BY r.created_at DESC, r.seq DESC LIMIT ?2");
    q.bind(1, filter.state ? std::optional<std::string>(to_string(*filter.state)) : std::nullopt).bind(2, filter.limit);
    std::vector<Request> requests;
    while (q.step()) requests.push_back(request_rows::from_row(q));
    q.reset();
    return requests;
  });
}

Result<std::vector<ProductCategory>> RequestBook::products() {
  return storage_guarded([&]() -> Result<std::vector<ProductCategory>> { return load_product_catalog(store_.db()); });
}

}  // namespace kiosk
