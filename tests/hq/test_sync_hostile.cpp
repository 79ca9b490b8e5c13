// The sync round against answers no honest hq gives: bodies that are not the
// protocol's JSON, acknowledgements of more or less than was sent, change
// feeds out of order or with data the store cannot take. The store believes
// none of it: nothing is acknowledged or applied that should not be, and the
// round ends with a clear error. A scripted transport plays the hostile HQ;
// the store is a real file. Also: the backoff stays within its bounds.
#include <doctest/doctest.h>

#include <deque>
#include <set>

#include "queue/queue_engine.h"
#include "support/test_store.h"
#include "sync/health_report.h"
#include "sync/sync_session.h"

using namespace kiosk;
using kiosk::test::TestStore;
using Json = nlohmann::json;

namespace {

class ScriptedHq final : public SyncTransport {
 public:
  std::deque<TransportResponse> answers;
  std::vector<std::string> paths;
  std::vector<HeaderFields> headers;
  Result<TransportResponse> get(const std::string& path, const HeaderFields& h) override { return next(path, h); }
  Result<TransportResponse> post_gzip_json(const std::string& path, const std::string&,
                                           const HeaderFields& h) override {
    return next(path, h);
  }

 private:
  Result<TransportResponse> next(const std::string& path, const HeaderFields& h) {
    paths.push_back(path);
    headers.push_back(h);
    // The live queue post after an upload is taken without a scripted answer
    // (its own tests: test_queue_post.cpp); these are about the rest.
    if (path == "/sync/v1/queue") return TransportResponse{200, R"({"tickets": 3, "hq_time": 1})", std::nullopt};
    if (answers.empty()) return unavailable("no more scripted answers", "transport");
    TransportResponse r = answers.front();
    answers.pop_front();
    return r;
  }
};

TransportResponse ok(const Json& body) { return {200, body.dump(), std::nullopt}; }
Json ack(std::int64_t through) { return {{"acked_through", through}, {"parked", Json::array()}, {"hq_time", 1}}; }
Json feed(const Json& changes, std::int64_t last_seq, bool more = false) {
  return {{"changes", changes}, {"last_seq", last_seq}, {"more", more}, {"hq_time", 1}};
}

struct Fixture {
  Fixture() {
    for (int i = 0; i < 3; ++i) REQUIRE(s.engine->issue({"A", false, {}}).ok());
    REQUIRE(SyncStore(*s.store, s.clock).configure("http://127.0.0.1:1", "token").ok());
  }
  SyncRoundReport round(int attempts = 1) {
    SyncOptions options;
    options.attempts = attempts;
    return SyncSession(*s.store, s.clock, hq, options, [](std::chrono::milliseconds) {}).run_round();
  }
  SyncStatus status() { return SyncStore(*s.store, s.clock).status().value(); }
  TestStore s;
  ScriptedHq hq;
};

}  // namespace

TEST_CASE("answers that are not the protocol's JSON are transport failures: nothing acknowledged") {
  for (const std::string& body :
       {std::string("<html>proxy error</html>"), std::string("{\"acked_through\": 3}"), std::string("[]"),
        std::string(""), std::string("{\"acked_through\": \"3\", \"hq_time\": 1}")}) {
    CAPTURE(body);
    Fixture f;
    f.hq.answers.push_back({200, body, std::nullopt});
    const SyncRoundReport report = f.round();
    CHECK_FALSE(report.complete);
    REQUIRE(report.error.has_value());
    CHECK(f.status().acked_through == 0);
    CHECK(f.status().pending == 3);
    CHECK_FALSE(f.status().last_error.empty());
  }
}

TEST_CASE("an acknowledgement short of the batch stops the round; one beyond it acknowledges only what was sent") {
  Fixture short_ack;
  short_ack.hq.answers.push_back(ok(ack(1)));
  const SyncRoundReport gap = short_ack.round();
  REQUIRE(gap.error.has_value());
  CHECK(gap.error->code == "hq-gap");
  CHECK(short_ack.status().acked_through == 0);

  Fixture long_ack;
  long_ack.hq.answers.push_back(ok(ack(1000)));
  long_ack.hq.answers.push_back(ok(feed(Json::array(), 0)));
  const SyncRoundReport report = long_ack.round();
  CHECK(report.complete);
  CHECK(long_ack.status().acked_through == 3);
  REQUIRE(long_ack.s.engine->issue({"A", false, {}}).ok());
  CHECK(long_ack.status().pending == 1);  // the next record is still sent
}

