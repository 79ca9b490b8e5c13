// Day statistics from ticket times: waits, percentile, target share, service
// time, no-show rate, the wait estimate's error; transfers count as one visit.
#include <doctest/doctest.h>

#include "queue/day_stats.h"

using namespace kiosk;

namespace {
constexpr EpochMs kMin = 60'000;
TicketTimes ticket(const char* service, TicketState state, EpochMs issued, std::optional<EpochMs> called,
                   std::optional<EpochMs> started = std::nullopt, std::optional<EpochMs> finished = std::nullopt,
                   bool continues_transfer = false) {
  return TicketTimes{service, state, continues_transfer, issued, called, started, finished};
}
}  // namespace

TEST_CASE("nearest-rank percentile") {
  CHECK_FALSE(nearest_rank_percentile({}, 0.9));
  CHECK(*nearest_rank_percentile({5}, 0.9) == 5);
  CHECK(*nearest_rank_percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.9) == 9);
  CHECK(*nearest_rank_percentile({10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 11}, 0.9) == 10);
}

TEST_CASE("a day of tickets") {
  const std::vector<TicketTimes> tickets{
      ticket("A", TicketState::Done, 0, 5 * kMin, 6 * kMin, 10 * kMin),               // waited 5, served 4
      ticket("A", TicketState::Done, 0, 20 * kMin, 20 * kMin, 22 * kMin),             // waited 20 (over 15), served 2
      ticket("A", TicketState::NoShow, 0, 10 * kMin, std::nullopt, 12 * kMin),        // waited 10
      ticket("B", TicketState::Transferred, 0, 1 * kMin, 1 * kMin, 3 * kMin),         // waited 1, moved to A
      ticket("A", TicketState::Done, 3 * kMin, 4 * kMin, 4 * kMin, 10 * kMin, true),  // the continuation: served 6
      ticket("B", TicketState::Waiting, 0, std::nullopt),
  };
  const DayStats stats = compute_day_stats("2026-11-23", tickets, {{"A", 15 * 60}, {"B", 15 * 60}}, 12 * kMin);
  CHECK(stats.total.tickets == 5);  // the continuation is not a new visit
  CHECK(stats.total.served == 3);
  CHECK(stats.total.no_shows == 1);
  CHECK(stats.total.waiting == 1);
  CHECK(*stats.total.average_wait_s == doctest::Approx((5 + 20 + 10 + 1) * 60 / 4.0));
  CHECK(*stats.total.p90_wait_s == doctest::Approx(20 * 60));
  CHECK(*stats.total.within_target_share == doctest::Approx(0.75));
  CHECK(*stats.total.average_service_s == doctest::Approx((4 + 2 + 6) * 60 / 3.0));
  CHECK(*stats.total.no_show_rate == doctest::Approx(0.25));
  CHECK(stats.by_service.at("A").tickets == 3);
  CHECK(stats.by_service.at("B").tickets == 2);
  CHECK(stats.by_service.at("B").waiting == 1);
}

TEST_CASE("a visit still waiting past its target counts against the share at once, not when it is called") {
  // Three visits called within 15 minutes, one after 20; five still waiting, issued 16 to 40 minutes ago.
  std::vector<TicketTimes> tickets{ticket("C", TicketState::Done, 0, 5 * kMin, 5 * kMin, 9 * kMin),
                                   ticket("C", TicketState::Done, 0, 10 * kMin, 10 * kMin, 14 * kMin),
                                   ticket("C", TicketState::Done, 0, 14 * kMin, 14 * kMin, 18 * kMin),
                                   ticket("C", TicketState::Serving, 0, 20 * kMin, 20 * kMin)};
  for (int issued : {0, 6, 12, 18, 24})
    tickets.push_back(ticket("C", TicketState::Waiting, issued * kMin, std::nullopt));
  const EpochMs now = 40 * kMin;
  const DayStats stats = compute_day_stats("2026-11-23", tickets, {{"C", 15 * 60}}, now);
  CHECK(*stats.by_service.at("C").within_target_share == doctest::Approx(3.0 / 9.0));  // was 0.75
  CHECK(*stats.total.within_target_share == doctest::Approx(3.0 / 9.0));
  // The average wait is of visits called: the waiting ones are not in it yet.
  CHECK(*stats.total.average_wait_s == doctest::Approx((5 + 10 + 14 + 20) * 60 / 4.0));
  // A visit waiting within its target is not judged yet.
  const DayStats early = compute_day_stats("2026-11-23", {ticket("C", TicketState::Waiting, 30 * kMin, std::nullopt)},
                                           {{"C", 15 * 60}}, now);
  CHECK_FALSE(early.total.within_target_share);
}

