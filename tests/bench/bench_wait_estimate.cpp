// How far the wait estimate a ticket shows is from the wait it really has
// (prints figures; never a pass/fail on them). Replays generated business days
// (generated_day.h) through the real QueueEngine on a real store file with a
// manual clock, and at every ticket issued records two estimates made on the
// same queue state:
//   - before: the formula the product used until schema 10 (people ahead of
//     this service / open counters calling it x the service's recent average
//     time of done tickets, rounded up); it lives only here, as the baseline;
//   - replay: queue/wait_estimator as QueueEngine uses it (stored on the ticket).
// Then prints, per service and in all, the tickets scored, the mean absolute
// error and the share within +-5 minutes, as compute_day_stats (kioskctl
// stats) computes them, for each seed and pooled over the seeds. Each scored
// day follows an unscored day of the same kind, so recent service times exist.
//   bench_wait_estimate [--seeds 1,2,3] [--volume 1.0] [--dir DIR]
#include <sqlite3.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <queue>
#include <string>
#include <vector>

#include "generated_day.h"
#include "queue/day_stats.h"
#include "queue/queue_engine.h"
#include "queue/queue_snapshot.h"
#include "queue/wait_estimator.h"
#include "store/catalog.h"
#include "store/store_db.h"
#include "support/temp_dir.h"
#include "support/test_clock.h"

using namespace kiosk;
using kiosk::bench::CounterPlan;
using kiosk::bench::Customer;
using kiosk::bench::GeneratedDay;

namespace {

constexpr EpochMs kMin = 60'000;
constexpr EpochMs kDay = 24 * 60 * kMin;
constexpr double kNoShowWaitMin = 1.5;  // how long staff wait for a called customer who never comes

[[noreturn]] void fail(const std::string& message) {
  std::fprintf(stderr, "bench_wait_estimate: %s\n", message.c_str());
  std::exit(1);
}

template <class T>
T must(Result<T> result, const char* what) {
  if (!result) fail(std::string(what) + ": " + result.error().message);
  return std::move(result).value();
}

// [SECTION] The baseline: the estimate as the product computed it before schema 10.

int count_of(Database& db, const char* sql, const std::string& first, const std::string& second = {}) {
  Statement& q = db.prepare(sql);
  q.bind(1, first);
  if (!second.empty()) q.bind(2, second);
  q.step();
  const int count = q.int32(0);
  q.reset();
  return count;
}

std::optional<int> estimate_before(Database& db, const Service& service, const std::string& day) {
  const int counters = count_of(db,
                                "SELECT count(*) FROM counter WHERE state = 'open' "
                                "AND instr(',' || services || ',', ',' || ?1 || ',') > 0",
                                service.code);
  if (counters == 0) return std::nullopt;
  const int ahead =
      count_of(db, "SELECT count(*) FROM ticket WHERE state = 'waiting' AND business_day = ?2 AND service_code = ?1",
               service.code, day);
  Statement& q = db.prepare(
      "SELECT avg(finished_at - called_at), count(*) FROM (SELECT finished_at, called_at FROM ticket "
      "WHERE state = 'done' AND service_code = ?1 ORDER BY finished_at DESC LIMIT 20)");
  q.bind(1, service.code);
  q.step();
  const double per_ticket_min = q.int64(1) > 0 ? double(q.int64(0)) / 60000.0 : double(service.typical_service_min);
  q.reset();
  return static_cast<int>(std::ceil(double(ahead) * per_ticket_min / counters));
}

// [SECTION] Replaying a day

enum class Happening { Arrive, GiveUp, CounterOpens, Start, Finish, NoShow, Lunch, LunchEnds, Leave, DoorsClose };

struct Event {
  EpochMs at;
  long order;  // ties keep the order they were planned in
  Happening what;
  std::size_t who;  // the customer or the counter's index
  bool operator>(const Event& other) const { return at != other.at ? at > other.at : order > other.order; }
};

enum class CounterNow { Closed, Idle, Busy, Paused };

struct CounterRun {
  const CounterPlan* plan = nullptr;
  CounterNow state = CounterNow::Closed;
  bool lunch_due = false, lunch_taken = false, leave_due = false;
  std::size_t customer = 0;   // while busy
  bool continuation = false;  // busy with a transfer's second part
};

class DayReplay {
 public:
  DayReplay(StoreDb& store, ManualClock& clock, const GeneratedDay& day, const std::vector<Service>& services)
      : store_(store), clock_(clock), engine_(store, clock), day_(day), services_(services) {}

