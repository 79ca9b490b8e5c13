// The test HTTP server's routes and lifetime.
#include "local_http_server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>

LocalHttpServer::LocalHttpServer() : server_(std::make_unique<httplib::Server>()) {
  server_->Get("/ok", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"ok":true})", "application/json");
  });
  server_->Post("/echo", [](const httplib::Request& req, httplib::Response& res) {
    res.set_header("X-Got-Authorization", req.get_header_value("Authorization"));
    res.set_content(req.get_header_value("Authorization") + "|" + req.get_header_value("Content-Type") + "|" + req.body,
                    "text/plain");
  });
  server_->Get("/missing", [](const httplib::Request&, httplib::Response& res) {
    res.status = 404;
    res.set_content(R"({"error":"no such ticket"})", "application/json");
  });
  server_->Get("/broken", [](const httplib::Request&, httplib::Response& res) {
    res.status = 503;
    res.set_content(R"({"error":"store is starting"})", "application/json");
  });
  server_->Get("/stall", [this](const httplib::Request&, httplib::Response& res) {
    std::unique_lock lock(stall_mutex_);
    stall_released_.wait_for(lock, std::chrono::seconds(5), [this] { return stall_release_; });
    res.set_content("{}", "application/json");
  });
  server_->Get("/big", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(big_body_bytes, 'x'), "application/json");
  });
  server_->Get("/big-chunked", [](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("application/json", [](std::size_t offset, httplib::DataSink& sink) {
      const std::string chunk(4096, 'x');
      if (offset >= big_body_bytes) {
        sink.done();
        return true;
      }
      return sink.write(chunk.data(), chunk.size());
    });
  });
  port_ = server_->bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("test server cannot bind 127.0.0.1");
  listener_ = std::thread([this] { server_->listen_after_bind(); });
  // Bounded: stop() before the accept loop has started would be lost.
  for (int waited_ms = 0; !server_->is_running() && waited_ms < 2000; waited_ms += 5) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

LocalHttpServer::~LocalHttpServer() {
  release_stalled_requests();
  server_->stop();
  listener_.join();
}

std::string LocalHttpServer::base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

void LocalHttpServer::release_stalled_requests() {
  std::lock_guard lock(stall_mutex_);
  stall_release_ = true;
  stall_released_.notify_all();
}

int unused_local_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    throw std::runtime_error("cannot find a free local port");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}
