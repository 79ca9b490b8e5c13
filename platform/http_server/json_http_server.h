// The HTTP server plumbing of this project's two servers, the store node's LAN
// API and hq, written once over Debian's cpp-httplib 0.11: the listen socket
// (core/listen_socket.h), a pool of handler threads, the body limit, JSON for
// every error httplib itself answers (404, 405 with Allow, 413, 415, 500),
// start and stop, the bearer token, and one database connection per handler
// thread; HTTPS with a TlsIdentity (the store node), plain HTTP without one
// (hq, behind its TLS-terminating proxy). The servers add their routes and keep their rules.
#pragma once

#include <httplib.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "codec/api_json.h"
#include "core/listen_socket.h"
#include "core/result.h"
#include "http_server/tls_identity.h"

namespace kiosk::http_server {

struct ServerLimits {
  int handler_threads = 8;
  std::size_t max_body_bytes = 1 << 20;
  std::optional<int> read_timeout_s;  // httplib's default (5 s) when not set
};

class JsonHttpServer {
 public:
  // The method a path takes, if any (for 405 and its Allow header).
  using AllowedMethod = std::function<std::string(const httplib::Request&)>;
  // `who` names the server in error messages: "HQ failed on this request".
  // With `tls`, HTTPS only (TLS 1.2 or newer): a plain request fails its handshake.
  JsonHttpServer(const ServerLimits& limits, std::string who, AllowedMethod allowed_method,
                 const std::optional<TlsIdentity>& tls = std::nullopt);
  ~JsonHttpServer();  // stops
  JsonHttpServer(const JsonHttpServer&) = delete;
  JsonHttpServer& operator=(const JsonHttpServer&) = delete;

  // Where the routes go.
  httplib::Server& routes() { return *server_; }
  // Binds (port 0: any free port), listens with a wide backlog on a thread of
  // its own and returns the port; an error when the address cannot be used.
  Result<int> start(const ListenAddress& listen);
  // Returns once the listener has stopped (connections in hand end first).
  void stop();

 private:
  void answer_http_error(const httplib::Request& req, httplib::Response& res) const;

  ServerLimits limits_;
  std::string who_;
  AllowedMethod allowed_method_;
  ListenSocket listen_socket_;
  std::unique_ptr<httplib::Server> server_;  // an httplib::SSLServer with TLS
  std::thread listener_;
};

void send_json(httplib::Response& res, int status, const std::string& body);
// The error's status and JSON body, and Retry-After when it has one.
void send_api_error(httplib::Response& res, const ApiError& error);
// The token of "Authorization: Bearer TOKEN", or "" without one.
std::string bearer_token(const httplib::Request& req);

// One connection per handler thread, opened on the thread's first request. An
// id tells apart servers in one process (tests) that share the threads' slot.
template <class Db>
class ConnectionPerThread {
 public:
  // This thread's connection, opened with `open` when it has none for this server yet.
  template <class Open>
  Result<Db*> get(const Open& open) {
    thread_local Slot slot;
    if (slot.owner != id_ || !slot.db) {
      Result<std::unique_ptr<Db>> opened = open();
      if (!opened) return opened.error();
      slot = Slot{id_, std::move(opened).value()};
    }
    return slot.db.get();
  }

 private:
  struct Slot {
    std::uint64_t owner = 0;
    std::unique_ptr<Db> db;
  };
  static std::uint64_t next_id() {
    static std::atomic<std::uint64_t> next{1};
    return next++;
  }
  const std::uint64_t id_ = next_id();
};

}  // namespace kiosk::http_server
