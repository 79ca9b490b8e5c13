// HqCaller's checks of HQ's answers that its fuzz target found wanting
// (tests/fuzz/fuzz_sync_round.cpp): an answer HQ could never honestly give is
// not the protocol's JSON, never arithmetic on whatever number came.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

#include "core/clock.h"
#include "sync/hq_caller.h"

using namespace kiosk;

namespace {

// One answer to every request.
class OneAnswer final : public SyncTransport {
 public:
  explicit OneAnswer(std::string body) : body_(std::move(body)) {}
  Result<TransportResponse> get(const std::string&, const HeaderFields&) override {
    return TransportResponse{200, body_, std::nullopt, 0};
  }
  Result<TransportResponse> post_gzip_json(const std::string&, const std::string&, const HeaderFields&) override {
    return TransportResponse{200, body_, std::nullopt, 0};
  }

 private:
  std::string body_;
};

HqAnswer answer_to(const std::string& body, HqCalls& calls) {
  OneAnswer hq(body);
  const ManualClock clock(1'795'395'600'000);
  SyncOptions options;
  options.attempts = 1;
  return HqCaller(hq, clock, options, [](std::chrono::milliseconds) {}).get("/sync/v1/changes", {}, calls);
}

}  // namespace

TEST_CASE("an hq_time no clock shows is a bad answer, not a clock offset that overflows") {
  for (const std::int64_t hq_time :
       {std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max(), std::int64_t(-1)}) {
    CAPTURE(hq_time);
    HqCalls calls;
    const HqAnswer answer =
        answer_to(R"({"acked_through": 3, "parked": [], "hq_time": )" + std::to_string(hq_time) + "}", calls);
    CHECK_FALSE(answer.ok);
    REQUIRE(calls.error.has_value());
    CHECK(calls.error->code == "bad-answer");
    CHECK_FALSE(calls.clock_offset_ms.has_value());
  }
}

TEST_CASE("an hq_time of today's clock is a good answer with its offset") {
  HqCalls calls;
  const HqAnswer answer = answer_to(R"({"changes": [], "hq_time": 1795395601000})", calls);
  CHECK(answer.ok);
  CHECK(calls.clock_offset_ms == 1000);
}