  // Runs the day to its end; returns the baseline's estimates by ticket id
  // (the product's are stored on the tickets).
  std::map<std::string, std::optional<int>> run() {
    for (std::size_t i = 0; i < day_.customers.size(); ++i) plan(day_.customers[i].arrives_at, Happening::Arrive, i);
    for (std::size_t i = 0; i < day_.counters.size(); ++i) {
      counters_.push_back(CounterRun{&day_.counters[i]});
      plan(day_.counters[i].opens_at, Happening::CounterOpens, i);
      plan(day_.counters[i].lunch_at, Happening::Lunch, i);
      if (day_.counters[i].leaves_at) plan(*day_.counters[i].leaves_at, Happening::Leave, i);
    }
    plan(day_.doors_close_at, Happening::DoorsClose, 0);
    while (!events_.empty()) {
      const Event e = events_.top();
      events_.pop();
      clock_.set(e.at);
      handle(e);
    }
    return estimates_before_;
  }

 private:
  void plan(EpochMs at, Happening what, std::size_t who) { events_.push(Event{at, next_order_++, what, who}); }
  void plan_in(double minutes, Happening what, std::size_t who) {
    plan(clock_.now_ms() + EpochMs(std::llround(minutes * double(kMin))), what, who);
  }

  void handle(const Event& e) {
    switch (e.what) {
      case Happening::Arrive:
        return arrive(e.who);
      case Happening::GiveUp:
        (void)engine_.cancel(labels_[e.who]);  // refused when already called: they stayed
        return;
      case Happening::CounterOpens:
        return open(e.who);
      case Happening::Start:
        must(engine_.start(counters_[e.who].plan->number), "start");
        return;
      case Happening::Finish:
        return finish(e.who);
      case Happening::NoShow:
        must(engine_.no_show(counters_[e.who].plan->number), "no-show");
        return free_counter(e.who);
      case Happening::Lunch:
        counters_[e.who].lunch_due = counters_[e.who].state != CounterNow::Closed;
        if (counters_[e.who].state == CounterNow::Idle) settle(e.who);
        return;
      case Happening::LunchEnds:
        if (!counters_[e.who].leave_due) open(e.who);
        return;
      case Happening::Leave:
        counters_[e.who].leave_due = true;
        if (counters_[e.who].state == CounterNow::Idle || counters_[e.who].state == CounterNow::Paused) close(e.who);
        return;
      case Happening::DoorsClose:
        doors_closed_ = true;
        for (std::size_t i = 0; i < counters_.size(); ++i)
          if (counters_[i].state == CounterNow::Idle) settle(i);
        return;
    }
  }

  void arrive(std::size_t i) {
    const Customer& c = day_.customers[i];
    const std::string day = engine_.today();
    const Service& service = service_of(c.service_code);
    const std::optional<int> before = estimate_before(store_.db(), service, day);
    const std::optional<int> replay = estimate_wait_min(
        read_queue_snapshot(store_.db(), day, clock_.now_ms(), services_, store_.priority_interleave()),
        {c.service_code, c.priority});
    const IssuedTicket issued = must(engine_.issue({c.service_code, c.priority, {}}), "issue");
    if (issued.ticket.estimated_wait_min != replay)  // the comparison is only fair on the same queue state
      fail("the engine stored another estimate than the estimator gives on the same queue for " + issued.ticket.label);
    estimates_before_[issued.ticket.id] = before;
    labels_[i] = issued.ticket.label;
    customer_of_label_[issued.ticket.label] = i;
    plan_in(c.patience_min, Happening::GiveUp, i);
    wake_idle_counters();
  }

  void open(std::size_t k) {
    CounterRun& run = counters_[k];
    must(engine_.open_counter(run.plan->number, run.plan->service_codes), "open counter");
    run.state = CounterNow::Idle;
    settle(k);
  }

  void close(std::size_t k) {
    must(engine_.close_counter(counters_[k].plan->number), "close counter");
    counters_[k].state = CounterNow::Closed;
  }

