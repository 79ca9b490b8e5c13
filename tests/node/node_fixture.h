// A store node for API tests: a real store file in a temp dir, staff with
// PINs, the server on 127.0.0.1 at a free port, and HTTP helpers that return
// status and parsed JSON.
#pragma once

#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "node/store_node_server.h"
#include "staff/device_book.h"
#include "support/test_store.h"

namespace kiosk::test {

struct HttpAnswer {
  int status = 0;  // 0: no answer (connection failed)
  nlohmann::json body;
  std::string header(const std::string& name) const;
  httplib::Headers headers;
};

// A client of one node over HTTPS (any certificate: these tests are about the
// API; pinning is the device's, tested with remote::StoreNodeClient);
// `device_token` (if set) goes in X-Device-Token, `token` (if set) in
// Authorization: Bearer.
class ApiClient {
 public:
  ApiClient(int port, std::string device_token);
  HttpAnswer get(const std::string& path);
  HttpAnswer post(const std::string& path, const std::string& body = "");
  HttpAnswer post(const std::string& path, const nlohmann::json& body) { return post(path, body.dump()); }
  HttpAnswer send(const std::string& method, const std::string& path, const std::string& body);
  std::string device_token;
  std::string token;

 private:
  httplib::Client client_;  // "https://127.0.0.1:PORT"
};

struct NodeFixture {
  // Counters 1-3 open for A and B; staff "Li" (PIN 2580) and "Wang" (PIN 1470).
  // `data_dir` empty: the store's temp dir; else the store is made there.
  explicit NodeFixture(node::StoreNodeConfig config = {}, const std::string& data_dir = {});
  // Logs in and returns a client with the session's token (and the fixture's device).
  ApiClient staff_client(const std::string& name, const std::string& pin, int counter);
  // A client as the fixture's enrolled device, without a staff session.
  ApiClient device_client() const { return ApiClient(port, device_token); }
  void issue(int count);
  // "https://127.0.0.1:PORT"
  std::string url() const;
  // A one-time code for enrolling another device (DeviceBook::issue_code).
  std::string enrol_code(const std::string& label = "");
  // A device enrolled directly in the store (DeviceBook), and its token.
  std::string enrol_device_token(DeviceKind kind, const std::string& name);

  TestStore store;
  StaffPolicy policy;
  std::unique_ptr<node::StoreNodeServer> server;
  int port = 0;
  std::string pin;           // the node's key pin ("sha256//...")
  std::string device_token;  // a counter device enrolled when the fixture starts
};

}  // namespace kiosk::test
