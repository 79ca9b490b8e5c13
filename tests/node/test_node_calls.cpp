// Two counters calling next through the API 500 times each at once, while a
// display long-polls the event stream: every ticket called once, none lost,
// and the display saw every call once, in commit order; a call records the
// staff member logged in at the counter.
#include <doctest/doctest.h>

#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "codec/queue_json.h"
#include "node/node_fixture.h"
#include "staff/staff_book.h"

using namespace kiosk;
using kiosk::test::ApiClient;
using kiosk::test::HttpAnswer;
using kiosk::test::NodeFixture;

namespace {
// Calls and finishes `times` tickets at the session's counter; returns the ids called.
std::vector<std::string> call_many(ApiClient& counter, int number, int times) {
  std::vector<std::string> called;
  const std::string base = "/api/v1/counters/" + std::to_string(number);
  for (int i = 0; i < times; ++i) {
    HttpAnswer call = counter.post(base + "/call");
    if (call.status != 200) break;
    called.push_back(call.body["id"]);
    if (counter.post(base + "/finish", nlohmann::json{{"outcome", "resolved"}}).status != 200) break;
  }
  return called;
}
}  // namespace

TEST_CASE("two counters call next 500 times each through the API; the display sees every call in order") {
  constexpr int kPerCounter = 500;
  NodeFixture node;
  node.issue(2 * kPerCounter);
  ApiClient first = node.staff_client("Li", "2580", 1);
  ApiClient second = node.staff_client("Wang", "1470", 2);

  std::atomic<bool> callers_done{false};
  std::vector<nlohmann::json> seen;
  std::thread display([&] {
    ApiClient client = node.device_client();
    std::int64_t after = 0;
    // Bounded: each poll waits at most 2 s; stops once the callers are done and nothing new came.
    for (int polls = 0; polls < 20000; ++polls) {
      HttpAnswer answer = client.get("/api/v1/events?after=" + std::to_string(after) + "&wait=2");
      if (answer.status != 200) break;
      for (const nlohmann::json& e : answer.body["events"]) seen.push_back(e);
      after = answer.body["last_seq"];
      if (answer.body["events"].empty() && callers_done) break;
    }
  });
  std::vector<std::string> by_first, by_second;
  std::thread a([&] { by_first = call_many(first, 1, kPerCounter); });
  std::thread b([&] { by_second = call_many(second, 2, kPerCounter); });
  a.join();
  b.join();
  callers_done = true;
  display.join();

  CHECK(by_first.size() == kPerCounter);
  CHECK(by_second.size() == kPerCounter);
  std::set<std::string> called(by_first.begin(), by_first.end());
  called.insert(by_second.begin(), by_second.end());
  CHECK(called.size() == 2 * kPerCounter);  // none twice, none lost (all 1000 issued were called)
  CHECK(node.store.engine->queue_status().value()[0].waiting == 0);

  REQUIRE(seen.size() == 2 * kPerCounter);
  std::set<std::string> labels;
  int from_first = 0;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    CHECK(seen[i]["kind"] == "call");
    if (i > 0) CHECK(seen[i]["seq"].get<std::int64_t>() > seen[i - 1]["seq"].get<std::int64_t>());
    labels.insert(seen[i]["ticket"].get<std::string>() + "/" + seen[i]["service"].get<std::string>());
    from_first += seen[i]["counter"] == 1;
  }
  CHECK(labels.size() == 2 * kPerCounter);
  CHECK(from_first == kPerCounter);
}

