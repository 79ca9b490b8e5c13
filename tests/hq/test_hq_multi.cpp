// Several hq processes on one database (PostgreSQL in hq_tests_pg, one SQLite
// file in hq_tests): a store's batches alternate between them, are retried
// against the other one, or arrive at both at the same moment, and every
// record is stored once in its latest revision; the change feed is one order
// for every reader, with no gap while another writer's transaction is open.
#include <doctest/doctest.h>

#include <algorithm>
#include <future>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <thread>

#include "hq/fault_proxy.h"
#include "hq/hq_db.h"
#include "hq/hq_fixture.h"
#include "hq/hq_sync.h"
#include "hq/synced_store.h"
#include "support/pg_server.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

// A record id (a UUID) numbered n.
std::string numbered_id(std::int64_t n) {
  const std::string digits = std::to_string(n);
  return "00000000-0000-4000-8000-" + std::string(12 - digits.size(), '0') + digits;
}

// Runs `a` and `b` on two threads released at the same moment.
template <class A, class B>
void at_once(A&& a, B&& b) {
  std::promise<void> go;
  std::shared_future<void> released = go.get_future().share();
  std::thread first([&] {
    released.wait();
    a();
  });
  std::thread second([&] {
    released.wait();
    b();
  });
  go.set_value();
  first.join();
  second.join();
}

// The seqs of the feed a device of `token`'s store reads after `after`, to the end.
std::vector<std::int64_t> read_feed(HqFixture& hq, const std::string& token, std::int64_t& after, int port,
                                    int limit = 5) {
  std::vector<std::int64_t> seqs;
  for (int page = 0; page < 1000; ++page) {
    const HqAnswer answer =
        hq.get(token, "/sync/v1/changes?after=" + std::to_string(after) + "&limit=" + std::to_string(limit), {}, port);
    REQUIRE(answer.status == 200);
    for (const Json& change : answer.body["changes"]) seqs.push_back(change["seq"].get<std::int64_t>());
    after = answer.body["last_seq"].get<std::int64_t>();
    if (!answer.body["more"].get<bool>()) break;
  }
  return seqs;
}

}  // namespace

TEST_CASE("two hq processes behind a round-robin proxy that injects every fault: each record arrives exactly once") {
  HqFixture hq;
  hq.start();
  const int second = hq.start_another();
  FaultProxy proxy(std::vector<int>{hq.port, second}, /*fault_share=*/0.5, /*seed=*/2027);
  SyncedStore store(hq);
  REQUIRE(kioskctl(store.data,
                   {"hq", "set", "--url", "http://127.0.0.1:" + std::to_string(proxy.port()), "--token", store.token})
              .exit_code == 0);
  REQUIRE(hq.hq({"staff", "add", "--store", "S1", "--name", "Wang", "--pin", "1234"}).exit_code == 0);
  const std::vector<std::string> ids = issue_backlog(store.data, 1000);
  constexpr int kCalled = 4;  // their later revisions must win over the first
  for (int i = 0; i < kCalled; ++i) {
    REQUIRE(kioskctl(store.data, {"call", "--counter", "1"}).exit_code == 0);
    REQUIRE(kioskctl(store.data, {"finish", "--counter", "1", "--outcome", "resolved"}).exit_code == 0);
  }

  sync_through_faults(store, proxy, 20, std::to_string(ids.size()) + " tickets through 2 hq processes");

  const std::map<std::string, Json> at_hq = by_id(hq.exported("S1", "tickets"));
  CHECK(at_hq.size() == ids.size());
  std::size_t missing = 0, called = 0;
  for (const std::string& id : ids) missing += at_hq.count(id) == 0;
  for (const auto& [id, ticket] : at_hq) called += ticket["data"]["state"] != "waiting";
  CHECK(missing == 0);
  CHECK(called == kCalled);
  CHECK(kioskctl(store.data, {"status"}).body["sync"]["pending"] == 0);
  CHECK(kioskctl(store.data, {"staff", "list"}).body["staff"].size() == 1);
}

