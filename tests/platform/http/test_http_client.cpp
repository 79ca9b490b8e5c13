// HttpClient against a real local server: answers, error statuses passed
// through, connection refused, an unknown host, a stalled server, oversized
// bodies, and use from several threads at once.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>
#include <vector>

#include "http/http_client.h"
#include "local_http_server.h"

using kiosk::http::HttpClient;
using kiosk::http::HttpClientOptions;

namespace {

HttpClientOptions options_for(const std::string& base_url) {
  HttpClientOptions options;
  options.base_url = base_url;
  options.connect_timeout = std::chrono::milliseconds(1000);
  options.total_timeout = std::chrono::milliseconds(2000);
  return options;
}

}  // namespace

TEST_CASE("GET and POST return the status and body; the bearer token and JSON type are sent") {
  LocalHttpServer server;
  HttpClientOptions options = options_for(server.base_url());
  options.bearer_token = "counter-3-token";
  HttpClient client(options);

  auto ok = client.get("/ok");
  REQUIRE(ok.ok());
  CHECK(ok.value().status == 200);
  CHECK(ok.value().body == R"({"ok":true})");

  auto echoed = client.post_json("/echo", R"({"counter":3})");
  REQUIRE(echoed.ok());
  CHECK(echoed.value().status == 200);
  CHECK(echoed.value().body == R"(Bearer counter-3-token|application/json|{"counter":3})");
}

TEST_CASE("Basic authentication goes with the one request that asks for it") {
  LocalHttpServer server;
  HttpClient client(options_for(server.base_url()));
  kiosk::http::RequestOptions basic;
  basic.basic_user = "gateway";
  basic.basic_password = "s3cr\u00e9t:x";  // a colon and a non-ASCII letter in the password pass as they are

  auto authenticated = client.post_json("/echo", "{}", basic);
  REQUIRE(authenticated.ok());
  CHECK(authenticated.value().body == "Basic Z2F0ZXdheTpzM2Nyw6l0Ong=|application/json|{}");

  auto plain = client.post_json("/echo", "{}");
  REQUIRE(plain.ok());
  CHECK(plain.value().body == "|application/json|{}");
}

TEST_CASE("4xx and 5xx answers are responses with their bodies, not errors") {
  LocalHttpServer server;
  HttpClient client(options_for(server.base_url()));

  auto missing = client.get("/missing");
  REQUIRE(missing.ok());
  CHECK(missing.value().status == 404);
  CHECK(missing.value().body == R"({"error":"no such ticket"})");

  auto broken = client.get("/broken");
  REQUIRE(broken.ok());
  CHECK(broken.value().status == 503);
  CHECK(broken.value().body == R"({"error":"store is starting"})");
}

TEST_CASE("a node that is not listening is a plain connection-refused error") {
  HttpClient client(options_for("http://127.0.0.1:" + std::to_string(unused_local_port())));
  auto result = client.get("/ok");
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == "connection-refused");
  CHECK(result.error().message.find("cannot connect") != std::string::npos);
  CHECK(result.error().message.find("127.0.0.1") != std::string::npos);
}

TEST_CASE("a host name that does not resolve is a dns error") {
  HttpClient client(options_for("http://store-node.invalid:8080"));  // .invalid never resolves (RFC 6761)
  auto result = client.get("/ok");
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == "dns");
  CHECK(result.error().message.find("store-node.invalid") != std::string::npos);
}

TEST_CASE("a stalled server hits the total timeout, and the client works again afterwards") {
  LocalHttpServer server;
  HttpClientOptions options = options_for(server.base_url());
  options.total_timeout = std::chrono::milliseconds(300);
  HttpClient client(options);

  const auto started = std::chrono::steady_clock::now();
  auto stalled = client.get("/stall");
  const auto waited = std::chrono::steady_clock::now() - started;
  REQUIRE_FALSE(stalled.ok());
  CHECK(stalled.error().code == "timeout");
  CHECK(waited < std::chrono::milliseconds(4000));  // gave up long before the server would answer

  auto after = client.get("/ok");
  REQUIRE(after.ok());
  CHECK(after.value().status == 200);
}

TEST_CASE("a body over the limit is refused, with or without Content-Length") {
  LocalHttpServer server;
  HttpClientOptions options = options_for(server.base_url());
  options.max_response_bytes = 64 * 1024;
  HttpClient client(options);

  for (const char* path : {"/big", "/big-chunked"}) {
    CAPTURE(path);
    auto result = client.get(path);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == "response-too-large");
  }

  options.max_response_bytes = LocalHttpServer::big_body_bytes;
  HttpClient roomy_client(options);
  auto exact = roomy_client.get("/big-chunked");
  REQUIRE(exact.ok());
  CHECK(exact.value().body.size() == LocalHttpServer::big_body_bytes);
}

TEST_CASE("a malformed URL is an error, not a crash") {
  HttpClient client(options_for("no scheme here"));
  auto result = client.get("/ok");
  REQUIRE_FALSE(result.ok());
  CHECK_FALSE(result.error().message.empty());
}

TEST_CASE("one client shared by worker threads serves every request") {
  LocalHttpServer server;
  HttpClient client(options_for(server.base_url()));
  std::vector<int> statuses(8, 0);
  std::vector<std::thread> workers;
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    workers.emplace_back([&client, &statuses, i] {
      auto result = client.get(i % 2 == 0 ? "/ok" : "/missing");
      statuses[i] = result.ok() ? static_cast<int>(result.value().status) : -1;
    });
  }
  for (auto& worker : workers) worker.join();
  for (std::size_t i = 0; i < statuses.size(); ++i) CHECK(statuses[i] == (i % 2 == 0 ? 200 : 404));
}
