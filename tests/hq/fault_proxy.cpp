// The fault-injecting proxy: cpp-httplib server in front, cpp-httplib client
// to hq behind.
#include "hq/fault_proxy.h"

#include <chrono>

#include "sync/gzip.h"

namespace kiosk::test {

FaultProxy::FaultProxy(int upstream_port, double fault_share, unsigned seed)
    : upstream_port_(upstream_port), fault_share_(fault_share), random_(seed) {
  const auto handler = [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); };
  server_.Get(".*", handler);
  server_.Post(".*", handler);
  port_ = server_.bind_to_any_port("127.0.0.1");
  listener_ = std::thread([this] { server_.listen_after_bind(); });
  for (int i = 0; i < 5000 && !server_.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FaultProxy::~FaultProxy() {
  server_.stop();
  listener_.join();
}

const char* FaultProxy::name(Fault fault) {
  switch (fault) {
    case Fault::Pass:
      return "pass";
    case Fault::Busy503:
      return "503";
    case Fault::Slow429:
      return "429";
    case Fault::Fail500:
      return "500";
    case Fault::Duplicate:
      return "duplicated";
    case Fault::AnswerLost:
      return "answer lost";
    case Fault::Truncated:
      return "truncated";
    case Fault::Reset:
      return "reset";
    case Fault::Stall:
      return "stall";
  }
  return "?";
}

std::map<FaultProxy::Fault, int> FaultProxy::counts() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

FaultProxy::Fault FaultProxy::draw() {
  std::lock_guard lock(mutex_);
  Fault fault = Fault::Pass;
  if (std::uniform_real_distribution<double>(0, 1)(random_) < fault_share_)
    fault = static_cast<Fault>(std::uniform_int_distribution<int>(1, static_cast<int>(Fault::Stall))(random_));
  ++counts_[fault];
  return fault;
}

httplib::Result FaultProxy::forward(const httplib::Request& req) {
  httplib::Client upstream("127.0.0.1", upstream_port_);
  upstream.set_read_timeout(30, 0);
  httplib::Headers headers;
  for (const char* name : {"Authorization", "Content-Type"})
    if (req.has_header(name)) headers.emplace(name, req.get_header_value(name));
  std::string path = req.path;
  if (!req.params.empty()) {
    char separator = '?';
    for (const auto& [key, value] : req.params) {
      path += separator + key + "=" + value;
      separator = '&';
    }
  }
  if (req.method == "GET") return upstream.Get(path.c_str(), headers);
  // This server inflated a gzip body; it goes on compressed again, as sent.
  std::string body = req.body;
  if (req.get_header_value("Content-Encoding") == "gzip") {
    headers.emplace("Content-Encoding", "gzip");
    body = gzip_compress(body);
  }
  return upstream.Post(path.c_str(), headers, body, req.get_header_value("Content-Type").c_str());
}

void FaultProxy::handle(const httplib::Request& req, httplib::Response& res) {
  const Fault fault = draw();
  const auto refuse = [&](int status, bool retry_after) {
    res.status = status;
    if (retry_after) res.set_header("Retry-After", "0");
    res.set_content(R"({"error": {"code": "proxy", "message": "injected by the test proxy"}})", "application/json");
  };
  switch (fault) {
    case Fault::Busy503:
      return refuse(503, true);
    case Fault::Slow429:
      return refuse(429, true);
    case Fault::Fail500:
      return refuse(500, false);
    case Fault::Reset:
      res.set_content_provider(1000, "application/json",
                               [](std::size_t, std::size_t, httplib::DataSink&) { return false; });
      return;
    default:
      break;
  }
  if (fault == Fault::Stall) std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  if (fault == Fault::Duplicate) forward(req);
  httplib::Result answer = forward(req);
  if (!answer || fault == Fault::AnswerLost) return refuse(502, false);
  if (fault == Fault::Truncated) {
    const std::string body = answer->body;
    res.status = answer->status;
    // Declares the whole length, sends half, then drops the connection.
    res.set_content_provider(body.size(), "application/json",
                             [body](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                               if (offset > 0) return false;
                               sink.write(body.data(), body.size() / 2);
                               return true;
                             });
    return;
  }
  res.status = answer->status;
  if (answer->has_header("Retry-After")) res.set_header("Retry-After", answer->get_header_value("Retry-After"));
  res.set_content(answer->body, "application/json");
}

}  // namespace kiosk::test
