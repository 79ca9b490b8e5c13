// The store node over TLS answers only enrolled devices (docs/store-node-api.md
// "TLS and enrolled devices"): enrolment with a one-time code through the API,
// every other call refused without a device token or with a revoked one,
// strict headers on every answer, and nothing at all for plain HTTP.
#include <doctest/doctest.h>

#include "http/http_client.h"
#include "http/key_pin.h"
#include "node/node_fixture.h"

using namespace kiosk;
using kiosk::test::ApiClient;
using kiosk::test::HttpAnswer;
using kiosk::test::NodeFixture;
using nlohmann::json;

namespace {

HttpAnswer enrol(NodeFixture& node, const std::string& code, const std::string& kind = "display") {
  return ApiClient(node.port, "").post("/api/v1/devices/enrol", json{{"code", code}, {"kind", kind}, {"name", "Hall"}});
}

}  // namespace

TEST_CASE("a device enrols with a code and gets its own token and the node's pin") {
  NodeFixture node;
  const HttpAnswer enrolled = enrol(node, node.enrol_code("Hall display"));
  REQUIRE(enrolled.status == 200);
  CHECK(enrolled.body["node_pin"] == node.pin);
  CHECK(enrolled.body["fingerprint"] == http::fingerprint_of_pin(node.pin));
  CHECK(enrolled.body["device"]["name"] == "Hall display");
  CHECK(enrolled.body["device"]["kind"] == "display");
  const std::string token = enrolled.body["token"];
  CHECK(token.size() == 64);

  ApiClient display(node.port, token);
  CHECK(display.get("/api/v1/queue").status == 200);
  const HttpAnswer me = display.get("/api/v1/devices/me");
  REQUIRE(me.status == 200);
  CHECK(me.body["device"]["id"] == enrolled.body["device"]["id"]);
  // A device is not a clerk: the staff API still needs a PIN.
  CHECK(display.get("/api/v1/reprints").body["error"]["code"] == "missing-token");
}

TEST_CASE("a reused, expired, wrong or malformed code is refused with its reason") {
  NodeFixture node;
  const std::string code = node.enrol_code(), late = node.enrol_code();
  REQUIRE(enrol(node, code).status == 200);
  const HttpAnswer reused = enrol(node, code);
  CHECK(reused.status == 401);
  CHECK(reused.body["error"]["code"] == "enrol-code-used");
  node.store.clock.advance_ms(5 * 60 * 1000);
  CHECK(enrol(node, late).body["error"]["code"] == "enrol-code-expired");
  CHECK(enrol(node, "000000").body["error"]["code"] == "enrol-code-wrong");
  const HttpAnswer kind = enrol(node, node.enrol_code(), "toaster");
  CHECK(kind.status == 400);
  CHECK(kind.body["error"]["code"] == "bad-field");
  CHECK(ApiClient(node.port, "").post("/api/v1/devices/enrol", std::string("[1]")).status == 400);
}

TEST_CASE("five wrong codes void the open ones: 429 and a new code is needed") {
  NodeFixture node;
  const std::string code = node.enrol_code();
  for (int i = 0; i < 5; ++i) CHECK(enrol(node, code == "999999" ? "999998" : "999999").status == 401);
  const HttpAnswer voided = enrol(node, code);
  CHECK(voided.status == 429);
  CHECK(voided.body["error"]["code"] == "enrol-code-voided");
  CHECK(enrol(node, node.enrol_code()).status == 200);
}