  void finish(std::size_t k) {
    CounterRun& run = counters_[k];
    const Customer& c = day_.customers[run.customer];
    if (!run.continuation && c.transfer_to) {
      must(engine_.transfer(run.plan->number, *c.transfer_to), "transfer");
      wake_idle_counters();
    } else {
      must(engine_.finish(run.plan->number, Outcome::Resolved), "finish");
    }
    free_counter(k);
  }

  void free_counter(std::size_t k) {
    counters_[k].state = CounterNow::Idle;
    settle(k);
  }

  // An idle counter leaves, goes to lunch, calls the next ticket, or (after
  // the doors close, with nobody left for it) closes.
  void settle(std::size_t k) {
    CounterRun& run = counters_[k];
    const int number = run.plan->number;
    if (run.leave_due) return close(k);
    if (run.lunch_due && !run.lunch_taken) {
      must(engine_.pause_counter(number, "lunch"), "pause");
      run.state = CounterNow::Paused;
      run.lunch_taken = true;
      return plan_in(run.plan->lunch_min, Happening::LunchEnds, k);
    }
    Result<Ticket> called = engine_.call_next(number);
    if (!called) {
      if (doors_closed_) close(k);
      return;
    }
    run.state = CounterNow::Busy;
    run.continuation = !called.value().transferred_from.empty();
    run.customer = customer_of_label_.at(called.value().label);
    const Customer& c = day_.customers[run.customer];
    if (!run.continuation && !c.turns_up) return plan_in(kNoShowWaitMin, Happening::NoShow, k);
    const double serve = (run.continuation ? c.transfer_service_min : c.service_min) * run.plan->pace;
    plan_in(c.walk_up_min, Happening::Start, k);
    plan_in(c.walk_up_min + serve, Happening::Finish, k);
  }

  void wake_idle_counters() {
    for (std::size_t k = 0; k < counters_.size(); ++k)
      if (counters_[k].state == CounterNow::Idle) settle(k);
  }

  const Service& service_of(const std::string& code) const {
    for (const Service& s : services_)
      if (s.code == code) return s;
    fail("no service " + code);
  }

