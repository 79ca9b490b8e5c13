// PIN login through the API: wrong PINs lock the account out, a token acts
// only for its own counter, expired and logged-out tokens are refused.
#include <doctest/doctest.h>

#include "node/node_fixture.h"

using namespace kiosk;
using kiosk::test::ApiClient;
using kiosk::test::HttpAnswer;
using kiosk::test::NodeFixture;
using nlohmann::json;

TEST_CASE("five wrong PINs lock the account out, even for the right PIN, until the lockout ends") {
  NodeFixture node;
  ApiClient client = node.device_client();
  for (int i = 0; i < 5; ++i) {
    HttpAnswer wrong = client.post("/api/v1/login", json{{"name", "Li"}, {"pin", "0000"}, {"counter", 1}});
    CHECK(wrong.status == 401);
    CHECK(wrong.body["error"]["code"] == "wrong-pin");
  }
  HttpAnswer locked = client.post("/api/v1/login", json{{"name", "Li"}, {"pin", "2580"}, {"counter", 1}});
  CHECK(locked.status == 429);
  CHECK(locked.body["error"]["code"] == "locked-out");
  CHECK(client.post("/api/v1/login", json{{"name", "Wang"}, {"pin", "1470"}, {"counter", 2}}).status == 200);
  node.store.clock.advance_ms(node.policy.lockout_ms);
  HttpAnswer again = client.post("/api/v1/login", json{{"name", "Li"}, {"pin", "2580"}, {"counter", 1}});
  CHECK(again.status == 200);
  CHECK(again.body["token"].get<std::string>().size() == 64);
  CHECK(again.body["staff"]["name"] == "Li");
}

TEST_CASE("a token cannot act for another counter") {
  NodeFixture node;
  node.issue(3);
  ApiClient li = node.staff_client("Li", "2580", 1);
  for (const char* action : {"call", "recall", "start", "finish", "no-show", "transfer", "pause", "open", "close"}) {
    HttpAnswer other = li.post(std::string("/api/v1/counters/2/") + action, json{{"outcome", "resolved"}});
    CHECK_MESSAGE(other.status == 403, std::string(action));
    CHECK(other.body["error"]["code"] == "wrong-counter");
  }
  CHECK(node.store.engine->queue_status().value()[0].waiting + node.store.engine->queue_status().value()[1].waiting ==
        3);
  CHECK(li.post("/api/v1/counters/1/call").status == 200);
}

TEST_CASE("missing, unknown, expired and logged-out tokens are refused") {
  NodeFixture node;
  node.issue(2);
  ApiClient anonymous = node.device_client();
  HttpAnswer missing = anonymous.post("/api/v1/counters/1/call");
  CHECK(missing.status == 401);
  CHECK(missing.body["error"]["code"] == "missing-token");
  anonymous.token = std::string(64, 'a');
  CHECK(anonymous.post("/api/v1/counters/1/call").body["error"]["code"] == "invalid-token");
  CHECK(anonymous.get("/api/v1/reprints").status == 401);

  ApiClient li = node.staff_client("Li", "2580", 1);
  ApiClient wang = node.staff_client("Wang", "1470", 2);
  CHECK(wang.post("/api/v1/logout").status == 200);
  HttpAnswer ended = wang.post("/api/v1/counters/2/call");
  CHECK(ended.status == 401);
  CHECK(ended.body["error"]["code"] == "invalid-token");

  node.store.clock.advance_ms(node.policy.session_ms);
  HttpAnswer expired = li.post("/api/v1/counters/1/call");
  CHECK(expired.status == 401);
  CHECK(expired.body["error"]["code"] == "expired-token");
  CHECK(node.store.engine->queue_status().value()[0].waiting + node.store.engine->queue_status().value()[1].waiting ==
        2);
}

TEST_CASE("every counter action works for the session's own counter; reprints list and clear") {
  NodeFixture node;
  node.issue(2);
  const Ticket failed = node.store.engine->issue({"A", false, {}}).value().ticket;
  REQUIRE(node.store.engine->record_print(failed.id, PrintState::Failed).ok());
  ApiClient li = node.staff_client("Li", "2580", 1);
  const std::string base = "/api/v1/counters/1/";
  CHECK(li.post(base + "call").body["state"] == "called");
  CHECK(li.post(base + "recall").body["recalls"] == 1);
  CHECK(li.post(base + "start").body["state"] == "serving");
  CHECK(li.post(base + "transfer", json{{"to_service", "A"}}).status == 200);
  HttpAnswer second = li.post(base + "call");
  REQUIRE(second.status == 200);
  CHECK(li.post(base + "no-show").body["state"] == "no-show");
  CHECK(li.post(base + "pause", json{{"reason", "lunch"}}).body["state"] == "paused");
  CHECK(li.post(base + "call").status == 409);
  CHECK(li.post(base + "open", json{{"services", {"A"}}}).body["state"] == "open");
  CHECK(li.post(base + "call").status == 200);
  CHECK(li.post(base + "finish", json{{"outcome", "follow-up"}}).body["outcome"] == "follow-up");
  CHECK(li.post(base + "close").body["state"] == "closed");

  HttpAnswer reprints = li.get("/api/v1/reprints");
  REQUIRE(reprints.status == 200);
  REQUIRE(reprints.body["tickets"].size() == 1);
  CHECK(reprints.body["tickets"][0]["id"] == failed.id);
  CHECK(li.post("/api/v1/reprints/" + failed.id + "/done").body["print_state"] == "printed");
  CHECK(li.post("/api/v1/reprints/" + failed.id + "/done").status == 404);
  CHECK(li.get("/api/v1/reprints").body["tickets"].empty());
}
