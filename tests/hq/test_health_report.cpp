// The health report's codec (shared/sync/health_report) and HQ's reading of
// it (hq/store_health_list): a report survives the round trip, stays small and
// ASCII even with long or Chinese texts, and every field that is missing, of
// the wrong type or out of range is named; the problems HQ sees at each edge.
#include <doctest/doctest.h>

#include "hq/store_health_list.h"
#include "sync/health_report.h"

using namespace kiosk;
using namespace kiosk::hq;

namespace {

HealthReport full_report() {
  HealthReport r;
  r.version = "0.1.0";
  r.started_at = 1795400000000;
  r.printer =
      PrinterStatus{PrinterState::PaperNearEnd, "printer /dev/usb/lp0 is near the end of its paper", 1795400001000};
  r.pending = 12;
  r.oldest_pending_s = 95;
  r.database_bytes = 123456789;
  r.disk_free_bytes = 9876543210;
  r.disk_total_bytes = 31999999999;
  r.integrity = "ok";
  r.at = 1795400002000;
  return r;
}

DeviceHealth reported(const HealthReport& report, EpochMs received_at) {
  DeviceHealth h;
  h.store_id = "S1";
  h.device_id = "d";
  h.received_at = received_at;
  h.report = report;
  return h;
}

bool has(const std::vector<std::string>& problems, const std::string& problem) {
  return std::find(problems.begin(), problems.end(), problem) != problems.end();
}

}  // namespace

TEST_CASE("a health report survives the round trip") {
  const HealthReport sent = full_report();
  const std::string header = encode_health(sent);
  const Result<HealthReport> got = decode_health(header);
  REQUIRE(got.ok());
  const HealthReport& r = got.value();
  CHECK(r.version == sent.version);
  CHECK(r.started_at == sent.started_at);
  REQUIRE(r.printer.has_value());
  CHECK(r.printer->state == PrinterState::PaperNearEnd);
  CHECK(r.printer->message == sent.printer->message);
  CHECK(r.printer->checked_at == sent.printer->checked_at);
  CHECK(r.pending == 12);
  CHECK(r.oldest_pending_s == 95);
  CHECK(r.database_bytes == sent.database_bytes);
  CHECK(r.disk_free_bytes == sent.disk_free_bytes);
  CHECK(r.disk_total_bytes == sent.disk_total_bytes);
  CHECK(r.integrity == "ok");
  CHECK(r.at == sent.at);
  MESSAGE("health header value: " << header.size() << " bytes: " << header);

  HealthReport bare = sent;
  bare.printer.reset();
  bare.started_at.reset();
  bare.oldest_pending_s.reset();
  const Result<HealthReport> none = decode_health(encode_health(bare));
  REQUIRE(none.ok());
  CHECK_FALSE(none.value().printer.has_value());
  CHECK_FALSE(none.value().started_at.has_value());
  CHECK_FALSE(none.value().oldest_pending_s.has_value());
}

