// Day statistics from ticket times: waits, percentile, target share, service
// time, no-show rate, the wait estimate's error; transfers count as one visit;
// sums that add and subtract, wait bins, counts in text, rating sums.
#include <doctest/doctest.h>

#include "queue/day_stats.h"
#include "queue/wait_histogram.h"
#include "ratings/rating_figures.h"

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

TEST_CASE("the sums of two halves of a day are the day's sums, and subtract back") {
  std::vector<TicketTimes> tickets{
      ticket("A", TicketState::Done, 0, 5 * kMin, 6 * kMin, 10 * kMin),
      ticket("A", TicketState::NoShow, 0, 17 * kMin, std::nullopt, 18 * kMin),
      ticket("B", TicketState::Transferred, 0, 1 * kMin, 1 * kMin, 3 * kMin),
      ticket("A", TicketState::Done, 3 * kMin, 4 * kMin, 4 * kMin, 10 * kMin, true),
      ticket("B", TicketState::Waiting, 0, std::nullopt),
  };
  tickets[0].estimated_wait_min = 12;
  StatsSums whole, first, second;
  for (std::size_t i = 0; i < tickets.size(); ++i) {
    add_ticket(whole, tickets[i], 15 * 60);
    add_ticket(i < 2 ? first : second, tickets[i], 15 * 60);
  }
  StatsSums joined = first;
  joined += second;
  CHECK(joined == whole);
  joined -= second;
  CHECK(joined == first);
  CHECK(whole.tickets == 4);
  CHECK(whole.called == 3);
  CHECK(whole.within_target == 2);
  CHECK(whole.uncalled == 1);
  CHECK(whole.estimate_error_ms == 7 * kMin);
  // Figures from sums are compute_day_stats' figures.
  const DayStats stats = compute_day_stats("2026-11-23", tickets, {}, 60 * kMin);
  const StatsFigures from_sums = figures_of(whole, 1, stats.total.p90_wait_s);
  CHECK(*from_sums.average_wait_s == doctest::Approx(*stats.total.average_wait_s));
  CHECK(*from_sums.within_target_share == doctest::Approx(*stats.total.within_target_share));
  CHECK(*from_sums.estimate_mae_min == doctest::Approx(*stats.total.estimate_mae_min));
}

TEST_CASE("the 90th percentile from one-minute bins is the upper edge of the bin holding the nearest rank") {
  Counts<int> bins;
  std::vector<double> waits_s;
  for (int i = 1; i <= 20; ++i) {
    const std::int64_t wait_ms = std::int64_t(i) * 61'000;  // 1:01, 2:02 ... 20:20
    ++bins[wait_bin(wait_ms)];
    waits_s.push_back(double(wait_ms) / 1000.0);
  }
  const double exact = *nearest_rank_percentile(waits_s, 0.9);  // 18:18
  CHECK(*percentile_from_bins(bins, 0.9) == doctest::Approx(19 * 60));
  CHECK(*percentile_from_bins(bins, 0.9) - exact <= 60);
  CHECK_FALSE(percentile_from_bins({}, 0.9));
  CHECK(wait_bin(-5) == 0);
  CHECK(wait_bin(59 * kMin + 59'999) == 59);
  CHECK(wait_bin(60 * kMin) == 60);
  CHECK(wait_bin(179 * kMin) == 71);
  CHECK(wait_bin(500 * kMin) == 72);
}

TEST_CASE("counts keep their text form, and text that is not one is refused") {
  Counts<int> hours{{33, 4}, {34, 1}};
  CHECK(encode_counts(hours) == "33:4,34:1");
  CHECK(*decode_int_counts("33:4,34:1") == hours);
  CHECK(decode_int_counts("")->empty());
  CHECK_FALSE(decode_int_counts("33:x"));
  CHECK_FALSE(decode_int_counts("33"));
  add_counts(hours, Counts<int>{{34, 1}}, -1);
  CHECK(hours == Counts<int>{{33, 4}});  // a count back to zero is gone
  RatingSums ratings;
  ratings.add(5, {"fast", "friendly"});
  ratings.add(2, {"too-slow"});
  CHECK(ratings.count() == 2);
  CHECK(*satisfied_share(ratings) == doctest::Approx(0.5));
  CHECK(encode_counts(ratings.reasons) == "fast:1,friendly:1,too-slow:1");
  RatingSums none = ratings;
  none -= ratings;
  CHECK(none.count() == 0);
  CHECK(none.reasons.empty());
  CHECK_FALSE(satisfied_share(none));
}
