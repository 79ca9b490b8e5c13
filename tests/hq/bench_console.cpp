// Console report benchmark (prints figures, never fails on time): HQ's
// figures for a year of many stores (default 200 stores x 365 days x 300
// tickets = 21.9 million tickets, a third rated) written straight into the
// figure tables through FigureWriter (the code ingest runs, without HTTP),
// then a real hq serving /api/console/v1/reports/services to a logged-in
// manager: p50 and p95 of 30 requests per report after 3 warm-ups, and the
// first request (which makes the sums of the months and days over it
// covers), beside the rows and bytes the figures take; the staffing forecast
// of one store over 8 and 26 weeks (its ledgers); the counters report of one
// store (8 staff at 4 counters) over 92 days, a month and a day. Then the
// dispatch board over 100,000 requests of the year (500 per store, 5 % still
// open, with their steps for the request outcomes)
// and 5 technicians a store, for a logged-in dispatcher.
// build-*/tests/hq/bench_console [--stores 200] [--days 365] [--tickets 300]
//                                [--requests 500] [--engine sqlite|postgresql] [--dir DIR] [--reuse]
#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "../bench/latency_figures.h"
#include "core/random_id.h"
#include "core/store_time_zone.h"
#include "hq/console_auth.h"
#include "hq/figure_store.h"
#include "hq/hq_admin.h"
#include "hq/request_mirror.h"
#include "store/catalog.h"
#include "support/child_process.h"
#include "support/pg_server.h"

#ifndef HQ_PATH
#error "HQ_PATH must name the hq executable"
#endif
#ifndef KIOSK_ASSETS_DIR
#error "KIOSK_ASSETS_DIR must name the assets directory"
#endif

using namespace kiosk;
using Clock_ = std::chrono::steady_clock;

namespace {

constexpr const char* kPassword = "bench password 1";
constexpr EpochMs kMinute = 60'000;

struct Options {
  int stores = 200, days = 365, tickets = 300, requests = 500, reps = 30;
  std::string engine = "sqlite";
  std::string dir = "/tmp/bench-console";
  bool reuse = false;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string name = argv[i];
    if (name == "--reuse") {
      o.reuse = true;
      continue;
    }
    if (i + 1 >= argc) throw std::runtime_error(name + " needs a value");
    const std::string value = argv[++i];
    if (name == "--stores")
      o.stores = std::stoi(value);
    else if (name == "--days")
      o.days = std::stoi(value);
    else if (name == "--tickets")
      o.tickets = std::stoi(value);
    else if (name == "--requests")
      o.requests = std::stoi(value);
    else if (name == "--reps")
      o.reps = std::stoi(value);
    else if (name == "--engine" && (value == "sqlite" || value == "postgresql"))
      o.engine = value;
    else if (name == "--dir")
      o.dir = value;
    else
      throw std::runtime_error("unknown option " + name);
  }
  return o;
}

double seconds_since(Clock_::time_point start) { return std::chrono::duration<double>(Clock_::now() - start).count(); }

