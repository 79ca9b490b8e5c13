// Fuzzes what a store reads from a hostile or broken HQ in one sync round
// (sync/sync_session.h, sync/hq_caller.h, sync/sync_store.h): the upload's
// acknowledgements, the commands' outcomes, the change feed and what it
// applies to the store. The input is HQ's answers in turn, separated by a line
// "====" (an answer may start with a line "STATUS NNN"; 200 otherwise). Each
// input runs on a fresh copy of one store with three tickets to upload, in a
// temp dir under /tmp; the store never acknowledges more than it sent.
#include <deque>
#include <filesystem>

#include "fuzz_input.h"
#include "queue/queue_engine.h"
#include "support/test_store.h"
#include "sync/sync_session.h"
#include "sync/sync_store.h"

namespace {

using kiosk::Result;
using kiosk::TransportResponse;

constexpr std::int64_t kTicketsToUpload = 3;

// HQ as the input scripts it; out of answers, a transport failure.
class ScriptedHq final : public kiosk::SyncTransport {
 public:
  explicit ScriptedHq(const std::string& script) {
    const std::string separator = "\n====\n";
    std::size_t start = 0;
    while (true) {
      const std::size_t end = script.find(separator, start);
      answers_.push_back(answer_from(script.substr(start, end == std::string::npos ? std::string::npos : end - start)));
      if (end == std::string::npos) break;
      start = end + separator.size();
    }
  }
  Result<TransportResponse> get(const std::string&, const kiosk::HeaderFields&) override { return next(); }
  Result<TransportResponse> post_gzip_json(const std::string&, const std::string&,
                                           const kiosk::HeaderFields&) override {
    return next();
  }

 private:
  static TransportResponse answer_from(const std::string& part) {
    if (part.rfind("STATUS ", 0) == 0 && part.size() >= 10) {
      const std::size_t line_end = part.find('\n');
      long status = 0;
      for (char c : part.substr(7, 3)) status = status * 10 + (c >= '0' && c <= '9' ? c - '0' : 0);
      return {status, line_end == std::string::npos ? std::string() : part.substr(line_end + 1), std::nullopt, 0};
    }
    return {200, part, std::nullopt, 0};
  }
  Result<TransportResponse> next() {
    if (answers_.empty()) return kiosk::unavailable("no more scripted answers", "transport");
    TransportResponse answer = std::move(answers_.front());
    answers_.pop_front();
    return answer;
  }
  std::deque<TransportResponse> answers_;
};

// The store every input starts from: three tickets in its outbox, HQ configured.
struct StoreTemplate {
  StoreTemplate() {
    for (int i = 0; i < kTicketsToUpload; ++i) kiosk::fuzz::require(s.engine->issue({"A", false, {}}).ok(), "issue");
    kiosk::fuzz::require(kiosk::SyncStore(*s.store, s.clock).configure("http://127.0.0.1:1", "token").ok(),
                         "configure");
    s.engine.reset();
    s.store.reset();  // closed: the file holds everything
    std::filesystem::create_directory(run_dir);
  }
  kiosk::test::TestStore s;
  std::string file = kiosk::StoreDb::file_in(s.dir.path());
  std::string run_dir = s.dir.file("run");
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static StoreTemplate store_template;
  const std::string run_file = kiosk::StoreDb::file_in(store_template.run_dir);
  for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(run_file + suffix);
  std::filesystem::copy_file(store_template.file, run_file, std::filesystem::copy_options::overwrite_existing);
  std::unique_ptr<kiosk::StoreDb> store = kiosk::StoreDb::open(store_template.run_dir).value();
  store->db().exec("PRAGMA synchronous=OFF");  // a throwaway copy: no fsync per commit (30 runs/s with one)

  ScriptedHq hq(kiosk::fuzz::input_text(data, size));
  kiosk::SyncOptions options;
  options.attempts = 1;
  options.max_change_pages = 8;
  (void)kiosk::SyncSession(*store, store_template.s.clock, hq, options, [](std::chrono::milliseconds) {}).run_round();

  const kiosk::SyncStatus status = kiosk::SyncStore(*store, store_template.s.clock).status().value();
  kiosk::fuzz::require(status.acked_through >= 0 && status.acked_through <= kTicketsToUpload,
                       "the store acknowledged records it never sent");
  kiosk::fuzz::require(status.pending >= 0 && status.pending <= kTicketsToUpload,
                       "pending records appeared or went negative");
  return 0;
}
