// The fault-injecting proxy: cpp-httplib server in front, cpp-httplib clients
// to hq behind (one per forwarded request, so copies can go out in parallel).
#include "hq/fault_proxy.h"

#include <chrono>
#include <optional>
#include <stdexcept>
#include <utility>

#include "sync/gzip.h"

namespace kiosk::test {

FaultProxy::FaultProxy(int upstream_port, double fault_share, unsigned seed)
    : FaultProxy(std::vector<int>{upstream_port}, fault_share, seed) {}

FaultProxy::FaultProxy(std::vector<int> upstream_ports, double fault_share, unsigned seed)
    : upstream_ports_(std::move(upstream_ports)), fault_share_(fault_share), random_(seed) {
  if (upstream_ports_.empty()) throw std::invalid_argument("FaultProxy needs at least one upstream port");
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

httplib::Result FaultProxy::forward(const httplib::Request& req, int upstream_port) {
  httplib::Client upstream("127.0.0.1", upstream_port);
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

httplib::Result FaultProxy::forward_twice(const httplib::Request& req, int first_port, int second_port) {
  std::optional<httplib::Result> answers[2];
  int arrival[2] = {0, 0};
  std::atomic<int> started{0};
  std::atomic<int> arrived{0};
  const auto send = [&](int copy, int port) {
    // Both threads exist before either sends: the copies leave together.
    started.fetch_add(1);
    while (started.load() < 2) std::this_thread::yield();
    try {
      answers[copy].emplace(forward(req, port));
    } catch (...) {
    }
    arrival[copy] = arrived.fetch_add(1);
  };
  std::thread first(send, 0, first_port);
  std::thread second(send, 1, second_port);
  first.join();
  second.join();
  const int earlier = arrival[0] == 0 ? 0 : 1;
  const auto ok = [&](int copy) { return answers[copy] && *answers[copy] && (*answers[copy])->status == 200; };
  int chosen = earlier;
  if (!ok(earlier) && ok(1 - earlier)) chosen = 1 - earlier;
  if (!answers[chosen]) return httplib::Result(nullptr, httplib::Error::Unknown);
  return std::move(*answers[chosen]);
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
  if (fault == Fault::Stall) std::this_thread::sleep_for(std::chrono::milliseconds(400));
  const std::size_t upstreams = upstream_ports_.size();
  const auto upstream = [&](unsigned turn) { return upstream_ports_[turn % upstreams]; };
  std::optional<httplib::Result> forwarded;
  if (fault == Fault::Duplicate && upstreams > 1) {
    const unsigned turn = next_upstream_.fetch_add(2);
    forwarded.emplace(forward_twice(req, upstream(turn), upstream(turn + 1)));
  } else {
    if (fault == Fault::Duplicate) forward(req, upstream(next_upstream_.fetch_add(1)));
    forwarded.emplace(forward(req, upstream(next_upstream_.fetch_add(1))));
  }
  httplib::Result& answer = *forwarded;
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