TEST_CASE("one batch at both hq processes at the same moment: stored once, one answer says it was new") {
  HqFixture hq;
  hq.start();
  const int second = hq.start_another();
  const std::string token = hq.add_device("S1");
  const std::string incarnation = "11111111-2222-4333-8444-555555555555";
  std::int64_t seq = 0;
  for (int round = 0; round < 30; ++round) {
    std::vector<Json> records;
    for (int i = 0; i < 10; ++i) {
      ++seq;
      records.push_back(ticket_record(seq, numbered_id(seq), 1, "S1"));
    }
    const Json body = upload_body(incarnation, "batch-" + std::to_string(round), records);
    HqAnswer a, b;
    at_once([&] { a = hq.upload(token, body, true, hq.port); }, [&] { b = hq.upload(token, body, true, second); });
    CAPTURE(round);
    REQUIRE(a.status == 200);
    REQUIRE(b.status == 200);
    CHECK(a.body["duplicate_batch"].get<bool>() != b.body["duplicate_batch"].get<bool>());
    CHECK(a.body["acked_through"] == seq);
    CHECK(b.body["acked_through"] == seq);
    CHECK(a.body["received"].get<int>() + b.body["received"].get<int>() == 10);
    CHECK(a.body["applied"].get<int>() + b.body["applied"].get<int>() == 10);
  }
  const std::vector<Json> at_hq = hq.exported("S1", "tickets");
  std::set<std::string> ids;
  for (const Json& ticket : at_hq) ids.insert(ticket["id"].get<std::string>());
  CHECK(at_hq.size() == 300);
  CHECK(ids.size() == 300);
}

TEST_CASE("revisions of one record in shuffled batches to both processes at once: the latest revision stands") {
  HqFixture hq;
  hq.start();
  const int second = hq.start_another();
  const std::string token = hq.add_device("S1"), other_device = hq.add_device("S1");
  std::mt19937 random(7);
  for (int round = 0; round < 3; ++round) {
    const std::string id = numbered_id(round);
    std::vector<int> revisions(20);
    std::iota(revisions.begin(), revisions.end(), 1);
    std::shuffle(revisions.begin(), revisions.end(), random);
    // Two devices (one record moved between them, as after a restore) and
    // two processes: four uploads in flight at a time.
    for (std::size_t i = 0; i < revisions.size(); i += 4) {
      std::vector<std::thread> senders;
      for (std::size_t j = i; j < i + 4; ++j)
        senders.emplace_back([&, j] {
          const int revision = revisions[j];
          const std::string& device = j % 2 ? token : other_device;
          const std::string incarnation =
              j % 2 ? "aaaaaaaa-0000-4000-8000-000000000001" : "bbbbbbbb-0000-4000-8000-000000000002";
          const Json body = upload_body(
              incarnation, id + "-" + std::to_string(revision),
              {ticket_record(round * 100 + revision, id, revision, "S1", revision == 20 ? "served" : "waiting")});
          const HqAnswer answer = hq.upload(device, body, true, j % 3 ? hq.port : second);
          CHECK(answer.status == 200);
        });
      for (std::thread& sender : senders) sender.join();
    }
  }
  const std::vector<Json> at_hq = hq.exported("S1", "tickets");
  REQUIRE(at_hq.size() == 3);
  for (const Json& ticket : at_hq) {
    CHECK(ticket["revision"] == 20);
    CHECK(ticket["data"]["state"] == "served");
  }
}

