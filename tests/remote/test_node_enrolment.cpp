// A counter's or display's enrolment: DATA/node-device.json (round trip, mode
// 0600, another node's address, a corrupt file), --store's check, and
// enrolling with a real store node over TLS: a good code, an expired, a used
// and a wrong one, and a second node (another key) behind the first one's pin.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <fstream>

#include "node/node_fixture.h"
#include "remote/node_device.h"
#include "remote/node_enrolment.h"
#include "support/temp_dir.h"

using namespace kiosk;
using remote::NodeEnrolment;

namespace {

NodeEnrolment sample(const std::string& url) {
  return {.node_url = url,
          .device_id = "d-1",
          .device_name = "Counter 2",
          .token = std::string(64, 'a'),
          .node_pin = "sha256//AB12CD34abcdefghijklmnopqrstuvwxyz0123456=",
          .fingerprint = "AB12-CD34",
          .enrolled_at = 1795000000000};
}

}  // namespace

TEST_CASE("an enrolment is saved 0600 and loaded back for its node only") {
  test::TempDir dir;
  const std::string url = "https://192.168.1.20:8700";
  REQUIRE(remote::save_enrolment(dir.path(), sample(url)).ok());
  struct stat st {};
  REQUIRE(::stat(remote::enrolment_path(dir.path()).c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);

  Result<std::optional<NodeEnrolment>> loaded = remote::load_enrolment(dir.path(), url);
  REQUIRE(loaded.ok());
  REQUIRE(loaded.value().has_value());
  CHECK(loaded.value()->token == std::string(64, 'a'));
  CHECK(loaded.value()->node_pin == sample(url).node_pin);
  CHECK(loaded.value()->fingerprint == "AB12-CD34");
  CHECK(loaded.value()->device_name == "Counter 2");
  CHECK(loaded.value()->enrolled_at == 1795000000000);

  Result<std::optional<NodeEnrolment>> other = remote::load_enrolment(dir.path(), "https://192.168.1.21:8700");
  REQUIRE(other.ok());
  CHECK_FALSE(other.value().has_value());

  REQUIRE(remote::forget_enrolment(dir.path()).ok());
  Result<std::optional<NodeEnrolment>> gone = remote::load_enrolment(dir.path(), url);
  REQUIRE(gone.ok());
  CHECK_FALSE(gone.value().has_value());
  CHECK(remote::forget_enrolment(dir.path()).ok());  // nothing to forget is fine
}

TEST_CASE("a corrupt enrolment file is an error naming it") {
  test::TempDir dir;
  std::ofstream(remote::enrolment_path(dir.path())) << "{\"node_url\": 12";
  Result<std::optional<NodeEnrolment>> loaded = remote::load_enrolment(dir.path(), "https://10.0.0.1:8700");
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.error().message.find(remote::enrolment_path(dir.path())) != std::string::npos);
}

TEST_CASE("--store takes https://HOST:PORT only, and says so") {
  CHECK(remote::checked_node_url("https://192.168.1.20:8700/").value() == "https://192.168.1.20:8700");
  Result<std::string> plain = remote::checked_node_url("http://192.168.1.20:8700");
  REQUIRE_FALSE(plain.ok());
  CHECK(plain.error().message.find("the store node serves HTTPS only: use https://HOST:PORT") != std::string::npos);
  for (const char* bad : {"https://192.168.1.20", "https://:8700", "https://host:port", "https://h:99999",
                          "https://h:8700/api", "ftp://h:1", "192.168.1.20:8700"})
    CHECK_MESSAGE(!remote::checked_node_url(bad).ok(), bad);
}

TEST_CASE("enrolling with a code over TLS: a good code, then calls as the device") {
  test::NodeFixture node;
  Result<NodeEnrolment> enrolled =
      remote::enrol_device(node.url(), node.enrol_code("Counter 7"), "counter", "Counter 2");
  REQUIRE_MESSAGE(enrolled.ok(), enrolled.error().message);
  CHECK(enrolled.value().node_pin == node.pin);
  CHECK(enrolled.value().device_name == "Counter 7");  // the code's label wins
  CHECK(enrolled.value().token.size() == 64);
  CHECK(enrolled.value().fingerprint.size() == 9);
  remote::StoreNodeClient client(remote::client_options(enrolled.value()));
  Result<remote::Json> queue = client.queue();
  CHECK_MESSAGE(queue.ok(), queue.error().message);
}

TEST_CASE("enrolment refused: a wrong, an expired and a used code") {
  test::NodeFixture node;
  CHECK(remote::enrol_device(node.url(), "000000", "counter", "C").error().code == "enrol-code-wrong");

  const std::string expiring = node.enrol_code();
  node.store.clock.advance_s(6 * 60);
  CHECK(remote::enrol_device(node.url(), expiring, "counter", "C").error().code == "enrol-code-expired");

  const std::string once = node.enrol_code();
  REQUIRE(remote::enrol_device(node.url(), once, "display", "D").ok());
  CHECK(remote::enrol_device(node.url(), once, "display", "D").error().code == "enrol-code-used");
}

TEST_CASE("a second node with another key behind the first one's pin is a wrong server") {
  test::NodeFixture first, second;
  NodeEnrolment enrolment = remote::enrol_device(first.url(), first.enrol_code(), "counter", "C").value();
  enrolment.node_url = second.url();  // the address now answers with another key
  remote::StoreNodeClient client(remote::client_options(enrolment));
  Result<remote::Json> queue = client.queue();
  REQUIRE_FALSE(queue.ok());
  CHECK(queue.error().code == "wrong-server");
  CHECK(remote::is_device_refusal(queue.error()));
}

TEST_CASE("a revoked device is refused, and its enrolment forgotten") {
  test::NodeFixture node;
  test::TempDir dir;
  NodeEnrolment enrolment = remote::enrol_device(node.url(), node.enrol_code(), "counter", "C").value();
  REQUIRE(remote::save_enrolment(dir.path(), enrolment).ok());
  remote::NodeDevice device({node.url(), dir.path(), "counter", "C"}, enrolment);
  REQUIRE(device.client()->queue().ok());
  DeviceBook book(*node.store.store, node.store.clock);
  REQUIRE(book.revoke(enrolment.device_id).ok());
  Result<remote::Json> refused = device.client()->queue();
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "device-revoked");
  CHECK(device.refused(refused.error()));
  CHECK(device.client() == nullptr);
  CHECK_FALSE(remote::load_enrolment(dir.path(), node.url()).value().has_value());
}
