// The request lookup's routes for phones (public_request_api.h).
#include "hq/public_request_api.h"

#include <atomic>
#include <cstdio>
#include <memory>
#include <variant>

#include "codec/api_error.h"
#include "codec/api_json.h"
#include "hq/public_request_lookup.h"
#include "http_server/json_http_server.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

constexpr std::size_t kMaxBodyBytes = 8 * 1024;  // a code, four digits, a rating's reasons and comment
constexpr std::size_t kMaxReasons = 16, kMaxReasonBytes = 32, kMaxCommentBytes = 1000;
constexpr EpochMs kSweepEveryMs = 60'000;

struct Routes {
  Routes(PublicThreadDb db, const Clock& c, MinuteLimit& g) : thread_db(std::move(db)), clock(c), guesses(g) {}

  PublicThreadDb thread_db;
  const Clock& clock;
  MinuteLimit& guesses;
  std::atomic<EpochMs> swept_at{0};  // when this process last deleted the forgotten failures

  using Answer = std::variant<json, ApiError>;
  using Act = std::function<Answer(PhoneRequestLookup&, const PhoneAttempt&, const JsonBody&, EpochMs)>;

  // Reads the attempt, applies the limits, runs `act` and answers with the
  // public headers; every failure is a JSON error, none names HQ's insides.
  void handle(const httplib::Request& req, httplib::Response& res, const Act& act) {
    try {
      if (req.body.size() > kMaxBodyBytes)
        return send_public_error(
            res, {413, "too-large", "the body is over " + std::to_string(kMaxBodyBytes) + " bytes", {}});
      const JsonBody body(req.body);
      const Result<std::string> code = lookup_code(body.text("code", 64), body.text("last_four", 16));
      if (!code) return send_public_error(res, api_error_from(code.error()));
      const EpochMs now = clock.now_ms();
      const PhoneAttempt attempt{code.value(), body.text("last_four", 16), client_address(req)};
      if (const int wait_s = guesses.wait_s(attempt.address, now); wait_s > 0)
        return send_public_error(
            res,
            {429, "lookup-slowed-down",
             "too many wrong tries from this address; try again in " + std::to_string(wait_s) + " seconds", wait_s});
      Result<HqDb*> db = thread_db();
      if (!db) return send_public_error(res, unavailable());
      PhoneRequestLookup lookup(*db.value());
      const Answer answer = act(lookup, attempt, body, now);
      if (const ApiError* error = std::get_if<ApiError>(&answer)) {
        if (error->code == "lookup-no-match") guesses.count(attempt.address, now);
        send_public_error(res, *error);
      } else {
        send_public_json(res, 200, std::get<json>(answer));
      }
      sweep(lookup, now);
    } catch (const BadRequest& e) {
      send_public_error(res, {400, e.code(), e.what(), {}});
    } catch (const StorageFailure& e) {
      send_public_error(res, e.kind() == StorageFailure::Kind::Busy ? ApiError{503, "busy", "HQ is busy; try again", 1}
                                                                    : unavailable());
    } catch (const std::exception&) {
      send_public_error(res, {500, "internal", "HQ failed on this request", {}});
    }
  }

  // At most once a minute per process, after an answer: the failures of
  // subjects never seen again go too (a failed sweep waits for the next).
  void sweep(PhoneRequestLookup& lookup, EpochMs now) {
    EpochMs last = swept_at.load();
    if (now - last < kSweepEveryMs || !swept_at.compare_exchange_strong(last, now)) return;
    try {
      lookup.forget_old_failures(now);
    } catch (const StorageFailure& e) {
      std::fprintf(stderr, "hq: could not delete the old request lookup failures: %s\n", e.what());
    }
  }

  static ApiError unavailable() { return {503, "storage", "HQ cannot answer now; try again later", 5}; }
};

}  // namespace

RatingInput phone_rating_from(const JsonBody& body) {
  return RatingInput{
      int(body.integer("score", -1'000'000, 1'000'000)),
      body.has("reasons") ? body.texts("reasons", kMaxReasons, kMaxReasonBytes) : std::vector<std::string>{},
      body.has("comment") ? body.text("comment", kMaxCommentBytes) : std::string(), RatedBy::CustomerPhone};
}

void add_public_request_routes(httplib::Server& server, std::map<std::string, std::string>& allowed,
                               PublicThreadDb thread_db, const Clock& clock, MinuteLimit& guesses) {
  auto routes = std::make_shared<Routes>(std::move(thread_db), clock, guesses);
  allowed["/r/lookup"] = "POST";
  allowed["/r/rating"] = "POST";
  server.Post("/r/lookup", [routes](const httplib::Request& req, httplib::Response& res) {
    routes->handle(req, res, [](PhoneRequestLookup& lookup, const PhoneAttempt& attempt, const JsonBody&, EpochMs now) {
      return lookup.status(attempt, now);
    });
  });
  server.Post("/r/rating", [routes](const httplib::Request& req, httplib::Response& res) {
    routes->handle(req, res,
                   [](PhoneRequestLookup& lookup, const PhoneAttempt& attempt, const JsonBody& body,
                      EpochMs now) -> Routes::Answer {
                     const RatingInput rating = phone_rating_from(body);
                     if (const std::optional<Error> problem = check_rating_input(rating))
                       return api_error_from(*problem);
                     return lookup.rate(attempt, rating, now);
                   });
  });
}

}  // namespace kiosk::hq
