// The ticket page's status and rating (public_ticket_api.h).
#include "hq/public_ticket_api.h"

#include <algorithm>
#include <optional>

#include "codec/api_json.h"
#include "hq/figure_ledger.h"
#include "hq/phone_records.h"
#include "hq/ticket_pages.h"
#include "http_server/json_http_server.h"
#include "ratings/rating_book.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

// A store not heard from for longer is shown as it was, never as current.
constexpr EpochMs kStaleAfterMs = 90'000;
constexpr std::size_t kMaxRatingBody = 4096;

// One ticket page as the phone sees it, with its store.
struct Page {
  std::string ticket_id, store_id, label, state, store_name, service_zh, service_en;
  std::optional<std::int64_t> counter, ahead, wait_min, rated_at, queue_at, heard_at;
  EpochMs updated_at = 0, expires_at = 0;
};

constexpr const char* kPageColumns =
    "p.ticket_id, p.store_id, p.label, p.state, s.name, p.service, p.counter, p.ahead, p.wait_min, p.rated_at, "
    "p.queue_at, p.updated_at, p.expires_at";

Page page_of(const SqlRow& row) {
  Page p;
  p.ticket_id = row.text(0);
  p.store_id = row.text(1);
  p.label = row.text(2);
  p.state = row.text(3);
  p.store_name = row.text(4);
  p.service_zh = row.optional_text(13).value_or(row.text(5));
  p.service_en = row.optional_text(14).value_or(row.text(5));
  p.counter = row.optional_int64(6);
  p.ahead = row.optional_int64(7);
  p.wait_min = row.optional_int64(8);
  p.rated_at = row.optional_int64(9);
  p.queue_at = row.optional_int64(10);
  p.updated_at = row.int64(11);
  p.expires_at = row.int64(12);
  p.heard_at = row.optional_int64(15);
  return p;
}

// The page of `token`, if any: its row, its store's name and when a store's
// device (not a technician's tablet) was last heard from, its service's names.
std::optional<Page> read_page(HqDb& db, const std::string& token) {
  std::optional<Page> page;
  db.first(std::string("SELECT ") + kPageColumns + ", " + db.json_field("v.data", "zh") + ", " +
               db.json_field("v.data", "en") +
               ", (SELECT max(d.last_seen_at) FROM device d WHERE d.store_id = p.store_id AND d.technician_id IS NULL "
               "AND d.revoked_at IS NULL) FROM ticket_page p JOIN hq_store s ON s.id = p.store_id "
               "LEFT JOIN service v ON v.code = p.service WHERE p.token = ?1",
           {token}, [&](const SqlRow& row) { page = page_of(row); });
  return page;
}

bool rating_open(const Page& p, EpochMs now) { return p.state == "served" && !p.rated_at && now < p.expires_at; }

// The status answer without hq_time (what its ETag covers).
json status_of(const Page& p, EpochMs now) {
  const bool waiting = p.state == "waiting";
  const bool stale = !p.heard_at || now - *p.heard_at > kStaleAfterMs;
  json reasons = json::array();
  for (const std::string& code : rating_reason_codes()) reasons.push_back(code);
  const auto number = [](const std::optional<std::int64_t>& value) { return value ? json(*value) : json(nullptr); };
  return json{{"store", p.store_name},
              {"service", {{"zh", p.service_zh}, {"en", p.service_en}}},
              {"ticket", p.label},
              {"state", p.state},
              {"counter", number(p.counter)},
              {"ahead", waiting ? number(p.ahead) : json(nullptr)},
              {"wait_min", waiting && p.ahead ? number(p.wait_min) : json(nullptr)},
              {"updated_at", std::max(p.updated_at, p.queue_at.value_or(0))},
              {"store_heard_at", number(p.heard_at)},
              {"stale", stale},
              {"rating", {{"open", rating_open(p, now)}, {"given", p.rated_at.has_value()}}},
              {"reasons", reasons}};
}

const ApiError kUnknownTicket{404, "unknown-ticket", "no ticket has this token", {}};
const ApiError kExpiredTicket{410, "expired-ticket", "this ticket's day is over", {}};

