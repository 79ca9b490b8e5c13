// The tablet's file, HQ's feed entries and the scripted HQ (see tablet_fixture.h).
#include "tablet_fixture.h"

#include <doctest/doctest.h>

#include <thread>

#include "staff/pin_hash.h"
#include "support/gunzip.h"
#include "support/test_clock.h"

namespace kiosk::test {
namespace {

TransportResponse json_answer(long status, const Json& body) { return {status, body.dump(), std::nullopt, 0}; }

}  // namespace

Json technician_entry() {
  static const std::string hash = hash_pin(kPin, PinHashCost::fastest_for_tests()).value();
  return Json{
      {"id", kTechnicianId}, {"name", kTechnicianName}, {"role", "technician"}, {"pin_hash", hash}, {"active", true}};
}

std::string request_id(int n) {
  const std::string digits = std::to_string(n);
  return "3f2b8c1e-5a7d-4e9f-b0c2-" + std::string(12 - digits.size(), '0') + digits;
}

Json job_entry(int n, const std::string& code, const std::string& state, int version) {
  return Json{{"active", true},
              {"request", request_id(n)},
              {"code", code},
              {"store", "SH-001"},
              {"time_zone", "Asia/Shanghai"},
              {"kind", "repair"},
              {"state", state},
              {"version", version},
              {"urgency", "normal"},
              {"product", {{"code", "ac"}, {"zh", "空调"}, {"en", "Air conditioner"}}},
              {"problem", {{"code", "not-cooling"}, {"zh", "不制冷"}, {"en", "Not cooling"}}},
              {"model", "KFR-35GW"},
              {"description", "客厅空调开机后吹热风"},
              {"contact_name", "王先生"},
              {"phone", "13800138000"},
              {"address", "上海市浦东新区世纪大道100号 8楼"},
              {"preferred_date", "2026-11-24"},
              {"preferred_window", "morning"},
              {"scheduled_date", nullptr},
              {"scheduled_window", nullptr},
              {"created_at", test_day_start_ms() - 86'400'000}};
}

Json change_of(const Json& entry) {
  const bool staff = entry.contains("pin_hash") || entry.contains("role");
  return Json{{"kind", staff ? "staff" : "job"}, {"key", staff ? entry["id"] : entry["request"]}, {"data", entry}};
}

// [SECTION] The scripted HQ

class ScriptedHq::Transport final : public SyncTransport {
 public:
  explicit Transport(ScriptedHq& hq) : hq_(hq) {}
  Result<TransportResponse> get(const std::string& path, const HeaderFields&) override { return hq_.answer(path, {}); }
  Result<TransportResponse> post_gzip_json(const std::string& path, const std::string& gzip_body,
                                           const HeaderFields&) override {
    return hq_.answer(path, gzip_body);
  }

