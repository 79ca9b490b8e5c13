// Rating a finished request from its status screen (see request_rating_reducer.h).
#include "customer/request_rating_reducer.h"

#include "core/overloaded.h"

namespace kiosk::customer {
namespace {

using Effects = std::vector<Effect>;

}  // namespace

std::optional<Effects> reduce_request_rating(CustomerState& s, const Action& action, EpochMs now) {
  RequestRateFlow& r = s.request_rate;
  return std::visit(
      Overloaded{
          [&](const OpenRequestRating&) -> std::optional<Effects> {
            if (s.screen != Screen::CheckResult || !s.check.status || !s.check.status->ratable) return Effects{};
            r = RequestRateFlow{s.check.status->code, 0, {}, {}, false};
            s.screen = Screen::RateRequest;
            s.screen_since = now;
            return Effects{};
          },
          [&](const PickRequestScore& a) -> std::optional<Effects> {
            if (s.screen == Screen::RateRequest && a.score >= 1 && a.score <= 5 && !r.busy) r.score = a.score;
            return Effects{};
          },
          [&](const ToggleRequestReason& a) -> std::optional<Effects> {
            if (s.screen == Screen::RateRequest && !r.busy && !r.reasons.erase(a.code)) r.reasons.insert(a.code);
            return Effects{};
          },
          [&](const SubmitRequestRating&) -> std::optional<Effects> {
            if (s.screen != Screen::RateRequest || r.busy || r.score == 0 || r.error == "already-rated")
              return Effects{};
            r.busy = true;
            r.error.clear();
            return Effects{RateRequest{r.code, r.score, std::vector<std::string>(r.reasons.begin(), r.reasons.end())}};
          },
          [&](const CloseRequestRating&) -> std::optional<Effects> {
            if (s.screen != Screen::RateRequest || r.busy) return Effects{};
            r = {};
            s.screen = Screen::CheckResult;
            s.screen_since = now;
            return Effects{};
          },
          [&](const RequestRated&) -> std::optional<Effects> {
            r.busy = false;
            if (s.screen != Screen::RateRequest) return Effects{};
            if (s.check.status) s.check.status->ratable = false;
            r = {};
            s.screen = Screen::RateThanks;
            s.screen_since = now;
            return Effects{};
          },
          [&](const RequestRatingRefused& a) -> std::optional<Effects> {
            r.busy = false;
            r.error = a.error_code;
            if (a.error_code == "already-rated" && s.check.status) s.check.status->ratable = false;
            return Effects{};
          },
          [](const auto&) -> std::optional<Effects> { return std::nullopt; },
      },
      action);
}

}  // namespace kiosk::customer
