// HQ's figures (hq/figure_store.h) against the records they come from: a
// generated week of three stores uploaded in shuffled batches with repeats,
// every figure computed again here by the test's own loops over the raw
// records; `hq report services` for one store (exact) and for all (sums and
// one-minute bins); a rebuild changing nothing; and a real store whose
// `kioskctl stats` equals HQ's report for the same day.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

#include "core/random_id.h"
#include "core/store_time_zone.h"
#include "hq/hq_fixture.h"
#include "hq/synced_store.h"
#include "ratings/rating_book.h"
#include "store/store_db.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

constexpr EpochMs kMinute = 60'000;

// One generated ticket: its final times, and its rating if any.
struct Visit {
  std::string id, store, day, service, state;
  EpochMs issued = 0;
  std::optional<EpochMs> called = std::nullopt, started = std::nullopt, finished = std::nullopt;
  bool continuation = false;
  std::optional<int> estimate = std::nullopt, counter = std::nullopt, score = std::nullopt;
};

// A week of visits of three stores ending four days before today.
std::vector<Visit> generate_week(std::mt19937& random, std::vector<std::string>* days) {
  const StoreTimeZone zone = StoreTimeZone::load("Asia/Shanghai").value();
  const EpochMs now = SystemClock().now_ms();
  std::vector<Visit> visits;
  const auto pick = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
  for (int back = 10; back >= 4; --back) {
    const std::string day = zone.business_day(now - back * 24 * 60 * kMinute);
    days->push_back(day);
    const EpochMs opening = zone.day_start(day) + 9 * 60 * kMinute;
    for (const std::string store : {"S1", "S2", "S3"})
      for (const std::string service : {"A", "B"})
        for (int n = pick(4, 12); n > 0; --n) {
          Visit v{new_uuid(), store, day, service, "waiting", 0};
          v.issued = opening + pick(0, 8 * 60) * kMinute + pick(0, 59'999);
          if (pick(0, 2) > 0) v.estimate = pick(0, 40);
          const int fate = pick(0, 9);
          if (fate == 0) {  // never called
            visits.push_back(v);
            continue;
          }
          v.counter = pick(1, 3);
          v.called = v.issued + pick(0, fate == 1 ? 90 : 30) * kMinute + pick(0, 59'999);
          if (fate == 2) {
            v.state = "no-show";
            v.finished = *v.called + 2 * kMinute;
          } else {
            v.state = fate == 3 ? "transferred" : "done";
            v.started = *v.called + pick(0, 60'000);
            v.finished = *v.started + pick(1, 20) * kMinute;
            if (v.state == "done" && pick(0, 2) == 0) v.score = pick(1, 5);
          }
          visits.push_back(v);
          if (fate == 3) {  // the same visit goes on at service C
            Visit next{new_uuid(), store, day, "C", "done", 0};
            next.continuation = true;
            next.issued = *v.finished;
            next.called = next.issued + pick(0, 20) * kMinute;
            next.started = next.called;
            next.finished = *next.started + pick(1, 10) * kMinute;
            next.counter = pick(1, 3);
            visits.push_back(next);
          }
        }
  }
  return visits;
}

Json ticket_data(const Visit& v, const std::string& state, bool with_call, bool final) {
  const auto time = [](const std::optional<EpochMs>& t) { return t ? Json(*t) : Json(nullptr); };
  return Json{{"ticket", v.service + "001"},
              {"business_day", v.day},
              {"service", v.service},
              {"state", state},
              {"counter", with_call && v.counter ? Json(*v.counter) : Json(nullptr)},
              {"issued_at", v.issued},
              {"called_at", with_call ? time(v.called) : Json(nullptr)},
              {"started_at", final ? time(v.started) : Json(nullptr)},
              {"finished_at", final ? time(v.finished) : Json(nullptr)},
              {"transferred_from", v.continuation ? Json("X") : Json(nullptr)},
              {"estimated_wait_min", v.estimate ? Json(*v.estimate) : Json(nullptr)}};
}

// Every revision of every visit (waiting, called, its end) and the ratings.
std::map<std::string, std::vector<Json>> records_by_store(const std::vector<Visit>& visits) {
  std::map<std::string, std::vector<Json>> records;
  for (const Visit& v : visits) {
    std::vector<Json>& list = records[v.store];
    const auto add = [&](const std::string& kind, const std::string& id, int revision, const Json& data) {
      list.push_back(Json{{"kind", kind}, {"id", id}, {"revision", revision}, {"store", v.store}, {"data", data}});
    };
    add("ticket", v.id, 1, ticket_data(v, v.continuation ? "waiting" : "waiting", false, false));
    if (v.called) add("ticket", v.id, 2, ticket_data(v, "called", true, false));
    if (v.state != "waiting") add("ticket", v.id, 3, ticket_data(v, v.state, true, true));
    if (v.score)
      add("rating", new_uuid(), 1,
          Json{{"ticket_id", v.id},
               {"score", *v.score},
               {"reasons", *v.score >= 4 ? Json::array({"fast"}) : Json::array({"too-slow", "Not A Word"})},
               {"counter", *v.counter},
               {"created_at", *v.finished + kMinute}});
  }
  return records;
}

// Uploads a store's records shuffled, in batches, some batches twice.
void upload_shuffled(HqFixture& hq, const std::string& token, std::vector<Json> records, std::mt19937& random) {
  std::shuffle(records.begin(), records.end(), random);
  const std::string incarnation = new_uuid();
  for (std::size_t i = 0; i < records.size(); ++i) records[i]["seq"] = std::int64_t(i + 1);
  for (std::size_t start = 0; start < records.size(); start += 37) {
    const std::vector<Json> batch(records.begin() + std::ptrdiff_t(start),
                                  records.begin() + std::ptrdiff_t(std::min(records.size(), start + 37)));
    const Json body = upload_body(incarnation, incarnation + ":" + std::to_string(start), batch);
    REQUIRE(hq.upload(token, body).status == 200);
    if (start % 3 == 0) REQUIRE(hq.upload(token, body).status == 200);  // a retry after a lost answer
  }
}

// The figures of some visits, by the test's own arithmetic.
struct Expected {
  int tickets = 0, served = 0, no_shows = 0, still_open = 0, ratings = 0, satisfied = 0;
  std::vector<double> waits_s;
  int within = 0, judged = 0;
  double service_s = 0;
  int service_n = 0;
};

std::map<std::string, Expected> expected_figures(const std::vector<Visit>& visits, const std::string& store,
                                                 const std::string& from, const std::string& to) {
  std::map<std::string, Expected> by_service;
  for (const Visit& v : visits) {
    if ((!store.empty() && v.store != store) || v.day < from || v.day > to) continue;
    for (Expected* e : {&by_service[v.service], &by_service["total"]}) {
      if (!v.continuation) {
        ++e->tickets;
        ++e->judged;  // every day is long past: a visit never called missed its target
        if (v.called) {
          const double wait = double(*v.called - v.issued) / 1000.0;
          e->waits_s.push_back(wait);
          if (wait <= 15 * 60) ++e->within;
        }
      }
      if (v.state == "done") {
        ++e->served;
        e->service_s += double(*v.finished - *v.started) / 1000.0;
        ++e->service_n;
      }
      if (v.state == "no-show") ++e->no_shows;
      if (v.state == "waiting") ++e->still_open;
      if (v.score) {
        ++e->ratings;
        if (*v.score >= 4) ++e->satisfied;
      }
    }
  }
  return by_service;
}

double exact_p90(std::vector<double> waits) {
  std::sort(waits.begin(), waits.end());
  return waits[std::size_t(std::ceil(0.9 * double(waits.size()))) - 1];
}

void check_figures(const Json& figures, const Expected& e, bool exact_p90_expected, const std::string& what) {
  INFO(what << ": " << figures.dump());
  CHECK(figures["tickets"] == e.tickets);
  CHECK(figures["served"] == e.served);
  CHECK(figures["no_shows"] == e.no_shows);
  CHECK(figures["still_open"] == e.still_open);
  REQUIRE_FALSE(e.waits_s.empty());
  double sum = 0;
  for (double w : e.waits_s) sum += w;
  CHECK(figures["average_wait_s"].get<double>() == doctest::Approx(sum / double(e.waits_s.size())));
  const double p90 = exact_p90(e.waits_s), reported = figures["p90_wait_s"].get<double>();
  if (exact_p90_expected) {
    CHECK(reported == doctest::Approx(p90));
  } else {  // the upper edge of the one-minute bin that holds it (waits under an hour)
    CHECK(reported >= p90);
    CHECK(reported - p90 <= (p90 < 3600 ? 60.0 : 600.0));
  }
  CHECK(figures["within_target_share"].get<double>() == doctest::Approx(double(e.within) / e.judged));
  if (e.service_n > 0) CHECK(figures["average_service_s"].get<double>() == doctest::Approx(e.service_s / e.service_n));
  if (e.served + e.no_shows > 0)
    CHECK(figures["no_show_rate"].get<double>() == doctest::Approx(double(e.no_shows) / (e.served + e.no_shows)));
  CHECK(figures["ratings"] == e.ratings);
  if (e.ratings > 0)
    CHECK(figures["satisfied_share"].get<double>() == doctest::Approx(double(e.satisfied) / e.ratings));
}

Json report(HqFixture& hq, const std::string& from, const std::string& to, const std::string& store = "") {
  std::vector<std::string> args{"report", "services", "--from", from, "--to", to};
  if (!store.empty()) args.insert(args.end(), {"--store", store});
  const HqCommand run = hq.hq(args);
  REQUIRE_MESSAGE(run.exit_code == 0, (run.lines.empty() ? Json() : run.lines[0]).dump());
  REQUIRE(run.lines.size() == 1);
  return run.lines[0];
}

void check_report(const Json& answer, const std::map<std::string, Expected>& expected, bool exact,
                  const std::string& what) {
  std::map<std::string, Json> services;
  for (const Json& line : answer["services"]) services[line["service"]] = line;
  for (const auto& [code, e] : expected) {
    if (code == "total") continue;
    REQUIRE_MESSAGE(services.count(code), what << ": no service " << code);
    if (!e.waits_s.empty()) check_figures(services[code], e, exact, what + " service " + code);
  }
  check_figures(answer["total"], expected.at("total"), exact, what + " total");
  CHECK(answer["notes"]["p90"] == (exact ? "exact" : "one-minute bins"));
}

Json without_time(Json answer) {
  answer.erase("hq_time");
  return answer;
}

}  // namespace

TEST_CASE("HQ's figures of a generated week equal the test's own, whatever the order and repeats of the uploads") {
  HqFixture hq;
  REQUIRE(hq.hq({"store", "add", "--id", "S3", "--name", "third"}).exit_code == 0);
  REQUIRE(hq.hq({"catalog", "import", std::string(KIOSK_ASSETS_DIR) + "/catalog-default.jsonl"}).exit_code == 0);
  std::map<std::string, std::string> tokens{
      {"S1", hq.add_device("S1")}, {"S2", hq.add_device("S2")}, {"S3", hq.add_device("S3")}};
  hq.start();
  std::mt19937 random(20261205);
  std::vector<std::string> days;
  const std::vector<Visit> visits = generate_week(random, &days);
  const auto records = records_by_store(visits);
  for (const auto& [store, list] : records) upload_shuffled(hq, tokens[store], list, random);
  // Everything again under a new incarnation: the same revisions change nothing.
  for (const auto& [store, list] : records) upload_shuffled(hq, tokens[store], list, random);

  const std::string from = days.front(), to = days.back();
  for (const std::string store : {"S1", "S2", "S3"}) {
    check_report(report(hq, from, to, store), expected_figures(visits, store, from, to), true, store + " week");
    check_report(report(hq, days[3], days[3], store), expected_figures(visits, store, days[3], days[3]), true,
                 store + " " + days[3]);
  }
  const Json all_stores = report(hq, from, to);
  check_report(all_stores, expected_figures(visits, "", from, to), false, "all stores, the week");

  // Reasons as given (a word that is not a reason code left out), arrivals by weekday and hour.
  std::map<std::string, int> reasons;
  for (const Visit& v : visits)
    if (v.score) ++reasons[*v.score >= 4 ? "fast" : "too-slow"];
  CHECK(all_stores["reasons"] == Json(reasons));
  int arrivals = 0;
  for (const Json& slot : all_stores["arrivals"]) {
    CHECK(slot[0].get<int>() >= 0);
    CHECK(slot[0].get<int>() <= 6);
    CHECK(slot[1].get<int>() >= 9);  // the generated day opens at 9
    arrivals += slot[2].get<int>();
  }
  CHECK(arrivals == expected_figures(visits, "", from, to)["total"].tickets);

  // The trend: each day's figures, one store's and every store's.
  for (const std::string store : {"S2", ""}) {
    std::vector<std::string> args{"report", "trend", "--from", from, "--to", to};
    if (!store.empty()) args.insert(args.end(), {"--store", store});
    const HqCommand trend = hq.hq(args);
    REQUIRE(trend.exit_code == 0);
    const Json& periods = trend.lines.at(0)["periods"];
    REQUIRE(periods.size() == days.size());
    for (std::size_t i = 0; i < days.size(); ++i) {
      const Expected e = expected_figures(visits, store, days[i], days[i])["total"];
      INFO(store << " " << days[i] << ": " << periods[i].dump());
      CHECK(periods[i]["period"] == days[i]);
      CHECK(periods[i]["tickets"] == e.tickets);
      CHECK(periods[i]["ratings"] == e.ratings);
      CHECK(periods[i]["within_target_share"].get<double>() == doctest::Approx(double(e.within) / e.judged));
    }
  }

  SUBCASE("a rebuild from the records gives the same figures") {
    const Json before = without_time(report(hq, from, to, "S2"));
    REQUIRE(hq.hq({"figures", "rebuild"}).exit_code == 0);
    CHECK(without_time(report(hq, from, to, "S2")) == before);
    CHECK(without_time(report(hq, from, to)) == without_time(all_stores));
  }
  SUBCASE("a database whose figures were never built gets them when it is opened to migrate") {
    hq.stop();
    hq.sql("DELETE FROM figure_ledger");
    hq.sql("DELETE FROM figure_month");
    hq.sql("UPDATE figure_state SET built = 0");
    REQUIRE(hq.hq({"migrate"}).exit_code == 0);
    CHECK(without_time(report(hq, from, to)) == without_time(all_stores));
  }
}

TEST_CASE("a report's figures for one store and day equal kioskctl stats for that day") {
  HqFixture hq;
  REQUIRE(hq.hq({"catalog", "import", std::string(KIOSK_ASSETS_DIR) + "/catalog-default.jsonl"}).exit_code == 0);
  hq.start();
  SyncedStore store(hq);
  for (const char* service : {"A", "A", "B", "A", "B", "A"})
    REQUIRE(kioskctl(store.data, {"issue", "--service", service}).exit_code == 0);
  const auto at_counter = [&](std::vector<std::string> args) {
    args.insert(args.end(), {"--counter", "1"});
    REQUIRE_MESSAGE(kioskctl(store.data, args).exit_code == 0, args[0]);
  };
  at_counter({"call"});
  at_counter({"start"});
  at_counter({"finish", "--outcome", "resolved"});
  at_counter({"call"});
  at_counter({"no-show"});
  at_counter({"call"});
  at_counter({"start"});
  at_counter({"transfer", "--to", "A"});
  at_counter({"call"});
  at_counter({"start"});
  {  // the first visit is rated 5
    auto db = StoreDb::open(store.data);
    REQUIRE(db.ok());
    SystemClock clock;
    std::string first_done;
    Statement& q = db.value()->db().prepare("SELECT id FROM ticket WHERE state = 'done' ORDER BY issued_at LIMIT 1");
    REQUIRE(q.step());
    first_done = q.text(0);
    q.reset();
    REQUIRE(RatingBook(*db.value(), clock).rate(first_done, 5, {"fast"}).ok());
  }
  REQUIRE(kioskctl(store.data, {"sync"}).exit_code == 0);

  const CtlReply stats = kioskctl(store.data, {"stats"});
  REQUIRE(stats.exit_code == 0);
  const std::string day = stats.body["business_day"];
  const Json answer = report(hq, day, day, "S1");
  INFO("kioskctl stats: " << stats.body.dump() << "\nhq report: " << answer.dump());
  const auto same = [](const Json& kiosk_figures, const Json& hq_figures) {
    for (const auto& [key, value] : kiosk_figures.items()) {
      INFO(key);
      if (value.is_number_float())
        CHECK(hq_figures[key].get<double>() == doctest::Approx(value.get<double>()).epsilon(1e-12));
      else
        CHECK(hq_figures[key] == value);
    }
  };
  same(stats.body["total"], answer["total"]);
  std::map<std::string, Json> services;
  for (const Json& line : answer["services"]) services[line["service"]] = line;
  REQUIRE(services.size() == stats.body["services"].size());
  for (const auto& [code, figures] : stats.body["services"].items()) same(figures, services[code]);
  CHECK(answer["total"]["ratings"] == 1);
  CHECK(answer["total"]["satisfied_share"] == 1.0);

  // All stores (day rows, not ledgers): the same but for the 90th percentile,
  // read from one-minute bins; today's waiting visits are not judged yet.
  const Json all_stores = report(hq, day, day);
  for (const char* key : {"tickets", "served", "no_shows", "still_open", "average_wait_s", "within_target_share",
                          "average_service_s", "no_show_rate", "estimate_mae_min"}) {
    INFO(key);
    CHECK(all_stores["total"][key] == answer["total"][key]);
  }
  CHECK(all_stores["notes"]["p90"] == "one-minute bins");
}

TEST_CASE(
    "a whole month of all stores is read from its month's sums, made when first needed and again after a late "
    "upload") {
  HqFixture hq;
  const std::string token = hq.add_device("S1");
  hq.start();
  const StoreTimeZone zone = StoreTimeZone::load("Asia/Shanghai").value();
  const EpochMs now = SystemClock().now_ms();
  // One visit a day from 100 to 35 days ago: a whole month lies between.
  std::vector<Visit> visits;
  for (int back = 100; back >= 35; --back) {
    const std::string day = zone.business_day(now - back * 24 * 60 * kMinute);
    Visit v{new_uuid(), "S1", day, "A", "done", zone.day_start(day) + 10 * 60 * kMinute};
    v.called = v.issued + 5 * kMinute;
    v.started = *v.called;
    v.finished = *v.started + 3 * kMinute;
    v.counter = 1;
    visits.push_back(v);
  }
  std::mt19937 random(7);
  upload_shuffled(hq, token, records_by_store(visits)["S1"], random);
  std::string month;  // the first whole month: its first day and the next month's first day are there
  for (std::size_t i = 0; i < visits.size() && month.empty(); ++i)
    if (visits[i].day.substr(8) == "01")
      for (std::size_t j = i + 1; j < visits.size(); ++j)
        if (visits[j].day.substr(8) == "01") {
          month = visits[i].day.substr(0, 7);
          break;
        }
  REQUIRE_FALSE(month.empty());
  const std::string from = month + "-01";
  std::string to = from;
  for (const Visit& v : visits)
    if (v.day.substr(0, 7) == month) to = v.day;
  const int days_in_month =
      int(std::count_if(visits.begin(), visits.end(), [&](const Visit& v) { return v.day.substr(0, 7) == month; }));

  CHECK(hq.sql("SELECT count(*) FROM figure_made") == "0");
  // From three days before the month: those days' totals, then the month's.
  std::string before;
  for (std::size_t i = 3; i < visits.size(); ++i)
    if (visits[i].day == from) before = visits[i - 3].day;
  REQUIRE_FALSE(before.empty());
  const Json first = report(hq, before, to);
  CHECK(first["total"]["tickets"] == days_in_month + 3);
  CHECK(first["total"]["average_wait_s"] == 300.0);
  CHECK(hq.sql("SELECT count(*) FROM figure_made WHERE period = '" + month + "'") == "1");
  CHECK(hq.sql("SELECT sum(tickets) FROM figure_month WHERE month = '" + month + "'") == std::to_string(days_in_month));
  CHECK(hq.sql("SELECT sum(tickets) FROM figure_total WHERE period = '" + month + "'") ==
        std::to_string(days_in_month));
  // The days over before and after it: every store's day totals, made too.
  CHECK(hq.sql("SELECT count(*) FROM figure_made WHERE period LIKE '____-__-__'") != "0");

  // A late upload into that month: the month's sums are made again.
  Visit late{new_uuid(), "S1", from, "A", "no-show", zone.day_start(from) + 11 * 60 * kMinute};
  late.called = late.issued + 20 * kMinute;
  late.finished = *late.called + kMinute;
  late.counter = 1;
  upload_shuffled(hq, token, records_by_store({late})["S1"], random);
  CHECK(hq.sql("SELECT count(*) FROM figure_made WHERE period = '" + month + "'") == "0");
  CHECK(hq.sql("SELECT count(*) FROM figure_made WHERE period = '" + from + "'") == "0");
  const Json again = report(hq, before, to);
  CHECK(again["total"]["tickets"] == days_in_month + 3 + 1);
  CHECK(again["total"]["no_shows"] == 1);
  // The same month of the one store, read from its ledgers, agrees.
  const Json one_store = report(hq, before, to, "S1");
  for (const char* key : {"tickets", "served", "no_shows", "average_wait_s", "within_target_share", "no_show_rate"})
    CHECK(one_store["total"][key] == again["total"][key]);
}
