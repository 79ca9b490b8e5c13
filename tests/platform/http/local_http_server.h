// A real HTTP server for the client tests, on 127.0.0.1 and a port the OS
// picks. Routes: /ok, /echo (POST: body and Authorization back), /missing
// (404), /broken (503), /stall (answers only when released, at most 5 s
// later), /big and /big-chunked (big_body_bytes, with and without Content-Length).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace httplib {
class Server;
}

class LocalHttpServer {
 public:
  static constexpr std::size_t big_body_bytes = 256 * 1024;

  LocalHttpServer();
  ~LocalHttpServer();  // releases stalled requests, stops and joins

  std::string base_url() const;

 private:
  void release_stalled_requests();

  std::unique_ptr<httplib::Server> server_;
  int port_ = 0;
  std::thread listener_;
  std::mutex stall_mutex_;
  std::condition_variable stall_released_;
  bool stall_release_ = false;
};

// A 127.0.0.1 port nothing listens on (bound, then closed).
int unused_local_port();