TEST_CASE("a change feed out of order, going back, or with data the store cannot take changes nothing") {
  const Json good_service{
      {"seq", 1},
      {"kind", "service"},
      {"key", "A"},
      {"data", {{"code", "A"}, {"zh", "咨询"}, {"en", "Advice"}, {"wait_target_min", 15}, {"typical_service_min", 9}}}};
  Json bad_service = good_service;
  bad_service["seq"] = 2;
  bad_service["data"]["typical_service_min"] = 100000;
  Json second = good_service;
  second["seq"] = 2;
  const std::vector<std::pair<const char*, Json>> cases{
      {"out of order", feed({second, good_service}, 2)},
      {"last_seq behind a change", feed({second}, 1)},
      {"a change the store cannot apply", feed({good_service, bad_service}, 2)},
      {"changes not an array", feed(good_service, 1)},
  };
  for (const auto& [what, answer] : cases) {
    CAPTURE(what);
    Fixture f;
    f.hq.answers.push_back(ok(ack(3)));
    f.hq.answers.push_back(ok(answer));
    const SyncRoundReport report = f.round();
    CHECK_FALSE(report.complete);
    REQUIRE(report.error.has_value());
    CHECK(f.status().changes_after == 0);
    CHECK(f.s.engine->queue_status().value()[0].service.name_en != "Advice");  // the page applied nothing
  }
}

TEST_CASE("busy answers are retried, honouring Retry-After; a refusal is not") {
  Fixture f;
  f.hq.answers.push_back({503, R"({"error": {"code": "busy", "message": "later"}})", 2});
  f.hq.answers.push_back(ok(ack(3)));
  f.hq.answers.push_back({401, R"({"error": {"code": "revoked-device", "message": "revoked"}})", std::nullopt});
  const SyncRoundReport report = f.round(/*attempts=*/3);
  CHECK(report.requests == 4);  // the upload twice, the queue post, the feed
  CHECK(f.status().acked_through == 3);
  CHECK(report.refused);
  REQUIRE(report.error.has_value());
  CHECK(report.error->message.find("revoked-device") != std::string::npos);
}

TEST_CASE("backoff: full jitter under the cap, never sooner than Retry-After") {
  SyncOptions options;
  std::mt19937_64 random(7);
  for (int attempt = 0; attempt < 40; ++attempt) {
    const auto wait = backoff_delay(attempt, std::nullopt, options, random);
    CHECK(wait.count() >= 0);
    CHECK(wait <= std::min(options.backoff_cap, options.backoff_base * (std::int64_t(1) << std::min(attempt, 30))));
    CHECK(backoff_delay(attempt, 42, options, random) >= std::chrono::seconds(42));
  }
  // Spread: not the same wait every time.
  std::set<std::int64_t> waits;
  for (int i = 0; i < 20; ++i) waits.insert(backoff_delay(5, std::nullopt, options, random).count());
  CHECK(waits.size() > 10);
}

TEST_CASE("every request of a round carries the store's health report, read as the round began") {
  Fixture f;
  f.hq.answers.push_back(ok(ack(3)));
  f.hq.answers.push_back(ok(feed(Json::array(), 0)));
  const SyncRoundReport report = f.round();
  REQUIRE(report.complete);
  REQUIRE(f.hq.headers.size() == 3);  // the upload, the live queue post, then the feed
  for (const HeaderFields& headers : f.hq.headers) {
    REQUIRE(headers.size() == 1);
    CHECK(headers[0].name == kHealthHeader);
    CHECK(std::int64_t(headers[0].value.size()) == report.health_bytes);
    const Result<HealthReport> health = decode_health(headers[0].value);
    REQUIRE(health.ok());
    CHECK(health.value().pending == 3);  // before the upload acknowledged them
    CHECK(health.value().at == f.s.clock.now_ms());
    CHECK(health.value().integrity == "ok");
  }
  CHECK(f.hq.headers[0][0].value == f.hq.headers[1][0].value);
  CHECK(f.hq.headers[0][0].value == f.hq.headers[2][0].value);
}
