// A store node for API tests: a real store file in a temp dir, staff with
// PINs, the server on 127.0.0.1 at a free port, and HTTP helpers that return
// status and parsed JSON.
#pragma once

#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "node/store_node_server.h"
#include "support/test_store.h"

namespace kiosk::test {

struct HttpAnswer {
  int status = 0;  // 0: no answer (connection failed)
  nlohmann::json body;
  std::string header(const std::string& name) const;
  httplib::Headers headers;
};

// A client of one node; `token` (if set) goes in Authorization: Bearer.
class ApiClient {
 public:
  explicit ApiClient(int port);
  HttpAnswer get(const std::string& path);
  HttpAnswer post(const std::string& path, const std::string& body = "");
  HttpAnswer post(const std::string& path, const nlohmann::json& body) { return post(path, body.dump()); }
  HttpAnswer send(const std::string& method, const std::string& path, const std::string& body);
  std::string token;

 private:
  httplib::Client client_;
};

struct NodeFixture {
  // Counters 1-3 open for A and B; staff "Li" (PIN 2580) and "Wang" (PIN 1470).
  explicit NodeFixture(node::StoreNodeConfig config = {});
  // Logs in and returns a client with the session's token.
  ApiClient staff_client(const std::string& name, const std::string& pin, int counter);
  void issue(int count);

  TestStore store;
  StaffPolicy policy;
  std::unique_ptr<node::StoreNodeServer> server;
  int port = 0;
};

}  // namespace kiosk::test