// One store's day: tickets of eight services through the morning and
// afternoon, waits of 0-40 minutes, a tenth no-shows, a third of the served
// rated; called at four counters by `staff` (eight: each counter's morning and
// afternoon shift).
std::deque<hq::CheckedRecord> day_records(const std::string& day, EpochMs day_start, int tickets,
                                          const std::vector<std::string>& staff, std::mt19937& random) {
  std::deque<hq::CheckedRecord> records;
  const auto pick = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
  std::vector<int> numbers(8, 100);
  for (int n = 0; n < tickets; ++n) {
    const int service = pick(0, 7);
    hq::CheckedRecord& ticket =
        records.emplace_back(hq::CheckedRecord{"ticket", new_uuid(), 3, "", hq::TicketFact{}, std::nullopt,
                                               std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt});
    hq::TicketFact& fact = *ticket.ticket;
    fact.day = day;
    fact.service = std::string(1, char('A' + service));
    fact.block = hq::ledger_block(std::to_string(++numbers[std::size_t(service)]));
    TicketTimes& t = fact.entry.times;
    fact.entry.revision = 3;
    t.service_code = fact.service;
    t.issued_at = day_start + 9 * 60 * kMinute + pick(0, 9 * 60) * kMinute + pick(0, 59'999);
    t.called_at = t.issued_at + pick(0, 40) * kMinute + pick(0, 59'999);
    t.estimated_wait_min = pick(0, 30);
    fact.entry.counter = pick(1, 4);
    const bool afternoon = *t.called_at - day_start >= 13 * 60 * kMinute;
    fact.entry.staff_id = staff[std::size_t((*fact.entry.counter - 1) * 2 + (afternoon ? 1 : 0))];
    if (pick(0, 9) == 0) {
      t.state = TicketState::NoShow;
    } else {
      t.state = TicketState::Done;
      t.started_at = *t.called_at + 30'000;
      t.finished_at = *t.started_at + pick(2, 20) * kMinute;
    }
    if (t.state == TicketState::Done && pick(0, 2) == 0) {
      const int score = std::min(5, pick(1, 7));
      records.push_back(hq::CheckedRecord{"rating", new_uuid(), 1, "", std::nullopt,
                                          hq::RatingFact{ticket.id, score, {score >= 4 ? "fast" : "too-slow"}},
                                          std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt});
    }
  }
  return records;
}

std::vector<std::string> generate(hq::HqDb& db, const Options& o, EpochMs now) {
  const StoreTimeZone zone = StoreTimeZone::load("Asia/Shanghai").value();
  std::vector<std::string> days;
  for (int back = o.days; back >= 1; --back) days.push_back(zone.business_day(now - EpochMs(back) * 24 * 60 * kMinute));
  SystemClock clock;
  hq::HqAdmin admin(db, clock);
  (void)admin.import_catalog(read_catalog_file(std::string(KIOSK_ASSETS_DIR) + "/catalog-default.jsonl").value());
  (void)hq::add_console_user(db, "manager", "manager", kPassword, "bench", now);
  std::mt19937 random(20261205);
  const auto start = Clock_::now();
  for (int s = 1; s <= o.stores; ++s) {
    const std::string store = "S" + std::to_string(s);
    (void)admin.add_store(store, "store " + std::to_string(s));
    db.write([&] {
      std::vector<std::string> staff;
      for (int c = 1; c <= 8; ++c) {
        staff.push_back(new_uuid());
        db.run(
            "INSERT INTO staff(id, store_id, name, role, pin_hash, active, updated_at) "
            "VALUES (?1, ?2, ?3, 'counter', 'x', 1, ?4)",
            {staff.back(), store, "clerk " + std::to_string(c), now});
      }
      for (const std::string& day : days) {
        const std::deque<hq::CheckedRecord> records = day_records(day, zone.day_start(day), o.tickets, staff, random);
        hq::FigureWriter writer(db, store, now);
        for (const hq::CheckedRecord& record : records) writer.add(record);
        writer.write();
      }
      return 0;
    });
    if (s % 20 == 0 || s == o.stores) {
      std::printf("  %d stores written, %.0f s\n", s, seconds_since(start));
      std::fflush(stdout);
    }
  }
  const double s = seconds_since(start);
  const double tickets = double(o.stores) * o.days * o.tickets;
  std::printf("generated %d stores x %d days x %d tickets = %.1f million tickets in %.0f s (%.0f tickets/s)\n",
              o.stores, o.days, o.tickets, tickets / 1e6, s, tickets / s);
  return days;
}

// Requests of every store over the year, as uploads leave them (a record and
// its hq_request row): 5 % still open, a fifth of them urgent; and five
// technicians a store.
void generate_requests(hq::HqDb& db, const Options& o, EpochMs now) {
  static const char* const kOpen[] = {"received", "assigned", "scheduled", "on-site", "waiting-for-parts"};
  std::mt19937 random(20261206);
  const auto pick = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
  const EpochMs year_ms = EpochMs(o.days) * 24 * 60 * kMinute;
  const auto start = Clock_::now();
  for (int s = 1; s <= o.stores; ++s) {
    const std::string store = "S" + std::to_string(s);
    db.write([&] {
      std::vector<std::string> technicians;
      for (int t = 1; t <= 5; ++t) {
        technicians.push_back(new_uuid());
        db.run(
            "INSERT INTO staff(id, store_id, name, role, pin_hash, active, updated_at) "
            "VALUES (?1, ?2, ?3, 'technician', 'x', 1, ?4)",
            {technicians.back(), store, "tech " + std::to_string(t), now});
      }
      for (int r = 0; r < o.requests; ++r) {
        hq::RequestFact fact;
        fact.code = "R" + std::to_string(s) + "-" + std::to_string(r);
        fact.kind = pick(0, 3) == 0 ? "installation" : "repair";
        fact.product = "air-conditioner";
        fact.problem = "no-power";
        fact.urgency = pick(0, 4) == 0 ? "urgent" : "normal";
        const bool open = pick(0, 19) == 0;
        fact.state = open ? kOpen[pick(0, 4)] : "closed";
        fact.version = open ? 3 : 6;
        fact.created_at =
            now - (open ? EpochMs(pick(0, 96)) * 60 * kMinute : pick(0, int(year_ms / kMinute)) * kMinute);
        fact.updated_at = fact.created_at;
        const std::string id = new_uuid();
        const nlohmann::json data{{"code", fact.code},
                                  {"kind", fact.kind},
                                  {"state", fact.state},
                                  {"version", fact.version},
                                  {"address", "浦东新区世纪大道 100 号 8 楼"},
                                  {"contact_name", "王芳"},
                                  {"phone", "138****5678"},
                                  {"preferred_date", "2026-12-07"},
                                  {"time_window", "afternoon"},
                                  {"description", "空调无法开机，指示灯不亮"}};
        db.run(
            "INSERT INTO record(id, kind, store_id, revision, data, device_id, incarnation, seq, received_at, "
            "first_received_at) VALUES (?1, 'request', ?2, 1, ?3, 'bench', 'bench', ?4, ?5, ?5)",
            {id, store, data.dump(), std::int64_t(r + 1), now});
        fact.assignee = technicians[std::size_t(pick(0, 4))];
        hq::mirror_upload(db, store, id, fact, now);
        // Its steps: assigned and on site a day later, a tenth waiting for parts, done, a twentieth reopened.
        std::vector<const char*> steps{"assigned", "on-site"};
        if (pick(0, 9) == 0) steps.insert(steps.end(), {"waiting-for-parts", "on-the-way", "on-site"});
        if (!open) steps.push_back("done");
        if (!open && pick(0, 19) == 0) steps.push_back("reopened");
        EpochMs at = *fact.created_at;
        for (const char* step : steps)
          hq::mirror_event(db, store, new_uuid(), hq::RequestEventFact{id, step, at += 8 * 60 * kMinute}, now);
      }
      return 0;
    });
  }
  std::printf("generated %d requests and %d technicians in %.0f s\n", o.stores * o.requests, o.stores * 5,
              seconds_since(start));
}

void print_sizes(hq::HqDb& db, bool postgres) {
  for (const char* table : {"figure_ledger", "figure_month", "figure_total"}) {
    const std::int64_t rows = db.single_int64(std::string("SELECT count(*) FROM ") + table, {}).value_or(0);
    const std::int64_t bytes =
        postgres ? db.single_int64(std::string("SELECT pg_total_relation_size('") + table + "')", {}).value_or(0)
                 : db.single_int64(std::string("SELECT sum(pgsize) FROM dbstat WHERE name = '") + table + "'", {})
                       .value_or(0);
    std::printf("%-14s %10lld rows %10.1f MiB\n", table, static_cast<long long>(rows), double(bytes) / 1048576.0);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  std::unique_ptr<test::PgServer> postgres;
  if (o.engine == "postgresql") {
    if (!test::PgServer::installed()) {
      std::printf("skipped: %s\n", test::PgServer::not_installed_message().c_str());
      return 77;
    }
    postgres = std::make_unique<test::PgServer>(test::PgServerOptions{/*durable=*/true});
  }
  if (!o.reuse || postgres) {
    std::filesystem::remove_all(o.dir);
    std::filesystem::create_directories(o.dir);
  }
  const std::string hq_db = postgres ? postgres->create_database() : o.dir + "/hq.db";
  const EpochMs now = SystemClock().now_ms();
  std::vector<std::string> days;
  {
    auto db = hq::open_hq_db(hq_db).value();
    if (o.reuse && !postgres) {
      db->each("SELECT DISTINCT day FROM figure_ledger ORDER BY day", {},
               [&](const hq::SqlRow& row) { days.push_back(row.text(0)); });
    } else {
      days = generate(*db, o, now);
    }
  }
  {
    auto db = hq::open_hq_db(hq_db).value();
    if (db->single_int64("SELECT count(*) FROM hq_request", {}).value_or(0) == 0) generate_requests(*db, o, now);
    (void)hq::add_console_user(*db, "dispatcher", "dispatcher", kPassword, "bench", now);
  }
  if (days.empty()) {
    std::printf("no figures in %s (run without --reuse first)\n", hq_db.c_str());
    return 1;
  }

  test::ChildProcess server({HQ_PATH, "--db", hq_db, "--listen", "127.0.0.1:0"});
  const std::string listening = nlohmann::json::parse(server.read_line(std::chrono::seconds(30)).value())["listening"];
  httplib::Client client("http://" + listening);
  client.set_read_timeout(60, 0);
  const auto session_of = [&](const char* name) -> std::optional<httplib::Headers> {
    const auto login = client.Post("/api/console/v1/session",
                                   nlohmann::json{{"name", name}, {"password", kPassword}}.dump(), "application/json");
    if (!login || login->status != 200) {
      std::printf("could not log in as %s: %s\n", name, login ? login->body.c_str() : "no answer");
      return std::nullopt;
    }
    const std::string set_cookie = login->get_header_value("Set-Cookie");
    return httplib::Headers{{"Cookie", set_cookie.substr(0, set_cookie.find(';'))}};
  };
  const std::optional<httplib::Headers> manager = session_of("manager"), dispatcher = session_of("dispatcher");
  if (!manager || !dispatcher) return 1;
  // Times `path`: the first request, then p50 and p95 of o.reps after 3 warm-ups;
  // `what` says how much the last answer held.
  const auto measure = [&](const std::string& name, const std::string& path, const httplib::Headers& session,
                           const std::function<std::string(const nlohmann::json&)>& what) {
    std::vector<double> ms;
    double first_ms = 0;  // a report's first request makes the sums of whole days and months over
    std::string held;
    for (int i = 0; i < o.reps + 3; ++i) {
      const auto sent = Clock_::now();
      const httplib::Result answer = client.Get(path.c_str(), session);
      const double took = seconds_since(sent) * 1000;
      if (!answer || answer->status != 200) {
        std::printf("  %s: failed: %s\n", name.c_str(), answer ? answer->body.c_str() : "no answer");
        return false;
      }
      if (i == 0) first_ms = took;
      if (i >= 3) ms.push_back(took);
      held = what(nlohmann::json::parse(answer->body));
    }
    const bench::Figures f = bench::summarise(ms);
    std::printf("  %-30s p50 %7.1f ms  p95 %7.1f ms  first %7.1f ms  (%s)\n", name.c_str(), f.median_ms, f.p95_ms,
                first_ms, held.c_str());
    return true;
  };

  const std::string last = days.back(), month_start = days[days.size() / 2].substr(0, 8) + "01";
  std::string month_end = month_start;
  for (const std::string& d : days)
    if (d.substr(0, 7) == month_start.substr(0, 7)) month_end = d;
  const std::vector<std::pair<std::string, std::string>> reports{
      {"a year, all stores", "from=" + days.front() + "&to=" + last},
      {"a month, all stores", "from=" + month_start + "&to=" + month_end},
      {"yesterday, all stores", "from=" + last + "&to=" + last},
      {"a year, one store", "from=" + days.front() + "&to=" + last + "&store=S1"},
      {"31 days, one store (ledgers)", "from=" + days[days.size() - 31] + "&to=" + last + "&store=S1"},
      {"one store's day (ledgers)", "from=" + last + "&to=" + last + "&store=S1"},
  };
  std::printf("reports/services on %s, %d requests each after 3 warm-ups:\n", o.engine.c_str(), o.reps);
  for (const auto& [name, query] : reports)
    if (!measure(name, "/api/console/v1/reports/services?" + query, *manager, [](const nlohmann::json& answer) {
          return std::to_string(answer["total"]["tickets"].get<std::int64_t>()) + " tickets";
        }))
      return 1;
  std::printf("reports/forecast on %s (one store's ledgers):\n", o.engine.c_str());
  for (const int weeks : {8, 26})
    if (!measure("forecast, one store, " + std::to_string(weeks) + " weeks",
                 "/api/console/v1/reports/forecast?store=S1&weeks=" + std::to_string(weeks), *manager,
                 [](const nlohmann::json& answer) {
                   std::size_t hours = 0;
                   for (const nlohmann::json& service : answer["services"]) hours += service["hours"].size();
                   return std::to_string(answer["services"].size()) + " services, " + std::to_string(hours) +
                          " hours of the week";
                 }))
      return 1;
  std::printf("reports/counters (one store) on %s:\n", o.engine.c_str());
  const std::size_t quarter = std::min<std::size_t>(days.size(), 92);
  const std::vector<std::pair<std::string, std::string>> counters{
      {"92 days, one store", "from=" + days[days.size() - quarter] + "&to=" + last + "&store=S1"},
      {"a month, one store", "from=" + month_start + "&to=" + month_end + "&store=S1"},
      {"one store's day", "from=" + last + "&to=" + last + "&store=S1"},
  };
  for (const auto& [name, query] : counters)
    if (!measure(name, "/api/console/v1/reports/counters?" + query, *manager, [](const nlohmann::json& answer) {
          return std::to_string(answer["total"]["served"].get<std::int64_t>()) + " served, " +
                 std::to_string(answer["staff"].size()) + " staff";
        }))
      return 1;
  const auto listed = [](const nlohmann::json& answer) {
    return std::to_string(answer["requests"].size()) + " requests listed";
  };
  std::printf("the dispatch board on %s:\n", o.engine.c_str());
  const std::vector<std::pair<std::string, std::string>> boards{
      {"open, all stores (200 shown)", "/api/console/v1/requests?show=open"},
      {"new, all stores", "/api/console/v1/requests?show=new"},
      {"overdue, all stores", "/api/console/v1/requests?show=overdue"},
      {"open, one store", "/api/console/v1/requests?show=open&store=S1"},
  };
  for (const auto& [name, path] : boards)
    if (!measure(name, path, *dispatcher, listed)) return 1;
  if (!measure("requests report, all stores", "/api/console/v1/reports/requests", *manager,
               [](const nlohmann::json& answer) {
                 return std::to_string(answer["total"]["open"].get<std::int64_t>()) + " open";
               }))
    return 1;
  const auto outcomes = [](const nlohmann::json& answer) {
    return std::to_string(answer["total"]["done"].get<std::int64_t>()) + " done";
  };
  if (!measure("request outcomes, all stores, the year",
               "/api/console/v1/reports/request-outcomes?from=" + days.front() + "&to=" + days.back(), *manager,
               outcomes) ||
      !measure(
          "request outcomes, one store, the last 30 days",
          "/api/console/v1/reports/request-outcomes?store=S1&from=" + days[days.size() - 30] + "&to=" + days.back(),
          *manager, outcomes))
    return 1;
  if (!measure(
          "one store's technicians", "/api/console/v1/stores/S1/technicians", *dispatcher,
          [](const nlohmann::json& answer) { return std::to_string(answer["technicians"].size()) + " technicians"; }))
    return 1;
  server.terminate();
  server.wait();
  print_sizes(*hq::open_hq_db(hq_db).value(), postgres != nullptr);
  return 0;
}
