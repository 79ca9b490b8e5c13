// The counters and staff report on a real hq fed by a real store (`kioskctl
// sync`): three generated days of two counters and the staff logged in at
// them (two HQ knows, one it does not, and calls with nobody logged in);
// every figure checked against the test's own count from the store's raw
// tickets and ratings, and again after `hq figures rebuild`. Bad queries,
// other roles and `hq report counters`; ledgers written before the staff
// field still decode.
#include <doctest/doctest.h>

#include <array>
#include <map>

#include "core/store_time_zone.h"
#include "hq/figure_ledger.h"
#include "hq/hq_fixture.h"
#include "hq/synced_store.h"
#include "queue/queue_engine.h"
#include "ratings/rating_book.h"
#include "store/store_db.h"
#include "support/test_clock.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

constexpr EpochMs kDay = 24 * 3'600'000;
constexpr const char* kPath = "/api/console/v1/reports/counters";
const std::string kUnknownStaff = "store-local-7";  // made at the store: HQ has no name for it

std::string day_of(EpochMs at) { return StoreTimeZone::load("Asia/Shanghai").value().business_day(at); }

// What the test counts itself for a counter or a staff member.
struct Expected {
  int served = 0, no_shows = 0, service_n = 0, ratings = 0;
  std::int64_t service_ms = 0, score_sum = 0;
  std::array<int, 5> scores{};
};

// Three days before the test day, from 09:00: twelve tickets a day, counters 1
// and 2 calling in turn with the day's staff; a no-show, a transfer, services
// of 2-5 minutes, every other one rated.
void generate_days(const std::string& data, const std::string& zhou, const std::string& qian) {
  auto store = StoreDb::open(data);
  REQUIRE(store.ok());
  ManualClock clock(test_day_start_ms() - 3 * kDay);
  QueueEngine engine(*store.value(), clock);
  RatingBook ratings(*store.value(), clock);
  REQUIRE(engine.open_counter(2, {"A", "B"}).ok());
  const auto staff_at = [&](int day, int counter, int i) -> std::string {
    if (day == 0) return counter == 1 ? zhou : qian;
    if (day == 1) return counter == 1 ? qian : zhou;
    return counter == 1 ? zhou : i % 3 == 0 ? "" : kUnknownStaff;
  };
  for (int day = 0; day < 3; ++day) {
    clock.set(test_day_start_ms() - (3 - day) * kDay);
    for (int i = 0; i < 12; ++i) {
      REQUIRE(engine.issue({i % 2 ? "B" : "A", false, {}}).ok());
      clock.advance_s(60);
    }
    for (int i = 0, called = 1; called;) {
      called = 0;
      for (int counter : {1, 2}) {
        const Result<Ticket> ticket = engine.call_next(counter, staff_at(day, counter, i));
        if (!ticket) continue;
        ++called;
        clock.advance_s(30);
        if (i % 5 == 3) {
          REQUIRE(engine.no_show(counter).ok());
        } else {
          REQUIRE(engine.start(counter).ok());
          clock.advance_s(120 + 60 * (i % 4));
          if (i % 7 == 4 && ticket.value().service_code == "B") {
            REQUIRE(engine.transfer(counter, "A").ok());
          } else {
            REQUIRE(engine.finish(counter, Outcome::Resolved).ok());
            if (i % 2 == 0)
              REQUIRE(ratings
                          .rate(ticket.value().id, 1 + (i * 3) % 5,
                                i % 4 == 0 ? std::vector<std::string>{"fast"} : std::vector<std::string>{})
                          .ok());
          }
        }
        ++i;
      }
    }
  }
}

// The test's own figures from the store's tickets (called ones) and ratings
// of business days from..to: by counter and by staff id ("" for nobody).
std::pair<std::map<int, Expected>, std::map<std::string, Expected>> count_raw(const std::string& data,
                                                                              const std::string& from,
                                                                              const std::string& to) {
  auto store = StoreDb::open(data);
  REQUIRE(store.ok());
  std::map<int, Expected> by_counter;
  std::map<std::string, Expected> by_staff;
  Statement& q = store.value()->db().prepare(
      "SELECT t.counter, coalesce(t.staff_id, ''), t.state, t.started_at, t.finished_at, r.score FROM ticket t "
      "LEFT JOIN rating r ON r.ticket_id = t.id WHERE t.counter IS NOT NULL AND t.business_day BETWEEN ?1 AND ?2");
  q.bind(1, from).bind(2, to);
  while (q.step()) {
    for (Expected* e : {&by_counter[q.int32(0)], &by_staff[q.text(1)]}) {
      const std::string state = q.text(2);
      e->served += state == "done";
      e->no_shows += state == "no-show";
      if (state == "done" && !q.is_null(3) && !q.is_null(4)) {
        ++e->service_n;
        e->service_ms += q.int64(4) - q.int64(3);
      }
      if (!q.is_null(5)) {
        ++e->ratings;
        e->score_sum += q.int64(5);
        ++e->scores[std::size_t(q.int64(5) - 1)];
      }
    }
  }
  q.reset();
  return {by_counter, by_staff};
}

