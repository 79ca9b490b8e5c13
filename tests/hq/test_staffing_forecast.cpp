// The staffing forecast (GET /api/console/v1/reports/forecast) on a real hq
// fed three generated weeks of one store through the sync upload: arrivals an
// hour, counters open, service times and the counters Erlang C needs, each
// worked out again here by the test's own loops (the textbook formula summed
// term by term); days outside the weeks left out; bad input refused in words;
// a dispatcher refused.
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <random>
#include <set>

#include "core/random_id.h"
#include "core/store_time_zone.h"
#include "hq/hq_fixture.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

constexpr EpochMs kMinute = 60'000, kHour = 60 * kMinute;

struct Visit {
  std::string id, day, service, label, state;
  EpochMs issued = 0;
  std::optional<EpochMs> called = std::nullopt, started = std::nullopt, finished = std::nullopt;
  std::optional<int> counter = std::nullopt;
};

// Tickets of S1 for days `first_back` to `last_back` days before today
// (Shanghai), 9:00 to 13:00, services A and B, numbered from 90 so that a
// day's tickets fill two ledger blocks; Tuesdays' 10:00 hour of A is busy
// enough (15 done a day) to have its own service time over three weeks.
std::vector<Visit> generate(std::mt19937& random, int first_back, int last_back) {
  const StoreTimeZone zone = StoreTimeZone::load("Asia/Shanghai").value();
  const EpochMs now = SystemClock().now_ms();
  const auto pick = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
  std::vector<Visit> visits;
  for (int back = first_back; back >= last_back; --back) {
    const std::string day = zone.business_day(now - back * 24 * kHour);
    const EpochMs start = zone.day_start(day);
    for (const std::string service : {"A", "B"}) {
      int number = 89;
      for (int hour = 9; hour < 13; ++hour) {
        const bool busy = service == "A" && hour == 10 && weekday_of(day) == 2;
        for (int n = busy ? 15 : pick(0, 8); n > 0; --n) {
          Visit v{new_uuid(), day, service, service + std::to_string(++number), "waiting"};
          v.issued = start + hour * kHour + pick(0, 59) * kMinute + pick(0, 59'999);
          const int fate = busy ? 0 : pick(0, 9);
          if (fate == 1) {  // never called
            visits.push_back(v);
            continue;
          }
          v.counter = pick(1, service == "A" ? 4 : 2);
          v.called = v.issued + pick(0, 50) * kMinute;  // often in the next hour
          if (fate == 2) {
            v.state = "no-show";
            v.finished = *v.called + 2 * kMinute;
          } else {
            v.state = "done";
            v.started = *v.called + pick(0, 60'000);
            v.finished = *v.started + pick(busy ? 1 : 2, busy ? 4 : 15) * kMinute + pick(0, 59'999);
          }
          visits.push_back(v);
        }
      }
    }
  }
  return visits;
}

void upload(HqFixture& hq, const std::string& token, const std::vector<Visit>& visits) {
  const auto time = [](const std::optional<EpochMs>& t) { return t ? Json(*t) : Json(nullptr); };
  std::vector<Json> records;
  for (const Visit& v : visits)
    records.push_back(Json{{"seq", std::int64_t(records.size() + 1)},
                           {"kind", "ticket"},
                           {"id", v.id},
                           {"revision", 1},
                           {"store", "S1"},
                           {"data",
                            {{"ticket", v.label},
                             {"business_day", v.day},
                             {"service", v.service},
                             {"state", v.state},
                             {"counter", v.counter ? Json(*v.counter) : Json(nullptr)},
                             {"issued_at", v.issued},
                             {"called_at", time(v.called)},
                             {"started_at", time(v.started)},
                             {"finished_at", time(v.finished)},
                             {"transferred_from", nullptr},
                             {"estimated_wait_min", nullptr}}}});
  const std::string incarnation = new_uuid();
  for (std::size_t start = 0; start < records.size(); start += 250) {
    const std::vector<Json> batch(records.begin() + std::ptrdiff_t(start),
                                  records.begin() + std::ptrdiff_t(std::min(records.size(), start + 250)));
    const HqAnswer sent = hq.upload(token, upload_body(incarnation, incarnation + std::to_string(start), batch));
    REQUIRE_MESSAGE(sent.status == 200, sent.raw);
  }
}

// The fewest counters c > A whose share within the target reaches 80 %, by
// the textbook formula: C = (A^c/c! * c/(c-A)) / (sum_{k<c} A^k/k! + that).
int textbook_counters(double per_hour, double service_s, double target_s) {
  if (per_hour == 0) return 0;
  const double a = per_hour * service_s / 3600;
  for (int c = 1;; ++c) {
    if (c <= a) continue;
    double sum = 0;
    for (int k = 0; k < c; ++k) sum += std::pow(a, k) / std::tgamma(k + 1);
    const double term = std::pow(a, c) / std::tgamma(c + 1) * c / (c - a);
    const double wait_probability = term / (sum + term);
    if (1 - wait_probability * std::exp(-(c - a) * target_s / service_s) >= 0.8) return c;
  }
}

// One hour of the week of one service, as the test counts it.
struct Cell {
  int arrivals = 0, counter_days = 0, done = 0;
  double service_s = 0;
};

struct Expected {
  std::map<std::pair<std::string, int>, Cell> cells;       // (service, weekday * 24 + hour)
  std::map<std::string, std::pair<int, double>> services;  // done tickets and their service time
};

Expected expected_of(const std::vector<Visit>& visits, const std::string& from, const std::string& to) {
  const StoreTimeZone zone = StoreTimeZone::load("Asia/Shanghai").value();
  Expected e;
  std::map<std::tuple<std::string, std::string, EpochMs>, std::set<int>> callers;
  for (const Visit& v : visits) {
    if (v.day < from || v.day > to) continue;
    const EpochMs start = zone.day_start(v.day);
    Cell& cell = e.cells[{v.service, weekday_of(v.day) * 24 + int((v.issued - start) / kHour)}];
    ++cell.arrivals;
    if (v.state == "done") {
      const double s = double(*v.finished - *v.started) / 1000;
      ++cell.done;
      cell.service_s += s;
      ++e.services[v.service].first;
      e.services[v.service].second += s;
    }
    if (v.called) callers[{v.service, v.day, (*v.called - start) / kHour}].insert(*v.counter);
  }
  for (const auto& [key, counters] : callers) {
    const auto& [service, day, hour] = key;
    e.cells[{service, weekday_of(day) * 24 + int(hour)}].counter_days += int(counters.size());
  }
  return e;
}

void check_forecast(const Json& answer, const Expected& e, int weeks, const std::map<std::string, int>& targets_s) {
  INFO(answer.dump().substr(0, 2000));
  REQUIRE(answer["services"].size() == 2);
  int busy_cells = 0;
  for (const Json& service : answer["services"]) {
    const std::string code = service["service"];
    const auto [done, service_sum] = e.services.at(code);
    CHECK(service["service_samples"] == done);
    CHECK(service["average_service_s"].get<double>() == doctest::Approx(service_sum / done));
    CHECK(service["wait_target_min"] == targets_s.at(code) / 60);
    std::size_t cells = 0;
    for (const auto& [key, cell] : e.cells) cells += key.first == code ? 1 : 0;
    CHECK(service["hours"].size() == cells);
    for (const Json& hour : service["hours"]) {
      const int slot = hour["weekday"].get<int>() * 24 + hour["hour"].get<int>();
      REQUIRE_MESSAGE(e.cells.count({code, slot}), code << " slot " << slot);
      const Cell& cell = e.cells.at({code, slot});
      const double per_hour = double(cell.arrivals) / weeks, open = double(cell.counter_days) / weeks;
      CHECK(hour["arrivals_per_hour"].get<double>() == doctest::Approx(per_hour));
      CHECK(hour["counters_open"].get<double>() == doctest::Approx(open));
      const bool own = cell.done >= 30;
      busy_cells += own ? 1 : 0;
      const double service_s = own ? cell.service_s / cell.done : service_sum / done;
      CHECK(hour["service_s_of"] == (own ? "hour" : "service"));
      CHECK(hour["average_service_s"].get<double>() == doctest::Approx(service_s));
      const int needed = textbook_counters(per_hour, service_s, targets_s.at(code));
      CHECK(hour["counters_needed"] == needed);
      CHECK(hour["short"] == (open < needed));
    }
  }
  CHECK(busy_cells == 1);  // Tuesdays' 10:00 of A
}

}  // namespace

TEST_CASE("the staffing forecast of a store equals the test's own count of its weeks") {
  ConsoleHq c;
  HqFixture& hq = c.hq;
  REQUIRE(hq.hq({"catalog", "import", std::string(KIOSK_ASSETS_DIR) + "/catalog-default.jsonl"}).exit_code == 0);
  const std::string token = hq.add_device("S1");
  hq.start();
  std::mt19937 random(20261205);
  const std::vector<Visit> weeks = generate(random, 21, 1);
  std::vector<Visit> all = weeks;
  for (const auto& outside : {generate(random, 57, 57), generate(random, 0, 0)})
    all.insert(all.end(), outside.begin(), outside.end());
  upload(hq, token, all);

  ConsoleClient manager(hq.port);
  REQUIRE(manager.login("mia", kConsolePassword).status == 200);
  std::map<std::string, int> targets_s;
  const HqAnswer catalog = manager.get("/api/console/v1/catalog/services");
  REQUIRE_MESSAGE(catalog.status == 200, catalog.raw);
  for (const Json& s : catalog.body["services"]) targets_s[s["code"]] = s["wait_target_min"].get<int>() * 60;
  REQUIRE_MESSAGE(targets_s.count("A") + targets_s.count("B") == 2, catalog.raw);

  const StoreTimeZone zone = StoreTimeZone::load("Asia/Shanghai").value();
  const std::string today = zone.business_day(SystemClock().now_ms());
  for (const int weeks_asked : {3, 8}) {
    const HqAnswer answer =
        manager.get("/api/console/v1/reports/forecast?store=S1&weeks=" + std::to_string(weeks_asked));
    REQUIRE_MESSAGE(answer.status == 200, answer.raw);
    const std::string from = days_after(today, -7 * weeks_asked), to = days_after(today, -1);
    CHECK(answer.body["query"] == Json{{"store", "S1"}, {"weeks", weeks_asked}, {"from", from}, {"to", to}});
    CHECK(answer.body["goal_share"] == 0.8);
    check_forecast(answer.body, expected_of(all, from, to), weeks_asked, targets_s);
  }
  // Eight weeks unless asked; a store without tickets has no services.
  const HqAnswer fallback = manager.get("/api/console/v1/reports/forecast?store=S1");
  REQUIRE(fallback.status == 200);
  CHECK(fallback.body["query"]["weeks"] == 8);
  const HqAnswer empty = manager.get("/api/console/v1/reports/forecast?store=S2");
  REQUIRE(empty.status == 200);
  CHECK(empty.body["services"].empty());
}

TEST_CASE("the staffing forecast refuses bad input in words, an unknown store, and roles but the manager") {
  ConsoleHq c;
  c.hq.start();
  ConsoleClient manager(c.hq.port), dispatcher(c.hq.port), admin(c.hq.port), nobody(c.hq.port);
  REQUIRE(manager.login("mia", kConsolePassword).status == 200);
  REQUIRE(dispatcher.login("dan", kConsolePassword).status == 200);
  REQUIRE(admin.login("ada", kConsolePassword).status == 200);
  const std::string path = "/api/console/v1/reports/forecast";
  for (const std::string query :
       {"", "?store=", "?weeks=4", "?store=S1&weeks=0", "?store=S1&weeks=27", "?store=S1&weeks=-3",
        "?store=S1&weeks=four", "?store=S1&weeks=99999999999999999999", "?store=S1&weeks=2.5"}) {
    const HqAnswer refused = manager.get(path + query);
    CHECK_MESSAGE(refused.status == 400, query);
    CHECK_MESSAGE(refused.error_code() == "bad-query", query);
    CHECK_MESSAGE(refused.body["error"]["message"].get<std::string>().size() > 10, query);
  }
  CHECK(manager.get(path + "?store=S1&weeks=27").body["error"]["message"] == "weeks must be 1 to 26 (got 27)");
  CHECK(manager.get(path + "?store=").body["error"]["message"] == "store is required: the forecast is of one store");
  const HqAnswer unknown = manager.get(path + "?store=S9");
  CHECK(unknown.status == 404);
  CHECK(unknown.error_code() == "unknown-store");
  for (ConsoleClient* other : {&dispatcher, &admin}) {
    const HqAnswer refused = other->get(path + "?store=S1");
    CHECK(refused.status == 403);
    CHECK(refused.error_code() == "forbidden");
  }
  CHECK(nobody.get(path + "?store=S1").status == 401);
  CHECK(manager.get(path + "?store=S1&weeks=26").status == 200);
}
