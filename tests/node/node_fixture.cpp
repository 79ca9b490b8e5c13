// NodeFixture and ApiClient: a real server and real HTTP on 127.0.0.1.
#include "node/node_fixture.h"

#include <stdexcept>

namespace kiosk::test {

std::string HttpAnswer::header(const std::string& name) const {
  const auto found = headers.find(name);
  return found == headers.end() ? std::string() : found->second;
}

ApiClient::ApiClient(int port, std::string device_token)
    : device_token(std::move(device_token)), client_("https://127.0.0.1:" + std::to_string(port)) {
  client_.enable_server_certificate_verification(false);
  client_.set_read_timeout(60, 0);
  client_.set_keep_alive(true);
  client_.set_tcp_nodelay(true);
}

HttpAnswer ApiClient::get(const std::string& path) { return send("GET", path, ""); }
HttpAnswer ApiClient::post(const std::string& path, const std::string& body) { return send("POST", path, body); }

HttpAnswer ApiClient::send(const std::string& method, const std::string& path, const std::string& body) {
  httplib::Request req;
  req.method = method;
  req.path = path;
  req.body = body;
  if (!body.empty()) req.set_header("Content-Type", "application/json");
  if (!device_token.empty()) req.set_header("X-Device-Token", device_token);
  if (!token.empty()) req.set_header("Authorization", "Bearer " + token);
  httplib::Result res = client_.send(req);
  HttpAnswer answer;
  if (!res) return answer;
  answer.status = res->status;
  answer.headers = res->headers;
  answer.body = nlohmann::json::parse(res->body, nullptr, false);
  return answer;
}

NodeFixture::NodeFixture(node::StoreNodeConfig config, const std::string& data_dir)
    : store("Asia/Shanghai", test_day_start_ms(), 2, data_dir) {
  policy.pin_cost = PinHashCost::fastest_for_tests();
  StaffBook staff(*store.store, store.clock, policy);
  if (!staff.add("Li", "2580", StaffRole::Counter) || !staff.add("Wang", "1470", StaffRole::Counter))
    throw std::runtime_error("could not add test staff");
  for (int counter = 1; counter <= 3; ++counter)
    if (!store.engine->open_counter(counter, {"A", "B"})) throw std::runtime_error("could not open counters");
  config.data_dir = data_dir.empty() ? store.dir.path() : data_dir;
  config.listen = {"127.0.0.1", 0};
  config.staff = policy;
  server = std::make_unique<node::StoreNodeServer>(config, store.clock);
  Result<int> bound = server->start();
  if (!bound) throw std::runtime_error(bound.error().message);
  port = bound.value();
  pin = server->pin();
  device_token = enrol_device_token(DeviceKind::Counter, "test counter");
}

std::string NodeFixture::url() const { return "https://127.0.0.1:" + std::to_string(port); }

std::string NodeFixture::enrol_code(const std::string& label) {
  Result<EnrolCode> code = DeviceBook(*store.store, store.clock).issue_code(label);
  if (!code) throw std::runtime_error(code.error().message);
  return code.value().code;
}

std::string NodeFixture::enrol_device_token(DeviceKind kind, const std::string& name) {
  Result<Enrolment> enrolled = DeviceBook(*store.store, store.clock).enrol(enrol_code(), kind, name);
  if (!enrolled) throw std::runtime_error(enrolled.error().message);
  return enrolled.value().token;
}

ApiClient NodeFixture::staff_client(const std::string& name, const std::string& pin, int counter) {
  ApiClient client(port, device_token);
  HttpAnswer login = client.post("/api/v1/login", nlohmann::json{{"name", name}, {"pin", pin}, {"counter", counter}});
  if (login.status != 200) throw std::runtime_error("login failed: " + login.body.dump());
  client.token = login.body["token"];
  return client;
}

void NodeFixture::issue(int count) {
  for (int i = 0; i < count; ++i)
    if (!store.engine->issue({i % 3 ? "A" : "B", i % 7 == 0, {}})) throw std::runtime_error("could not issue");
}

}  // namespace kiosk::test