  StoreDb& store_;
  ManualClock& clock_;
  QueueEngine engine_;
  const GeneratedDay& day_;
  const std::vector<Service>& services_;
  std::priority_queue<Event, std::vector<Event>, std::greater<Event>> events_;
  long next_order_ = 0;
  std::vector<CounterRun> counters_;
  std::map<std::size_t, std::string> labels_;
  std::map<std::string, std::size_t> customer_of_label_;
  std::map<std::string, std::optional<int>> estimates_before_;
  bool doors_closed_ = false;
};

// [SECTION] Scoring

struct ScoredTickets {
  std::vector<TicketTimes> before, replay;
};

// The day's tickets as compute_day_stats reads them, once per estimator.
ScoredTickets day_tickets(Database& db, const std::string& day,
                          const std::map<std::string, std::optional<int>>& before) {
  Statement& q = db.prepare(
      "SELECT id, service_code, state, transferred_from IS NOT NULL, issued_at, called_at, started_at, finished_at, "
      "estimated_wait_min FROM ticket WHERE business_day = ?1");
  q.bind(1, day);
  ScoredTickets scored;
  while (q.step()) {
    TicketTimes t{q.text(1),           ticket_state_from(q.text(2)).value_or(TicketState::Waiting),
                  q.int64(3) != 0,     q.int64(4),
                  q.optional_int64(5), q.optional_int64(6),
                  q.optional_int64(7)};
    if (!q.is_null(8)) t.estimated_wait_min = q.int32(8);
    scored.replay.push_back(t);
    const auto baseline = before.find(q.text(0));
    t.estimated_wait_min = baseline == before.end() ? std::nullopt : baseline->second;
    scored.before.push_back(t);
  }
  q.reset();
  return scored;
}

std::string cell(const StatsFigures& f) {
  if (!f.estimate_mae_min) return "      -      -";
  char text[32];
  std::snprintf(text, sizeof text, "%6.1f %5.0f%%", *f.estimate_mae_min, 100.0 * *f.estimate_within_5min_share);
  return text;
}

void print_table(const ScoredTickets& tickets, const std::map<std::string, int>& targets) {
  const DayStats before = compute_day_stats("", tickets.before, targets, 0);
  const DayStats replay = compute_day_stats("", tickets.replay, targets, 0);
  std::printf("  service scored   avg wait |  before: MAE  +-5 |  replay: MAE  +-5\n");
  auto row = [&](const std::string& name, const StatsFigures& b, const StatsFigures& r) {
    std::printf("  %-7s %6d %8.1f m |   %s |   %s\n", name.c_str(), r.estimates_scored,
                r.average_wait_s.value_or(0) / 60.0, cell(b).c_str(), cell(r).c_str());
  };
  for (const auto& [code, figures] : replay.by_service) row(code, before.by_service.at(code), figures);
  row("all", before.total, replay.total);
}

// Replays the unscored day before and the scored day of one seed on a fresh store.
ScoredTickets replay_seed(std::uint64_t seed, double volume, const std::string& dir,
                          const std::vector<Service>& services) {
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const EpochMs opens_at = test::test_day_start_ms();  // 09:00 in Shanghai
  ManualClock clock(opens_at - kDay);
  StoreSettings settings;
  settings.store_id = "BENCH";
  settings.counters = 6;
  auto store = must(StoreDb::create(dir, settings, services, clock.now_ms()), "create store");
  store->db().exec("PRAGMA synchronous = OFF");  // estimates are measured here, not durability

  const GeneratedDay warm_up = bench::generate_day(seed * 7919 + 1, opens_at - kDay, services, volume);
  DayReplay(*store, clock, warm_up, services).run();
  const GeneratedDay day = bench::generate_day(seed, opens_at, services, volume);
  clock.set(opens_at);
  const std::string business_day = store->zone().business_day(opens_at);
  const std::map<std::string, std::optional<int>> before = DayReplay(*store, clock, day, services).run();
  ScoredTickets scored = day_tickets(store->db(), business_day, before);

  // kioskctl stats reads the stored estimates the same way.
  const DayStats stats = must(QueueEngine(*store, clock).day_stats(business_day), "day stats");
  if (stats.total.estimates_scored != compute_day_stats("", scored.replay, {}, 0).total.estimates_scored)
    fail("day_stats scored another number of tickets than the replay");
  std::printf(
      "seed %llu: %zu customers, %d tickets, %d called with an estimate; stored estimate (kioskctl stats): "
      "MAE %.1f min, %.0f %% within 5 min\n",
      static_cast<unsigned long long>(seed), day.customers.size(), stats.total.tickets, stats.total.estimates_scored,
      stats.total.estimate_mae_min.value_or(0), 100.0 * stats.total.estimate_within_5min_share.value_or(0));
  return scored;
}

std::vector<std::uint64_t> parse_seeds(const std::string& text) {
  std::vector<std::uint64_t> seeds;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    seeds.push_back(std::strtoull(text.substr(start, comma - start).c_str(), nullptr, 10));
    start = comma + 1;
  }
  return seeds;
}

}  // namespace

int main(int argc, char** argv) {
  std::string seeds_text = "1,2,3", dir_arg;
  double volume = 1.0;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--seeds")
      seeds_text = argv[i + 1];
    else if (flag == "--volume")
      volume = std::atof(argv[i + 1]);
    else if (flag == "--dir")
      dir_arg = argv[i + 1];
    else
      fail("usage: bench_wait_estimate [--seeds 1,2,3] [--volume 1.0] [--dir DIR]");
  }
  const test::TempDir temp;
  const std::string base = dir_arg.empty() ? temp.path() : dir_arg;
  const std::vector<Service> services = must(read_catalog_file(KIOSK_ASSETS_DIR "/catalog-default.jsonl"), "catalogue");
  std::map<std::string, int> targets;
  for (const Service& s : services) targets[s.code] = s.wait_target_min * 60;

  std::printf("Wait estimate error: MAE in minutes, share within +-5 min (tickets called that showed an estimate)\n");
  ScoredTickets pooled;
  for (const std::uint64_t seed : parse_seeds(seeds_text)) {
    const ScoredTickets scored = replay_seed(seed, volume, base + "/seed-" + std::to_string(seed), services);
    print_table(scored, targets);
    pooled.before.insert(pooled.before.end(), scored.before.begin(), scored.before.end());
    pooled.replay.insert(pooled.replay.end(), scored.replay.begin(), scored.replay.end());
  }
  std::printf("all seeds:\n");
  print_table(pooled, targets);
  return 0;
}