TEST_CASE("a long poll returns as soon as a call commits, and at its deadline when none does") {
  NodeFixture node;
  node.issue(1);
  ApiClient display = node.device_client();
  HttpAnswer empty = display.get("/api/v1/events?after=0&wait=0");
  REQUIRE(empty.status == 200);
  CHECK(empty.body["events"].empty());
  CHECK(empty.body["last_seq"] == 0);

  ApiClient counter = node.staff_client("Li", "2580", 3);
  HttpAnswer woken;
  std::thread poller([&] { woken = node.device_client().get("/api/v1/events?after=0&wait=20"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  REQUIRE(counter.post("/api/v1/counters/3/call").status == 200);
  REQUIRE(counter.post("/api/v1/counters/3/recall").status == 200);
  poller.join();
  REQUIRE(woken.status == 200);
  REQUIRE(woken.body["events"].size() >= 1);
  CHECK(woken.body["events"][0]["counter"] == 3);
  const nlohmann::json all = display.get("/api/v1/events?after=0").body;
  REQUIRE(all["events"].size() == 2);
  CHECK(all["events"][1]["kind"] == "recall");
  CHECK(display.get("/api/v1/events?after=" + std::to_string(all["last_seq"].get<int>()) + "&wait=1")
            .body["events"]
            .empty());
}

TEST_CASE("a call made by another process on the store file reaches a waiting display") {
  NodeFixture node;
  node.issue(1);
  HttpAnswer woken;
  std::thread poller([&] { woken = node.device_client().get("/api/v1/events?after=0&wait=20"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  REQUIRE(node.store.engine->call_next(2).ok());  // its own connection: the server is not told
  poller.join();
  REQUIRE(woken.status == 200);
  REQUIRE(woken.body["events"].size() == 1);
  CHECK(woken.body["events"][0]["counter"] == 2);
}

TEST_CASE("a call records who is logged in at the counter; a call without a login records nobody") {
  NodeFixture node;
  node.issue(3);
  std::map<std::string, std::string> ids;  // staff name -> id
  for (const StaffMember& m : StaffBook(*node.store.store, node.store.clock).list().value()) ids[m.name] = m.id;
  REQUIRE(ids.count("Li") == 1);
  REQUIRE(ids.count("Wang") == 1);

  ApiClient li = node.staff_client("Li", "2580", 1);
  HttpAnswer by_li = li.post("/api/v1/counters/1/call");
  REQUIRE(by_li.status == 200);
  CHECK(by_li.body["staff_id"] == ids["Li"]);
  CHECK(li.post("/api/v1/counters/1/recall").body["staff_id"] == ids["Li"]);
  ApiClient wang = node.staff_client("Wang", "1470", 2);
  HttpAnswer by_wang = wang.post("/api/v1/counters/2/call");
  REQUIRE(by_wang.status == 200);
  CHECK(by_wang.body["staff_id"] == ids["Wang"]);

  const Ticket called_by_li = find_ticket(node.store.store->db(), by_li.body["id"]).value();
  CHECK(called_by_li.staff_id == ids["Li"]);
  CHECK(find_ticket(node.store.store->db(), by_wang.body["id"]).value().staff_id == ids["Wang"]);
  const Ticket by_tool = node.store.engine->call_next(3).value();  // kioskctl's way: no login
  CHECK(by_tool.staff_id.empty());
  CHECK(to_json(by_tool)["staff_id"].is_null());
}

TEST_CASE("the queue is public and carries no personal data") {
  NodeFixture node;
  REQUIRE(node.store.engine->issue({"A", false, "13812345678"}).ok());
  HttpAnswer queue = node.device_client().get("/api/v1/queue");
  REQUIRE(queue.status == 200);
  CHECK(queue.body["store"] == "TEST-STORE");
  CHECK(queue.body["services"][0]["waiting"] == 1);
  CHECK(queue.body["counters"].size() == 3);
  const std::string text = queue.body.dump();
  CHECK(text.find("5678") == std::string::npos);
  CHECK(text.find("token") == std::string::npos);
}

TEST_CASE("a hundred devices connecting at the same moment all get an answer (the listen backlog is wide)") {
  NodeFixture node;
  constexpr int kDevices = 100;
  std::atomic<int> answered{0};
  std::vector<std::thread> devices;
  for (int i = 0; i < kDevices; ++i)
    devices.emplace_back([&] {
      ApiClient client = node.device_client();  // a fresh connection each
      if (client.get("/api/v1/queue").status == 200) ++answered;
    });
  for (std::thread& device : devices) device.join();
  CHECK(answered == kDevices);
}
