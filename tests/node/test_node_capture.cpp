// What anyone on the store's Wi-Fi sees of a counter at work: a recording
// proxy between the device and the node captures an enrolment, a clerk's
// login with name and PIN, and a request with a customer's name, phone and
// address; nothing of them, nor a token or the code, is in the capture in
// clear: it is TLS records from the first byte.
#include <doctest/doctest.h>

#include "http/http_client.h"
#include "node/job_fixture.h"
#include "support/recording_proxy.h"

using namespace kiosk;
using kiosk::test::JobNode;
using kiosk::test::RecordingProxy;
using nlohmann::json;

TEST_CASE("a capture of a counter's traffic holds no PIN, phone, name, token or code in clear") {
  JobNode node;
  const std::string pin = "731946", phone = "13987654321", name = "欧阳小明", address = "世纪大道888号";
  REQUIRE(StaffBook(*node.store.store, node.store.clock, node.policy).add("Zhou", pin, StaffRole::Counter).ok());
  RecordingProxy proxy(node.port);
  const std::string via_proxy = "https://127.0.0.1:" + std::to_string(proxy.port());

  // Enrolment: the one call before the device knows the node's pin.
  const std::string code = node.enrol_code();
  http::HttpClientOptions enrolling;
  enrolling.base_url = via_proxy;
  enrolling.trust_any_certificate = true;
  Result<http::HttpResponse> enrolled = http::HttpClient(enrolling).post_json(
      "/api/v1/devices/enrol", json{{"code", code}, {"kind", "counter"}, {"name", "Counter 1"}}.dump());
  REQUIRE(enrolled.ok());
  REQUIRE(enrolled.value().status == 200);
  const json enrolment = json::parse(enrolled.value().body);
  const std::string device_token = enrolment["token"];

  // The counter at work, pinned to the key the enrolment gave.
  http::HttpClientOptions counter_options;
  counter_options.base_url = via_proxy;
  counter_options.pinned_public_key = enrolment["node_pin"];
  http::HttpClient counter(counter_options);
  http::RequestOptions as_device;
  as_device.headers = {{"X-Device-Token", device_token}};
  Result<http::HttpResponse> login =
      counter.post_json("/api/v1/login", json{{"name", "Zhou"}, {"pin", pin}, {"counter", 1}}.dump(), as_device);
  REQUIRE(login.ok());
  REQUIRE(login.value().status == 200);
  http::RequestOptions as_clerk = as_device;
  as_clerk.bearer_token = json::parse(login.value().body)["token"];
  const json form{
      {"product", "air-conditioner"}, {"problem", "not-cooling"},       {"contact_name", name},     {"phone", phone},
      {"address", address},           {"preferred_date", "2026-11-24"}, {"time_window", "morning"}, {"consent", true}};
  Result<http::HttpResponse> request = counter.post_json("/api/v1/requests", form.dump(), as_clerk);
  REQUIRE(request.ok());
  REQUIRE(request.value().status == 200);

  const std::string capture = proxy.capture();
  REQUIRE(capture.size() > 2000);
  CHECK(capture[0] == '\x16');  // a TLS handshake record, not "POST"
  for (const std::string& secret : {pin, phone, std::string("138****4321"), name, address, device_token,
                                    as_clerk.bearer_token, code, std::string("Zhou"), std::string("X-Device-Token"),
                                    std::string("Authorization"), std::string("HTTP/1.1"), std::string("/api/v1")})
    CHECK_MESSAGE(capture.find(secret) == std::string::npos, "in clear: " << secret);
  CHECK(proxy.connections() == 2);  // one for the enrolment, one for the counter's three calls
}