TEST_CASE("without a device token, with an unknown one, or revoked: every endpoint but enrol and health says so") {
  NodeFixture node;
  ApiClient stranger(node.port, "");
  for (const char* path :
       {"/api/v1/queue", "/api/v1/events?after=0", "/api/v1/products", "/api/v1/reprints", "/api/v1/devices/me"}) {
    const HttpAnswer refused = stranger.get(path);
    CHECK_MESSAGE(refused.status == 401, path);
    CHECK_MESSAGE(refused.body["error"]["code"] == "device-not-enrolled", path);
  }
  const json login{{"name", "Li"}, {"pin", "2580"}, {"counter", 1}};
  CHECK(stranger.post("/api/v1/login", login).body["error"]["code"] == "device-not-enrolled");
  CHECK(stranger.post("/api/v1/counters/1/call").body["error"]["code"] == "device-not-enrolled");
  CHECK(ApiClient(node.port, std::string(64, 'f')).get("/api/v1/queue").body["error"]["code"] == "device-not-enrolled");
  const HttpAnswer health = stranger.get("/api/v1/health");
  CHECK(health.status == 200);
  CHECK(health.body == json{{"ok", true}});

  // A clerk logged in on a device that is then revoked: the session goes with it.
  ApiClient li = node.staff_client("Li", "2580", 1);
  node.issue(1);
  REQUIRE(li.post("/api/v1/counters/1/call").status == 200);
  DeviceBook devices(*node.store.store, node.store.clock);
  REQUIRE(devices.revoke(devices.list().value().front().id).ok());
  const HttpAnswer revoked = li.post("/api/v1/counters/1/recall");
  CHECK(revoked.status == 401);
  CHECK(revoked.body["error"]["code"] == "device-revoked");
  CHECK(li.get("/api/v1/queue").body["error"]["code"] == "device-revoked");
}

TEST_CASE("every answer carries strict headers, errors too") {
  NodeFixture node;
  for (const HttpAnswer& answer :
       {node.device_client().get("/api/v1/queue"), ApiClient(node.port, "").get("/api/v1/queue"),
        node.device_client().get("/api/v1/nowhere")}) {
    CHECK(answer.header("Cache-Control") == "no-store");
    CHECK(answer.header("X-Content-Type-Options") == "nosniff");
    CHECK(answer.header("Strict-Transport-Security") == "max-age=31536000");
    CHECK(answer.header("Referrer-Policy") == "no-referrer");
    CHECK(answer.header("X-Frame-Options") == "DENY");
    CHECK(answer.header("Content-Security-Policy") == "default-src 'none'");
  }
}

TEST_CASE("plain HTTP gets no answer: nothing crosses the LAN in clear") {
  NodeFixture node;
  httplib::Client plain("127.0.0.1", node.port);
  plain.set_read_timeout(5, 0);
  httplib::Headers headers{{"X-Device-Token", node.device_token}};
  httplib::Result answer = plain.Get("/api/v1/queue", headers);
  CHECK_FALSE(answer);
  CHECK(node.device_client().get("/api/v1/queue").status == 200);  // the node keeps serving
}

TEST_CASE("a device's client pins the node's key: another node is refused before a byte is sent") {
  NodeFixture node, impostor;
  REQUIRE(node.pin != impostor.pin);
  http::HttpClientOptions options;
  options.base_url = node.url();
  options.pinned_public_key = node.pin;
  http::HttpClient pinned(options);
  const http::RequestOptions as_device{{}, {}, {}, {}, {}, {{"X-Device-Token", node.device_token}}, nullptr};
  Result<http::HttpResponse> first = pinned.get("/api/v1/queue", as_device);
  REQUIRE(first.ok());
  CHECK(first.value().status == 200);
  CHECK(first.value().new_connection);
  Result<http::HttpResponse> second = pinned.get("/api/v1/queue", as_device);
  REQUIRE(second.ok());
  CHECK_FALSE(second.value().new_connection);  // one TLS handshake per device, not per request

  options.base_url = impostor.url();
  Result<http::HttpResponse> wrong = http::HttpClient(options).get("/api/v1/health");
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().code == "wrong-server");

  options.pinned_public_key.clear();  // neither pinned nor trusting: a self-signed node fails the CA check
  Result<http::HttpResponse> unpinned = http::HttpClient(options).get("/api/v1/health");
  CHECK_FALSE(unpinned.ok());
  options.trust_any_certificate = true;  // enrolment's one call
  CHECK(http::HttpClient(options).get("/api/v1/health").value().status == 200);
}
