// A field tablet's database in a temp dir with a manual clock, and the feed
// entries HQ sends it (docs/hq-sync-protocol.md, "Technician devices"), for
// the tablet's tests. The tablet's clock starts on the test day.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "field/field_db.h"
#include "field/field_link.h"
#include "field/job_book.h"
#include "staff/pin_hash.h"
#include "support/temp_dir.h"
#include "support/test_clock.h"

namespace kiosk::test {

using Json = nlohmann::json;

inline constexpr const char* kTechnicianId = "5b7c1d2e-0f3a-4b5c-8d9e-0a1b2c3d4e5f";
inline constexpr const char* kTechnicianName = "Li Na";
inline constexpr const char* kPin = "2580";

// The technician's staff entry as HQ's feed carries it (its PIN hashed cheaply).
inline Json staff_entry(const std::string& id = kTechnicianId, const std::string& pin = kPin, bool active = true) {
  static const std::string hash = hash_pin(kPin, PinHashCost::fastest_for_tests()).value();
  const std::string pin_hash = pin == kPin ? hash : hash_pin(pin, PinHashCost::fastest_for_tests()).value();
  return Json{
      {"id", id}, {"name", kTechnicianName}, {"role", "technician"}, {"pin_hash", pin_hash}, {"active", active}};
}

// A request id of the tests: "00000000-0000-4000-8000-00000000000N".
inline std::string request_id(int n) {
  std::string digits = std::to_string(n);
  return "00000000-0000-4000-8000-" + std::string(12 - digits.size(), '0') + digits;
}

// A job entry of request `n` (code "RJOB-00N") with the customer's details.
inline Json job_entry(int n, const std::string& state, int version, const std::string& preferred_date = "2026-12-07") {
  return Json{{"active", true},
              {"request", request_id(n)},
              {"code", "RJOB-" + std::to_string(100 + n)},
              {"store", "S1"},
              {"kind", "repair"},
              {"state", state},
              {"version", version},
              {"urgency", "normal"},
              {"product", {{"code", "ac"}, {"zh", "空调"}, {"en", "Air conditioner"}}},
              {"problem", {{"code", "not-cooling"}, {"zh", "不制冷"}, {"en", "Not cooling"}}},
              {"model", "KFR-35GW"},
              {"description", "blows warm air"},
              {"contact_name", "王先生"},
              {"phone", "13800138000"},
              {"address", "1 Long Road"},
              {"preferred_date", preferred_date},
              {"preferred_window", "morning"},
              {"scheduled_date", nullptr},
              {"scheduled_window", nullptr},
              {"created_at", 1795400000000},
              {"updated_at", 1795400000000}};
}

inline Json reassigned_entry(int n) {
  return Json{{"active", false},
              {"request", request_id(n)},
              {"code", "RJOB-" + std::to_string(100 + n)},
              {"reason", "reassigned"}};
}

// A page of changes: each {kind, key, data} gets the next seq after `first - 1`.
inline Json changes(std::int64_t first, std::initializer_list<Json> entries) {
  Json list = Json::array();
  std::int64_t seq = first;
  for (const Json& data : entries) {
    const bool staff = data.contains("pin_hash") || data.contains("name");
    list.push_back(Json{{"seq", seq++},
                        {"kind", staff ? "staff" : "job"},
                        {"key", staff ? data["id"] : data["request"]},
                        {"data", data}});
  }
  return list;
}

// A smallest valid PNG signature's first bytes and some image data.
inline std::string png_bytes(std::size_t size = 600) {
  std::string png("\x89PNG\r\n\x1a\n", 8);
  for (std::size_t i = png.size(); i < size; ++i) png.push_back(static_cast<char>(i * 7 % 251));
  return png;
}

struct FieldFixture {
  FieldFixture() : clock(test_day_start_ms()) { reopen(); }
  void reopen() {
    book.reset();
    field.reset();
    Result<std::unique_ptr<FieldDb>> opened = FieldDb::open(dir.path(), clock.now_ms());
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().message));
    field = std::move(opened).value();
    book = std::make_unique<JobBook>(*field, clock, options);
  }
  // Takes a page of HQ's feed at HQ's clock `hq_time` (by default the tablet's).
  void feed(const Json& page, std::optional<EpochMs> hq_time = std::nullopt) {
    const std::int64_t last = page.empty() ? 0 : page.back()["seq"].get<std::int64_t>();
    Result<std::int64_t> taken = book->apply_feed(page, last, hq_time.value_or(clock.now_ms()));
    REQUIRE_MESSAGE(taken.ok(), (taken.ok() ? "" : taken.error().message));
  }
  FieldJob job(int n) { return book->job(request_id(n)).value(); }
  std::int64_t count(const std::string& sql) {
    Statement& q = field->db().prepare(sql);
    const std::int64_t n = q.step() ? q.int64(0) : -1;
    q.reset();
    return n;
  }

  TempDir dir;
  ManualClock clock;
  JobBookOptions options;
  std::unique_ptr<FieldDb> field;
  std::unique_ptr<JobBook> book;
};

}  // namespace kiosk::test