TEST_CASE("the feed has no gap: a change committed later never gets a seq a reader has already passed") {
  HqFixture hq;
  hq.start();
  const auto open = [&] { return hq::open_hq_db(hq.db, hq::OpenMode::CheckSchema).value(); };
  const std::unique_ptr<hq::HqDb> first = open(), second = open(), reader = open();
  const hq::Device device{"reader", "S1", std::nullopt};
  const auto changes_after = [&](std::int64_t after) { return hq::changes_for(*reader, device, after, 100, 0); };
  const std::int64_t start = reader->feed_head();  // after the default help articles a new HQ starts with

  // The first writer appends and holds its transaction open; the second
  // appends and commits meanwhile (on SQLite it waits for the first).
  std::promise<void> appended, release;
  std::shared_future<void> released = release.get_future().share();
  std::thread holder([&] {
    first->write([&] {
      first->append_change(std::string("S1"), "test", "held", Json::object(), 1, std::nullopt);
      appended.set_value();
      released.wait();
      return true;
    });
  });
  appended.get_future().wait();
  std::thread other([&] {
    second->write([&] {
      second->append_change(std::string("S1"), "test", "quick", Json::object(), 2, std::nullopt);
      return true;
    });
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const Json seen = changes_after(start);
  release.set_value();
  holder.join();
  other.join();
  const Json later = changes_after(seen["last_seq"].get<std::int64_t>());
  std::set<std::string> keys;
  for (const Json& page : {seen, later})
    for (const Json& change : page["changes"]) keys.insert(change["key"].get<std::string>());
  MESSAGE("read while held: " << seen["changes"].size() << " change(s), last_seq " << seen["last_seq"]);
  CHECK(keys == std::set<std::string>{"held", "quick"});
}

TEST_CASE("readers paging the feed through both processes while writers change staff see every change once") {
  HqFixture hq;
  hq.start();
  const int second = hq.start_another();
  const std::map<std::string, std::string> tokens{{"S1", hq.add_device("S1")}, {"S2", hq.add_device("S2")}};
  const std::int64_t seeded = std::stoll(hq.sql("SELECT count(*) FROM change_log"));  // the default help articles
  std::atomic<bool> writing{true};
  std::vector<std::thread> writers;
  for (const std::string store : {"S1", "S2"})
    writers.emplace_back([&, store] {
      for (int i = 0; i < 8; ++i) {
        const std::string name = "W" + std::to_string(i);
        CHECK(hq.hq({"staff", "add", "--store", store, "--name", name, "--pin", "1234"}).exit_code == 0);
        if (i % 2) CHECK(hq.hq({"staff", "retire", "--store", store, "--name", name}).exit_code == 0);
      }
    });
  std::map<int, std::vector<std::int64_t>> seen;  // reader -> seqs
  std::mutex seen_mutex;
  std::vector<std::thread> readers;
  for (int r = 0; r < 4; ++r)
    readers.emplace_back([&, r] {
      const std::string& token = tokens.at(r % 2 ? "S2" : "S1");
      std::int64_t after = seeded;
      std::vector<std::int64_t> mine;
      const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(120);
      for (int pass = 0;; ++pass) {
        const bool last_pass = !writing || std::chrono::steady_clock::now() > give_up;
        const std::vector<std::int64_t> page = read_feed(hq, token, after, pass % 2 ? second : hq.port, 3);
        mine.insert(mine.end(), page.begin(), page.end());
        if (last_pass) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
      }
      std::lock_guard lock(seen_mutex);
      seen[r] = mine;
    });
  for (std::thread& writer : writers) writer.join();
  writing = false;
  for (std::thread& reader : readers) reader.join();
  for (int r = 0; r < 4; ++r) {
    CAPTURE(r);
    std::int64_t after = seeded;
    const std::vector<std::int64_t> all = read_feed(hq, tokens.at(r % 2 ? "S2" : "S1"), after, hq.port, 1000);
    CHECK(all.size() == 12);  // 8 staff added, 4 retired
    std::string seen_text, all_text;
    for (std::int64_t seq : seen[r]) seen_text += std::to_string(seq) + " ";
    for (std::int64_t seq : all) all_text += std::to_string(seq) + " ";
    CHECK(seen_text == all_text);
  }
}

TEST_CASE("PostgreSQL going away: hq says where in one line, answers 503 with Retry-After, and comes back by itself") {
  if (!hq_tests_on_postgresql()) {
    // Not reachable at start, on any engine run: one line naming the URL, never the password.
    const CommandOutput out =
        run_command({HQ_PATH, "--db", "postgresql://hq:s3cret@127.0.0.1:9/hq", "--listen", "127.0.0.1:0"});
    CHECK(out.exit_code == 1);
    CHECK(std::count(out.stdout_text.begin(), out.stdout_text.end(), '\n') == 1);
    CHECK(out.stdout_text.find("postgresql://hq@127.0.0.1:9/hq") != std::string::npos);
    CHECK(out.stdout_text.find("s3cret") == std::string::npos);
    return;
  }
  HqFixture hq;
  hq.start();
  SyncedStore synced(hq);
  const std::string& store = synced.data;
  const std::string& token = synced.token;
  for (int i = 0; i < 5; ++i) REQUIRE(kioskctl(store, {"issue", "--service", "A"}).exit_code == 0);
  REQUIRE(kioskctl(store, {"sync"}).exit_code == 0);

  pg_server().stop();
  const Json body =
      upload_body("cccccccc-0000-4000-8000-000000000003", "lost", {ticket_record(1, numbered_id(404), 1, "S1")});
  for (int i = 0; i < 3; ++i) {  // every handler thread's connection finds the server gone
    const HqAnswer upload = hq.upload(token, body);
    CHECK(upload.status == 503);
    CHECK(upload.error_code() == "storage");
    CHECK(!upload.header("Retry-After").empty());
  }
  CHECK(hq.get(token, "/sync/v1/changes").status == 503);
  for (int i = 0; i < 5; ++i) REQUIRE(kioskctl(store, {"issue", "--service", "A"}).exit_code == 0);
  CHECK(kioskctl(store, {"sync"}).exit_code != 0);
  CHECK(kioskctl(store, {"status"}).body["sync"]["pending"].get<int>() >= 5);  // kept in the outbox

  pg_server().restart();
  CHECK(hq.get(token, "/sync/v1/changes").status == 200);  // the same hq process, not restarted
  CHECK(kioskctl(store, {"sync"}).exit_code == 0);
  CHECK(kioskctl(store, {"status"}).body["sync"]["pending"] == 0);
  CHECK(hq.exported("S1", "tickets").size() == 10);
  for (const Json& ticket : hq.exported("S1", "tickets")) CHECK(ticket["id"] != numbered_id(404));
}
