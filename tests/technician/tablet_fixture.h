// A technician's tablet for the tests: its real database in a temp dir
// (DIR/technician.db) with a connection of the test's own, filled as HQ's
// feed fills it (JobBook::apply_feed with job entries as HQ sends them,
// docs/hq-sync-protocol.md "Technician devices"), a clock the test moves, and
// HQ as the tablet's sync thread sees it: a script in the process that takes
// the round's requests (gzip bodies read back) and answers as the protocol
// says: offline, acknowledging, deciding steps, listing feed entries, or
// refusing a revoked tablet. HQ itself is tested with hq (tests/hq).
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "field/field_db.h"
#include "field/field_link.h"
#include "field/field_sync_worker.h"
#include "field/job_book.h"
#include "support/temp_dir.h"

namespace kiosk::test {

using Json = nlohmann::json;

// A clock the test moves while the tablet's threads read it.
class SharedClock final : public Clock {
 public:
  explicit SharedClock(EpochMs start) : now_(start) {}
  EpochMs now_ms() const override { return now_.load(); }
  void advance_ms(EpochMs ms) { now_ += ms; }

 private:
  std::atomic<EpochMs> now_;
};

inline constexpr const char* kTechnicianId = "7d0c52a4-9b1e-4f3a-8c61-2e5f9a0b7c13";
inline constexpr const char* kTechnicianName = "Zhang Wei";
inline constexpr const char* kPin = "3690";

// The tablet's technician as HQ's feed carries him (PIN hashed cheaply).
Json technician_entry();

// A job as HQ's feed carries it: request `n` (a UUID), `code`, in `state` at
// `version`, an air conditioner that does not cool at 王先生's, Shanghai time.
Json job_entry(int n, const std::string& code, const std::string& state, int version);
std::string request_id(int n);

// HQ's side of the tablet's rounds (see the file comment). Thread-safe.
class ScriptedHq {
 public:
  explicit ScriptedHq(const Clock& clock) : clock_(clock) {}

  // The sync thread's transport: each request answered by this script.
  FieldSyncWorker::TransportFactory transport();

  void set_online(bool online);
  void revoke();  // every request answered 401 revoked-device from now on
  // Every request answered with this error from now on (and Retry-After, in seconds, when given).
  void answer_error(long status, const std::string& code, std::optional<long> retry_after_s = std::nullopt);
  // Each answer takes this long (a slow link), outside the script's lock.
  void set_delay(std::chrono::milliseconds delay);
  // The steps HQ receives from now on are decided so (HQ's status and
  // version in the result); until then, and after accept_steps(), applied.
  void refuse_steps(const std::string& outcome, const std::string& code, const std::string& status, int version);
  void accept_steps();
  // Feed entries ({"kind", "key", "data"}) HQ lists next, each with the next seq.
  void list(const std::vector<Json>& entries);

  int requests() const;
  std::vector<Json> commands_received() const;  // every command sent, in order
  std::vector<Json> records_received() const;   // every uploaded record, in order

 private:
  class Transport;
  Result<TransportResponse> answer(const std::string& path, const std::string& gzip_body);

  const Clock& clock_;
  mutable std::mutex mutex_;
  bool online_ = false;
  bool revoked_ = false;
  std::optional<TransportResponse> error_;
  std::chrono::milliseconds delay_{0};
  Json refusal_;  // null: steps are applied
  std::vector<Json> feed_;
  std::vector<Json> commands_;
  std::vector<Json> records_;
  int requests_ = 0;
};

// The tablet's file, the test's connection to it, and HQ.
struct TabletFixture {
  TabletFixture();

  // HQ's URL and token on the tablet (kioskctl tablet set does the same).
  void set_up_link();
  // A page of HQ's feed taken by the tablet: each entry a {"kind","key","data"} change.
  void feed(const std::vector<Json>& entries);
  // The usual tablet: set up, its technician and three jobs from HQ.
  void fill();
  std::int64_t count(const std::string& sql);
  std::string text(const std::string& sql);

  TempDir dir;
  SharedClock clock;
  ScriptedHq hq{clock};
  std::unique_ptr<FieldDb> field;
  std::unique_ptr<JobBook> book;
  std::int64_t fed_seq = 0;
};

// A {"kind","key","data"} change of HQ's feed for a staff or job entry.
Json change_of(const Json& entry);

}  // namespace kiosk::test