void check_line(const Json& line, const Expected& e) {
  INFO(line.dump());
  CHECK(line["served"] == e.served);
  CHECK(line["no_shows"] == e.no_shows);
  if (e.served + e.no_shows > 0)
    CHECK(line["no_show_rate"].get<double>() == doctest::Approx(double(e.no_shows) / (e.served + e.no_shows)));
  if (e.service_n > 0)
    CHECK(line["average_service_s"].get<double>() == doctest::Approx(double(e.service_ms) / e.service_n / 1000.0));
  else
    CHECK(line["average_service_s"].is_null());
  CHECK(line["ratings"] == e.ratings);
  for (std::size_t s = 0; s < 5; ++s) CHECK(line["scores"][s] == e.scores[s]);
  if (e.ratings > 0) {
    CHECK(line["average_score"].get<double>() == doctest::Approx(double(e.score_sum) / e.ratings));
    CHECK(line["satisfied_share"].get<double>() == doctest::Approx(double(e.scores[3] + e.scores[4]) / e.ratings));
  } else {
    CHECK(line["average_score"].is_null());
    CHECK(line["satisfied_share"].is_null());
  }
}

struct CounterHq {
  ConsoleHq c;
  std::string zhou, qian;
  std::string first_day = day_of(test_day_start_ms() - 3 * kDay), last_day = day_of(test_day_start_ms() - kDay);
  std::string data;
  ConsoleClient manager{0};

  CounterHq() {
    c.hq.start();
    zhou = staff("Zhou");
    qian = staff("Qian");
    SyncedStore store(c.hq);
    data = store.data;
    generate_days(data, zhou, qian);
    const CtlReply synced = kioskctl(data, {"sync"});
    REQUIRE_MESSAGE(synced.exit_code == 0, synced.body.dump());
    manager = ConsoleClient(c.hq.port);
    REQUIRE(manager.login("mia", kConsolePassword).status == 200);
  }
  std::string staff(const std::string& name) {
    const HqCommand added =
        c.hq.hq({"staff", "add", "--store", "S1", "--name", name, "--pin", "2468", "--role", "counter"});
    REQUIRE(added.exit_code == 0);
    return added.lines.at(0)["staff"];
  }
  HqAnswer report(const std::string& query) { return manager.get(std::string(kPath) + "?" + query); }
};

}  // namespace

TEST_CASE("the counters report: per counter and staff member, each figure as counted from the store's records") {
  CounterHq t;
  for (const auto& [from, to] : {std::pair{t.first_day, t.last_day}, std::pair{t.last_day, t.last_day}}) {
    INFO(from << " to " << to);
    const HqAnswer answer = t.report("store=S1&from=" + from + "&to=" + to);
    REQUIRE(answer.status == 200);
    const auto [by_counter, by_staff] = count_raw(t.data, from, to);
    CHECK(answer.body["query"]["store"] == "S1");
    REQUIRE(answer.body["counters"].size() == by_counter.size());
    for (const Json& line : answer.body["counters"]) check_line(line, by_counter.at(line["counter"].get<int>()));
    REQUIRE(answer.body["staff"].size() == by_staff.size());
    std::map<std::string, Json> staff;
    for (const Json& line : answer.body["staff"]) {
      const std::string id = line["staff"].is_null() ? "" : line["staff"].get<std::string>();
      check_line(line, by_staff.at(id));
      staff[id] = line;
    }
    Expected total;
    for (const auto& [number, e] : by_counter) {
      total.served += e.served;
      total.no_shows += e.no_shows;
      total.service_n += e.service_n;
      total.service_ms += e.service_ms;
      total.ratings += e.ratings;
      total.score_sum += e.score_sum;
      for (std::size_t s = 0; s < 5; ++s) total.scores[s] += e.scores[s];
    }
    check_line(answer.body["total"], total);
    // Names from HQ's staff table; an id HQ does not know keeps no name; nobody logged in is its own line, last.
    CHECK(staff.at(t.zhou)["name"] == "Zhou");
    CHECK(staff.at(t.zhou)["counters"] == (from == to ? Json::array({1}) : Json::array({1, 2})));
    CHECK(staff.at(kUnknownStaff)["name"].is_null());
    CHECK(answer.body["staff"].back()["staff"].is_null());
    if (from == to) {
      CHECK(staff.count(t.qian) == 0);  // not at a counter on the last day
    } else {
      CHECK(staff.at(t.qian)["name"] == "Qian");
      CHECK(staff.at(t.qian)["counters"] == Json::array({1, 2}));
      CHECK(answer.body["staff"][0]["name"] == "Qian");  // by name
    }
  }

  // The command line gives the same figures.
  const HqCommand cli = t.c.hq.hq({"report", "counters", "--from", t.first_day, "--to", t.last_day, "--store", "S1"});
  REQUIRE(cli.exit_code == 0);
  Json api = t.report("store=S1&from=" + t.first_day + "&to=" + t.last_day).body, printed = cli.lines.at(0);
  api.erase("hq_time");
  printed.erase("hq_time");
  CHECK(printed == api);

  // A rebuild from the stored records keeps who called each ticket.
  REQUIRE(t.c.hq.hq({"figures", "rebuild"}).exit_code == 0);
  Json rebuilt = t.report("store=S1&from=" + t.first_day + "&to=" + t.last_day).body;
  rebuilt.erase("hq_time");
  CHECK(rebuilt == api);
}