TEST_CASE("an empty day has counts of zero and no figures") {
  const DayStats stats = compute_day_stats("2026-11-23", {}, {}, 0);
  CHECK(stats.total.tickets == 0);
  CHECK_FALSE(stats.total.average_wait_s);
  CHECK_FALSE(stats.total.no_show_rate);
}

TEST_CASE("the wait estimate's error: visits called that showed one, against their first call") {
  auto estimated = [](TicketTimes t, int minutes) {
    t.estimated_wait_min = minutes;
    return t;
  };
  const std::vector<TicketTimes> tickets{
      estimated(ticket("A", TicketState::Done, 0, 4 * kMin, 4 * kMin, 9 * kMin), 6),                    // off by 2
      estimated(ticket("A", TicketState::Done, 0, 12 * kMin, 12 * kMin, 15 * kMin), 5),                 // off by 7
      estimated(ticket("A", TicketState::NoShow, 0, 30 * kMin + 30'000, std::nullopt, 32 * kMin), 25),  // off by 5.5
      estimated(ticket("B", TicketState::Transferred, 0, 8 * kMin, 8 * kMin, 10 * kMin), 3),  // off by 5: within
      ticket("A", TicketState::Done, 10 * kMin, 11 * kMin, 11 * kMin, 14 * kMin,
             true),                                                      // the continuation: no estimate of its own
      ticket("B", TicketState::Done, 0, 2 * kMin, 2 * kMin, 5 * kMin),   // no estimate shown: no counter was open
      estimated(ticket("B", TicketState::Waiting, 0, std::nullopt), 1),  // not called yet: not scored
      estimated(ticket("B", TicketState::Cancelled, 0, std::nullopt, std::nullopt, 3 * kMin), 1),  // left: never called
  };
  const DayStats stats = compute_day_stats("2026-11-23", tickets, {}, 40 * kMin);
  CHECK(stats.total.estimates_scored == 4);
  CHECK(*stats.total.estimate_mae_min == doctest::Approx((2 + 7 + 5.5 + 5) / 4.0));
  CHECK(*stats.total.estimate_within_5min_share == doctest::Approx(2.0 / 4.0));
  CHECK(stats.by_service.at("A").estimates_scored == 3);
  CHECK(*stats.by_service.at("A").estimate_mae_min == doctest::Approx((2 + 7 + 5.5) / 3.0));
  CHECK(*stats.by_service.at("A").estimate_within_5min_share == doctest::Approx(1.0 / 3.0));
  CHECK(stats.by_service.at("B").estimates_scored == 1);
  CHECK(*stats.by_service.at("B").estimate_within_5min_share == doctest::Approx(1.0));
  // A day where no estimate was shown has none to score.
  const DayStats none =
      compute_day_stats("2026-11-23", {ticket("B", TicketState::Done, 0, 2 * kMin, 2 * kMin, 5 * kMin)}, {}, 0);
  CHECK(none.total.estimates_scored == 0);
  CHECK_FALSE(none.total.estimate_mae_min);
  CHECK_FALSE(none.total.estimate_within_5min_share);
}