// The rating's body: 400 bad-score, unknown-reason or bad-request.
std::variant<RatingFact, ApiError> read_rating(const std::string& body) {
  if (body.size() > kMaxRatingBody)
    return ApiError{400, "bad-request", "the body is over " + std::to_string(kMaxRatingBody) + " bytes", {}};
  const nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
  if (!parsed.is_object()) return ApiError{400, "bad-request", "the body must be a JSON object", {}};
  RatingFact rating;
  const auto score = parsed.find("score");
  if (score == parsed.end() || !score->is_number_integer() || score->get<std::int64_t>() < 1 ||
      score->get<std::int64_t>() > 5)
    return ApiError{400, "bad-score", "field \"score\" must be an integer from 1 to 5", {}};
  rating.score = score->get<int>();
  const auto reasons = parsed.find("reasons");
  if (reasons == parsed.end() || reasons->is_null()) return rating;
  const std::vector<std::string>& known = rating_reason_codes();
  if (!reasons->is_array() || reasons->size() > known.size())
    return ApiError{400, "unknown-reason", "field \"reasons\" must be an array of rating reasons", {}};
  for (const nlohmann::json& reason : *reasons) {
    if (!reason.is_string() || std::find(known.begin(), known.end(), reason.get<std::string>()) == known.end())
      return ApiError{400, "unknown-reason", "field \"reasons\" holds a reason the kiosk does not offer", {}};
    if (std::find(rating.reasons.begin(), rating.reasons.end(), reason.get<std::string>()) == rating.reasons.end())
      rating.reasons.push_back(reason.get<std::string>());
  }
  return rating;
}

// Stores the phone's rating as a `rating` record of the store (device
// "phone") through the path uploads take, and tells the store's devices.
void store_phone_rating(HqDb& db, const Page& page, const RatingFact& rating, EpochMs now) {
  const json data{{"ticket_id", page.ticket_id}, {"score", rating.score},
                  {"reasons", rating.reasons},   {"counter", page.counter ? json(*page.counter) : json(nullptr)},
                  {"created_at", now},           {"source", "phone"}};
  const std::string id = store_phone_record(db, page.store_id, "rating", data, now);
  db.append_change(page.store_id, "ticket_rated", page.ticket_id,
                   json{{"rating", id}, {"score", rating.score}, {"at", now}}, now, std::nullopt);
}

}  // namespace

void PublicTicketApi::add_routes(httplib::Server& server) {
  server.Get(R"(/t/([^/]+)/status)", [this](const httplib::Request& req, httplib::Response& res) { status(req, res); });
  server.Post(R"(/t/([^/]+)/rating)", [this](const httplib::Request& req, httplib::Response& res) { rate(req, res); });
}

void PublicTicketApi::status(const httplib::Request& req, httplib::Response& res) {
  const EpochMs now = clock_.now_ms();
  const std::string address = client_address(req);
  if (const int wait = std::max(guesses_.wait_s(address, now), polls_.wait_s(address, now)))
    return send_public_error(res, slowed_down(wait));
  polls_.count(address, now);
  const std::string token = req.matches[1];
  with_public_db(res, thread_db_, [&](HqDb& db) {
    const std::optional<Page> page = is_ticket_token(token) ? read_page(db, token) : std::nullopt;
    if (!page) {
      guesses_.count(address, now);
      return send_public_error(res, kUnknownTicket);
    }
    if (now >= page->expires_at) return send_public_error(res, kExpiredTicket);
    json answer = status_of(*page, now);
    if (answered_unchanged(req, res, answer.dump())) return;
    answer["hq_time"] = now;
    send_public_json(res, 200, answer);
  });
}

void PublicTicketApi::rate(const httplib::Request& req, httplib::Response& res) {
  const EpochMs now = clock_.now_ms();
  const std::string address = client_address(req);
  if (const int wait = guesses_.wait_s(address, now)) return send_public_error(res, slowed_down(wait));
  const std::string token = req.matches[1];
  with_public_db(res, thread_db_, [&](HqDb& db) {
    if (!is_ticket_token(token) || !read_page(db, token)) {
      guesses_.count(address, now);
      return send_public_error(res, kUnknownTicket);
    }
    std::variant<RatingFact, ApiError> rating = read_rating(req.body);
    if (const ApiError* error = std::get_if<ApiError>(&rating)) return send_public_error(res, *error);
    const std::optional<ApiError> refused = db.write([&]() -> std::optional<ApiError> {
      std::optional<Page> page = read_page(db, token);
      if (!page) return kUnknownTicket;                        // deleted meanwhile
      lock_visit_rating(db, page->store_id, page->ticket_id);  // then read again: an upload may have rated it
      page = read_page(db, token);
      if (!page) return kUnknownTicket;
      if (now >= page->expires_at) return kExpiredTicket;
      if (page->rated_at || ticket_has_rating(db, page->store_id, page->ticket_id, page->expires_at))
        return ApiError{409, "already-rated", "this visit has been rated already", {}};
      if (page->state != "served")
        return ApiError{409, "not-finished", "only a finished visit can be rated (it is " + page->state + ")", {}};
      store_phone_rating(db, *page, std::get<RatingFact>(rating), now);
      return std::nullopt;
    });
    if (refused) return send_public_error(res, *refused);
    send_public_json(res, 200, json{{"rated", true}});
  });
}

}  // namespace kiosk::hq
