// The fake SMS gateway (fake_sms_gateway.h).
#include "hq/fake_sms_gateway.h"

#include <stdexcept>

namespace kiosk::test {

FakeSmsGateway::FakeSmsGateway() {
  server_.Post("/send", [this](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex_);
    int status = 200;
    if (!script_.empty()) {
      status = script_.front();
      script_.pop_front();
    }
    received_.push_back(
        Received{nlohmann::json::parse(req.body, nullptr, false), req.get_header_value("Authorization"), status});
    res.status = status;
    res.set_content(status == 200 ? R"({"accepted":true})" : R"({"error":"scripted"})", "application/json");
    arrived_.notify_all();
  });
  port_ = server_.bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("the fake SMS gateway could not bind");
  listener_ = std::thread([this] { server_.listen_after_bind(); });
  for (int i = 0; i < 5000 && !server_.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FakeSmsGateway::~FakeSmsGateway() {
  server_.stop();
  listener_.join();
}

void FakeSmsGateway::script(std::vector<int> statuses) {
  std::lock_guard lock(mutex_);
  script_.assign(statuses.begin(), statuses.end());
}

std::vector<FakeSmsGateway::Received> FakeSmsGateway::received() const {
  std::lock_guard lock(mutex_);
  return received_;
}

bool FakeSmsGateway::wait_for(std::size_t count, std::chrono::seconds limit) const {
  std::unique_lock lock(mutex_);
  return arrived_.wait_for(lock, limit, [&] { return received_.size() >= count; });
}

}  // namespace kiosk::test