 private:
  ScriptedHq& hq_;
};

FieldSyncWorker::TransportFactory ScriptedHq::transport() {
  return [this](const SyncConfig&, const std::atomic<bool>&) -> std::unique_ptr<SyncTransport> {
    return std::make_unique<Transport>(*this);
  };
}

void ScriptedHq::set_online(bool online) {
  std::lock_guard lock(mutex_);
  online_ = online;
}

void ScriptedHq::revoke() {
  std::lock_guard lock(mutex_);
  revoked_ = true;
}

void ScriptedHq::answer_error(long status, const std::string& code, std::optional<long> retry_after_s) {
  std::lock_guard lock(mutex_);
  error_ = TransportResponse{
      status, Json{{"error", {{"code", code}, {"message", "the test's HQ says " + code}}}}.dump(), retry_after_s, 0};
}

void ScriptedHq::set_delay(std::chrono::milliseconds delay) {
  std::lock_guard lock(mutex_);
  delay_ = delay;
}

void ScriptedHq::refuse_steps(const std::string& outcome, const std::string& code, const std::string& status,
                              int version) {
  std::lock_guard lock(mutex_);
  refusal_ = Json{{"outcome", outcome}, {"code", code}, {"status", status}, {"version", version}};
}

void ScriptedHq::accept_steps() {
  std::lock_guard lock(mutex_);
  refusal_ = nullptr;
}

void ScriptedHq::list(const std::vector<Json>& entries) {
  std::lock_guard lock(mutex_);
  for (const Json& entry : entries) {
    Json change = change_of(entry);
    change["seq"] = 1000 + static_cast<std::int64_t>(feed_.size()) + 1;
    feed_.push_back(std::move(change));
  }
}

int ScriptedHq::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

std::vector<Json> ScriptedHq::commands_received() const {
  std::lock_guard lock(mutex_);
  return commands_;
}

std::vector<Json> ScriptedHq::records_received() const {
  std::lock_guard lock(mutex_);
  return records_;
}

Result<TransportResponse> ScriptedHq::answer(const std::string& path, const std::string& gzip_body) {
  std::chrono::milliseconds delay;
  {
    std::lock_guard lock(mutex_);
    delay = delay_;
  }
  std::this_thread::sleep_for(delay);
  std::lock_guard lock(mutex_);
  ++requests_;
  if (!online_) return unavailable("could not connect to HQ (the test's HQ is offline)", "connect");
  const EpochMs hq_time = clock_.now_ms();
  if (error_) return *error_;
  if (revoked_)
    return json_answer(401, {{"error", {{"code", "revoked-device"}, {"message", "this device was revoked at HQ"}}}});
  if (path == "/sync/v1/upload") {
    const Json body = Json::parse(gunzip(gzip_body));
    std::int64_t last = 0;
    for (const Json& record : body["records"]) {
      records_.push_back(record);
      last = std::max(last, record["seq"].get<std::int64_t>());
    }
    return json_answer(200, {{"acked_through", last},
                             {"received", body["records"].size()},
                             {"applied", body["records"].size()},
                             {"parked", Json::array()},
                             {"duplicate_batch", false},
                             {"hq_time", hq_time}});
  }
  if (path == "/sync/v1/commands") {
    const Json body = Json::parse(gunzip(gzip_body));
    Json results = Json::array();
    for (const Json& command : body["commands"]) {
      commands_.push_back(command);
      if (refusal_.is_null())
        results.push_back({{"id", command["id"]},
                           {"outcome", "applied"},
                           {"status", command["action"]},
                           {"version", command["from_version"].get<int>() + 1},
                           {"code", ""},
                           {"message", ""}});
      else
        results.push_back({{"id", command["id"]},
                           {"outcome", refusal_["outcome"]},
                           {"status", refusal_["status"]},
                           {"version", refusal_["version"]},
                           {"code", refusal_["code"]},
                           {"message", "decided by the test's HQ"}});
    }
    return json_answer(200, {{"results", results}, {"hq_time", hq_time}});
  }
  const std::string prefix = "/sync/v1/changes?after=";
  if (path.rfind(prefix, 0) == 0) {
    const std::int64_t after = std::stoll(path.substr(prefix.size()));
    Json changes = Json::array();
    std::int64_t last = std::max<std::int64_t>(after, 1000);
    for (const Json& change : feed_)
      if (change["seq"].get<std::int64_t>() > after) {
        changes.push_back(change);
        last = change["seq"].get<std::int64_t>();
      }
    if (!feed_.empty()) last = std::max(last, feed_.back()["seq"].get<std::int64_t>());
    return json_answer(200, {{"changes", changes}, {"last_seq", last}, {"more", false}, {"hq_time", hq_time}});
  }
  return json_answer(404, {{"error", {{"code", "not-found"}, {"message", "no such endpoint: " + path}}}});
}

// [SECTION] The tablet's file

TabletFixture::TabletFixture() : clock(test_day_start_ms()) {
  Result<std::unique_ptr<FieldDb>> opened = FieldDb::open(dir.path(), clock.now_ms());
  REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().message));
  field = std::move(opened).value();
  book = std::make_unique<JobBook>(*field, clock);
}

void TabletFixture::set_up_link() {
  REQUIRE(FieldLink(*field, clock).configure("http://hq.example:8800", std::string(64, 'a')).ok());
}

void TabletFixture::feed(const std::vector<Json>& entries) {
  Json page = Json::array();
  for (const Json& entry : entries) {
    Json change = change_of(entry);
    change["seq"] = ++fed_seq;
    page.push_back(std::move(change));
  }
  Result<std::int64_t> taken = book->apply_feed(page, fed_seq, clock.now_ms());
  REQUIRE_MESSAGE(taken.ok(), (taken.ok() ? "" : taken.error().message));
}

void TabletFixture::fill() {
  set_up_link();
  Json scheduled = job_entry(3, "M3TC-9VB", "scheduled", 4);
  scheduled["scheduled_date"] = "2026-11-25";
  scheduled["scheduled_window"] = "afternoon";
  Json urgent = job_entry(2, "K7PD-2QX", "on-site", 5);
  urgent["urgency"] = "urgent";
  urgent["product"] = {{"code", "washer"}, {"zh", "洗衣机"}, {"en", "Washing machine"}};
  urgent["problem"] = {{"code", "leaking"}, {"zh", "漏水"}, {"en", "Leaking"}};
  feed({technician_entry(), job_entry(1, "RWU3-H8N", "assigned", 3), urgent, scheduled});
}

std::int64_t TabletFixture::count(const std::string& sql) {
  Statement& q = field->db().prepare(sql);
  const std::int64_t n = q.step() ? q.int64(0) : -1;
  q.reset();
  return n;
}

std::string TabletFixture::text(const std::string& sql) {
  Statement& q = field->db().prepare(sql);
  const std::string t = q.step() ? q.text(0) : std::string("<no row>");
  q.reset();
  return t;
}

}  // namespace kiosk::test
