// Fuzzes what hq does with every sync body a store sends, against a real HQ
// database (SQLite, in TMPDIR, kept for the whole run): an upload, a queue
// post and a batch of request commands, each applied as the sync API applies
// it. Any body is an answer, an ApiError or a BadRequest; a storage failure
// (a constraint the checks let through, a statement that breaks) is a finding.
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "codec/api_json.h"
#include "core/clock.h"
#include "fuzz_input.h"
#include "hq/hq_admin.h"
#include "hq/hq_commands.h"
#include "hq/hq_db.h"
#include "hq/hq_sync.h"
#include "hq/live_queue.h"

namespace {

constexpr kiosk::EpochMs kNow = 1795395600000;  // 2026-11-23 09:00 in Shanghai

struct Hq {
  std::unique_ptr<kiosk::hq::HqDb> db;
  kiosk::hq::Device device;
};

Hq open_hq() {
  const char* tmp = std::getenv("TMPDIR");
  const std::string path = std::string(tmp && *tmp ? tmp : "/tmp") + "/fuzz-hq-" + std::to_string(getpid()) + ".db";
  std::remove(path.c_str());
  Hq hq;
  hq.db = kiosk::hq::open_hq_db(path).value();
  const kiosk::ManualClock clock(kNow);
  kiosk::hq::HqAdmin admin(*hq.db, clock);
  (void)admin.add_store("S1", "Fuzz store").value();
  const std::string token = admin.add_device("S1", "fuzz").value()["token"];
  hq.device = std::get<kiosk::hq::Device>(kiosk::hq::authenticate_device(*hq.db, token));
  return hq;
}

template <class Apply>
void apply(Apply&& body_to_answer) {
  try {
    (void)body_to_answer();
  } catch (const kiosk::BadRequest&) {
  } catch (const kiosk::hq::StorageFailure& e) {
    std::fprintf(stderr, "storage failure: %s\n", e.what());
    kiosk::fuzz::require(false, "a sync body made HQ's database fail");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Hq hq = open_hq();
  const std::string body = kiosk::fuzz::input_text(data, size);
  apply([&] { return kiosk::hq::apply_upload(*hq.db, hq.device, body, kNow); });
  apply([&] { return kiosk::hq::apply_queue_post(*hq.db, hq.device, body, kNow); });
  apply([&] { return kiosk::hq::apply_commands(*hq.db, hq.device, body, kNow); });
  return 0;
}