TEST_CASE("long and Chinese texts are cut on a character boundary; the header stays ASCII and small") {
  HealthReport r = full_report();
  r.printer->message = std::string(300, 'x') + "\r\nInjected: yes";
  r.integrity = "";
  for (int i = 0; i < 100; ++i) r.integrity += "页";  // 3 bytes each in UTF-8
  const std::string header = encode_health(r);
  CHECK(header.size() < 512);
  CHECK(header.find_first_of("\r\n") == std::string::npos);
  CHECK(std::all_of(header.begin(), header.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
  const Result<HealthReport> got = decode_health(header);
  REQUIRE(got.ok());
  CHECK(got.value().printer->message == std::string(kHealthTextBytes, 'x'));
  CHECK(got.value().integrity.size() == 63);  // 21 whole characters
  CHECK(got.value().integrity.substr(0, 3) == "页");
}

TEST_CASE("texts that grow sixfold when escaped are cut further: the report always fits HQ's limit") {
  HealthReport r = full_report();
  r.version = std::string(32, '\x01');
  r.printer->message = std::string(200, '\x01');
  r.integrity = std::string(200, '\x02');
  const std::string header = encode_health(r);
  CHECK(header.size() <= kMaxHealthHeaderBytes);
  const Result<HealthReport> got = decode_health(header);
  REQUIRE_MESSAGE(got.ok(), got.error().message);
  CHECK(got.value().printer->message.size() < kHealthTextBytes);
  CHECK(got.value().pending == 12);
}

TEST_CASE("a report that is not exactly the protocol's names what is wrong") {
  const nlohmann::json good = nlohmann::json::parse(encode_health(full_report()));
  const auto without = [&](const char* field) {
    nlohmann::json j = good;
    j.erase(field);
    return j.dump();
  };
  const auto with = [&](const char* field, const nlohmann::json& value) {
    nlohmann::json j = good;
    j[field] = value;
    return j.dump();
  };
  const std::vector<std::pair<std::string, std::string>> cases{
      {"{oops", "not valid JSON"},
      {"[1]", "object"},
      {"", "object"},
      {std::string(kMaxHealthHeaderBytes + 1, ' '), "over the limit"},
      {without("version"), "\"version\""},
      {without("printer"), "\"printer\""},
      {without("pending"), "\"pending\""},
      {with("pending", -1), "\"pending\""},
      {with("pending", "3"), "\"pending\""},
      {with("db_bytes", 1.5), "\"db_bytes\""},
      {with("disk_free", nlohmann::json::array()), "\"disk_free\""},
      {with("disk_total", 1), "\"disk_free\" must not exceed"},
      {with("integrity", ""), "\"integrity\""},
      {with("integrity", std::string(200, 'x')), "\"integrity\""},
      {with("started_at", "yesterday"), "\"started_at\""},
      {with("printer", "ok"), "printer"},
      {with("printer", {{"state", "on-fire"}, {"message", ""}, {"checked_at", 0}}), "on-fire"},
      {with("printer", {{"state", "ok"}, {"checked_at", 0}}), "\"printer.message\""},
      {with("at", nullptr), "\"at\""},
  };
  for (const auto& [text, expected] : cases) {
    CAPTURE(text.substr(0, 120));
    const Result<HealthReport> got = decode_health(text);
    REQUIRE_FALSE(got.ok());
    CHECK_MESSAGE(got.error().message.find(expected) != std::string::npos, got.error().message);
  }
  // Fields it does not know are a newer store's: ignored.
  CHECK(decode_health(with("battery", 80)).ok());
}

TEST_CASE("the problems HQ sees, each at its edge") {
  const HealthThresholds t;  // down 15 min, behind 60 min or 5000 records, disk 5% or 500 MB
  const EpochMs now = 1795400000000;
  HealthReport fine = full_report();
  fine.printer->state = PrinterState::Ok;
  CHECK(health_problems(reported(fine, now), now, t).empty());

  DeviceHealth never;
  CHECK(health_problems(never, now, t) == std::vector<std::string>{"down"});
  CHECK(health_problems(reported(fine, now - 15 * 60000), now, t).empty());
  CHECK(health_problems(reported(fine, now - 15 * 60000 - 1), now, t) == std::vector<std::string>{"down"});

  for (const auto& [state, problem] :
       {std::pair{PrinterState::PaperOut, "out-of-paper"}, std::pair{PrinterState::Failed, "out-of-paper"},
        std::pair{PrinterState::PaperNearEnd, "paper-low"}}) {
    HealthReport r = fine;
    r.printer->state = state;
    CHECK(health_problems(reported(r, now), now, t) == std::vector<std::string>{problem});
  }
  HealthReport unknown = fine;
  unknown.printer.reset();
  CHECK(health_problems(reported(unknown, now), now, t).empty());

  HealthReport old = fine;
  old.oldest_pending_s = 3600;
  CHECK(health_problems(reported(old, now), now, t).empty());
  old.oldest_pending_s = 3601;
  CHECK(health_problems(reported(old, now), now, t) == std::vector<std::string>{"behind"});
  HealthReport many = fine;
  many.pending = 5001;
  CHECK(has(health_problems(reported(many, now), now, t), "behind"));

  HealthReport damaged = fine;
  damaged.integrity = "*** in database main ***";
  CHECK(health_problems(reported(damaged, now), now, t) == std::vector<std::string>{"integrity"});

  HealthReport small_disk = fine;
  small_disk.disk_total_bytes = std::int64_t(4) << 30;
  small_disk.disk_free_bytes = 499 * 1000 * 1000;  // over 5% of 4 GiB, under 500 MB
  CHECK(health_problems(reported(small_disk, now), now, t) == std::vector<std::string>{"disk-low"});
  HealthReport full_disk = fine;
  full_disk.disk_total_bytes = std::int64_t(1) << 40;
  full_disk.disk_free_bytes = std::int64_t(50) << 30;  // 50 GiB free: under 5% of 1 TiB
  CHECK(health_problems(reported(full_disk, now), now, t) == std::vector<std::string>{"disk-low"});

  HealthReport everything = damaged;
  everything.printer->state = PrinterState::PaperOut;
  everything.oldest_pending_s = 7200;
  everything.disk_free_bytes = 0;
  CHECK(health_problems(reported(everything, now - 3600000), now, t) ==
        std::vector<std::string>{"down", "out-of-paper", "behind", "integrity", "disk-low"});
}
