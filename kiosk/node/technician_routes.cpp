// Technicians' jobs through the store node (see technician_routes.h).
#include "node/technician_routes.h"

#include <climits>

#include "codec/api_json.h"
#include "node/job_json.h"
#include "requests/request_book.h"
#include "requests/request_lifecycle.h"
#include "requests/request_validation.h"
#include "store/product_catalog.h"

namespace kiosk::node {
namespace {

using json = nlohmann::ordered_json;

constexpr std::size_t kMaxNoteBytes = 2000, kMaxCommentBytes = 1000, kMaxReasonBytes = 32, kMaxStateBytes = 32;
const char* const kJobPath = "/api/v1/jobs/([^/]{1,32})";

std::optional<Error> technician_only(const RouteContext& c) {
  if (c.session->role == StaffRole::Technician) return std::nullopt;
  return refused(c.session->staff_name + " is not a technician: jobs are for technicians' sessions",
                 "not-a-technician");
}

bool flag(const JsonBody& body, const char* field) {
  if (!body.has(field)) throw BadRequest("missing-field", std::string("field \"") + field + "\" is required");
  const nlohmann::json& value = body.json()[field];
  if (!value.is_boolean()) throw BadRequest("bad-field", std::string("field \"") + field + "\" must be true or false");
  return value.get<bool>();
}

std::string optional_text(const JsonBody& body, const char* field, std::size_t max_bytes) {
  return body.has(field) ? body.text(field, max_bytes) : std::string();
}

std::optional<int> optional_version(const JsonBody& body) {
  if (!body.has("version")) return std::nullopt;
  return int(body.integer("version", 1, INT_MAX));
}

RatingInput rating_from(const JsonBody& body) {
  const JsonBody rating(body.json()["rating"], "rating.");
  return RatingInput{int(rating.integer("score", 1, 5)),
                     rating.has("reasons") ? rating.texts("reasons", 16, kMaxReasonBytes) : std::vector<std::string>{},
                     optional_text(rating, "comment", kMaxCommentBytes), RatedBy::TechnicianDevice};
}

RequestState step_from(const std::string& name) {
  const std::optional<RequestState> state = request_state_from(name);
  if (!state)
    throw BadRequest("bad-field", "field \"to\" must be one of " + request_state_names() + " (got \"" + name + "\")");
  return *state;
}

// A visit window by name; absent: the customer's.
std::optional<TimeWindow> optional_window(const JsonBody& body, const char* field) {
  if (!body.has(field)) return std::nullopt;
  const std::string name = body.text(field, kMaxStateBytes);
  const std::optional<TimeWindow> window = time_window_from(name);
  if (!window)
    throw BadRequest("bad-field", std::string("field \"") + field + "\" must be morning, afternoon or evening (got \"" +
                                      name + "\")");
  return window;
}

// The job, and the days a visit may be scheduled on (the store's today and last day ahead).
Result<json> detail_of(RouteContext& c, const Clock& clock, Result<Request> request) {
  if (!request) return request.error();
  const bool mine = request.value().assignee == c.session->staff_id;
  const EpochMs now = clock.now_ms();
  return json{{"job", job_detail(request.value(), load_product_catalog(c.store.db()), mine)},
              {"today", c.store.zone().business_day(now)},
              {"last_visit_day", last_visit_day(c.store.zone(), now)}};
}

}  // namespace

void add_technician_routes(const AddRoute& add, const Clock& clock) {
  add("GET", "/api/v1/jobs", RouteAuth::Staff, [&clock](RouteContext& c) -> Result<json> {
    if (auto problem = technician_only(c)) return *problem;
    Result<std::vector<Request>> jobs = RequestBook(c.store, clock).jobs_of(c.session->staff_id);
    if (!jobs) return jobs.error();
    const std::vector<ProductCategory> catalog = load_product_catalog(c.store.db());
    json list = json::array();
    for (const Request& r : jobs.value()) list.push_back(job_summary(r, catalog));
    return json{{"technician", c.session->staff_name}, {"jobs", list}};
  });

  add("GET", kJobPath, RouteAuth::Staff, [&clock](RouteContext& c) -> Result<json> {
    return detail_of(c, clock, RequestBook(c.store, clock).find(c.req.matches[1]));
  });

  add("POST", std::string(kJobPath) + "/transition", RouteAuth::Staff, [&clock](RouteContext& c) -> Result<json> {
    if (auto problem = technician_only(c)) return *problem;
    const JsonBody body(c.req.body);
    TransitionRequest change;
    change.code = c.req.matches[1];
    change.to = step_from(body.text("to", kMaxStateBytes));
    change.actor = c.session->staff_name;
    change.note = optional_text(body, "note", kMaxNoteBytes);
    change.expected_version = int(body.integer("version", 1, INT_MAX));
    change.scheduled_date = optional_text(body, "scheduled_date", kMaxStateBytes);  // the book checks the day
    change.scheduled_window = optional_window(body, "scheduled_window");
    if (!is_technician_step(change.to))
      return refused(std::string("a technician does not move a job to ") + to_string(change.to) + "; the office does",
                     "office-step");
    return detail_of(c, clock, RequestBook(c.store, clock).transition(change, c.session->staff_id));
  });

  add("POST", std::string(kJobPath) + "/complete", RouteAuth::Staff, [&clock](RouteContext& c) -> Result<json> {
    if (auto problem = technician_only(c)) return *problem;
    const JsonBody body(c.req.body);
    CompletionRequest completion;
    completion.code = c.req.matches[1];
    completion.actor = c.session->staff_name;
    completion.technician_id = c.session->staff_id;
    completion.note = optional_text(body, "note", kMaxNoteBytes);
    completion.confirmed_by_customer = flag(body, "confirmed_by_customer");
    if (body.has("rating") && !body.json()["rating"].is_null()) completion.rating = rating_from(body);
    completion.expected_version = optional_version(body);
    return detail_of(c, clock, RequestBook(c.store, clock).complete(completion));
  });
}

}  // namespace kiosk::node