TEST_CASE("the counters report refuses a bad query plainly, and every role but manager") {
  CounterHq t;
  const auto refused = [&](const std::string& query, int status, const std::string& code, const std::string& words) {
    const HqAnswer answer = t.report(query);
    INFO(query << " -> " << answer.raw);
    CHECK(answer.status == status);
    CHECK(answer.error_code() == code);
    CHECK(answer.body["error"]["message"].get<std::string>().find(words) != std::string::npos);
  };
  refused("from=2026-11-01&to=2026-11-02", 400, "bad-query", "one store");
  refused("store=S1&from=2026-08-01&to=2026-11-01", 400, "bad-query", "at most 92 days");
  refused("store=S1&from=2026-11-02&to=2026-11-01", 400, "bad-query", "after");
  refused("store=S1&from=yesterday&to=2026-11-01", 400, "bad-query", "YYYY-MM-DD");
  refused("store=S1", 400, "bad-query", "YYYY-MM-DD");
  refused("store=NOPE&from=2026-11-01&to=2026-11-02", 404, "unknown-store", "NOPE");
  CHECK(t.report("store=S1&from=2026-08-02&to=2026-11-01").status == 200);  // 92 days
  const HqAnswer none = t.report("store=S2&from=" + t.first_day + "&to=" + t.last_day);
  REQUIRE(none.status == 200);  // a store with no tickets: empty tables, no figures
  CHECK(none.body["counters"].empty());
  CHECK(none.body["total"]["served"] == 0);
  CHECK(none.body["total"]["average_service_s"].is_null());

  for (const char* other : {"dan", "ada"}) {
    ConsoleClient client(t.c.hq.port);
    REQUIRE(client.login(other, kConsolePassword).status == 200);
    const HqAnswer answer = client.get(std::string(kPath) + "?store=S1&from=" + t.first_day + "&to=" + t.last_day);
    CHECK(answer.status == 403);
    CHECK(answer.error_code() == "forbidden");
  }
  CHECK(ConsoleClient(t.c.hq.port).get(std::string(kPath) + "?store=S1&from=2026-11-01&to=2026-11-02").status == 401);
  CHECK(t.c.hq.hq({"report", "counters", "--from", "2026-11-01", "--to", "2026-11-02"}).exit_code != 0);
}

TEST_CASE("a ledger keeps who called each ticket; one written before the staff field reads as nobody") {
  hq::LedgerEntry called;
  called.revision = 3;
  called.times = {"A", TicketState::Done, false, 1000, 2000, 3000, 4000, 5};
  called.counter = 2;
  called.score = 4;
  called.reasons = {"fast", "friendly"};
  called.staff_id = "0f8e6a52-5d7e-4c1b-9a53-1f0e2d3c4b5a";
  hq::LedgerEntry waiting;
  waiting.revision = 1;
  waiting.times = {"A", TicketState::Waiting, false, 1500, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
  const hq::Ledger ledger{{"a-ticket", called}, {"b-ticket", waiting}};

  const std::string text = hq::encode_ledger(ledger);
  const std::optional<hq::Ledger> read = hq::decode_ledger(text, "A");
  REQUIRE(read);
  REQUIRE(read->size() == 2);
  CHECK((*read)[0].entry.staff_id == called.staff_id);
  CHECK((*read)[0].entry.reasons == called.reasons);
  CHECK((*read)[1].entry.staff_id.empty());
  CHECK(hq::encode_ledger(*read) == text);
  CHECK(text.find(called.staff_id) == text.rfind(called.staff_id));  // once, on the staff line
  CHECK_FALSE(hq::decode_ledger("@ s0\na-ticket 3 1000 2000 3000 4000 done 0 2 5 4 fast 1\n", "A"));  // no staff 1

  // As the program before this one wrote it: every line ends at the reasons.
  const std::string older =
      "a-ticket 3 1000 2000 3000 4000 done 0 2 5 4 fast,friendly\nb-ticket 1 1500 - - - waiting 0 - - - -\n";
  const std::optional<hq::Ledger> old_read = hq::decode_ledger(older, "A");
  REQUIRE(old_read);
  REQUIRE(old_read->size() == 2);
  CHECK((*old_read)[0].entry.staff_id.empty());
  CHECK((*old_read)[0].entry.counter == 2);
  CHECK((*old_read)[0].entry.score == 4);
  CHECK((*old_read)[0].entry.reasons == called.reasons);
  CHECK((*old_read)[0].entry.times.finished_at == 4000);
  CHECK((*old_read)[1].entry.times.state == TicketState::Waiting);
  CHECK_FALSE(hq::decode_ledger("a-ticket 3 1000 2000 3000 4000 done 0 2 5\n", "A"));  // cut short: not a ledger
}
