// JsonHttpServer: httplib's settings, its own errors as JSON, start and stop.
#include "json_http_server.h"

#include <openssl/pem.h>
#include <openssl/ssl.h>

#include <chrono>
#include <memory>

namespace kiosk::http_server {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";

struct OpenSslFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
  void operator()(X509* p) const { X509_free(p); }
  void operator()(BIO* p) const { BIO_free(p); }
};

// The TLS context of an HTTPS server: TLS 1.2 or newer, the identity's key and certificate.
bool use_identity(SSL_CTX& context, const TlsIdentity& identity) {
  std::unique_ptr<BIO, OpenSslFree> key_pem(
      BIO_new_mem_buf(identity.private_key_pem.data(), static_cast<int>(identity.private_key_pem.size())));
  std::unique_ptr<BIO, OpenSslFree> certificate_pem(
      BIO_new_mem_buf(identity.certificate_pem.data(), static_cast<int>(identity.certificate_pem.size())));
  if (!key_pem || !certificate_pem) return false;
  std::unique_ptr<EVP_PKEY, OpenSslFree> key(PEM_read_bio_PrivateKey(key_pem.get(), nullptr, nullptr, nullptr));
  std::unique_ptr<X509, OpenSslFree> certificate(PEM_read_bio_X509(certificate_pem.get(), nullptr, nullptr, nullptr));
  SSL_CTX_set_options(&context, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);
  return key && certificate && SSL_CTX_set_min_proto_version(&context, TLS1_2_VERSION) == 1 &&
         SSL_CTX_use_certificate(&context, certificate.get()) == 1 &&
         SSL_CTX_use_PrivateKey(&context, key.get()) == 1 && SSL_CTX_check_private_key(&context) == 1;
}

}  // namespace

void send_json(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, kJson);
}

void send_api_error(httplib::Response& res, const ApiError& error) {
  if (error.retry_after_s) res.set_header("Retry-After", std::to_string(*error.retry_after_s));
  send_json(res, error.status, error_body(error));
}

std::string bearer_token(const httplib::Request& req) {
  const std::string header = req.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (header.size() <= kBearer.size() || header.compare(0, kBearer.size(), kBearer) != 0) return {};
  return header.substr(kBearer.size());
}

JsonHttpServer::JsonHttpServer(const ServerLimits& limits, std::string who, AllowedMethod allowed_method,
                               const std::optional<TlsIdentity>& tls)
    : limits_(limits),
      who_(std::move(who)),
      allowed_method_(std::move(allowed_method)),
      server_(
          tls ? std::make_unique<httplib::SSLServer>([&tls](SSL_CTX& context) { return use_identity(context, *tls); })
              : std::make_unique<httplib::Server>()) {
  httplib::Server& server = *server_;
  server.new_task_queue = [threads = limits_.handler_threads] { return new httplib::ThreadPool(std::size_t(threads)); };
  server.set_payload_max_length(limits_.max_body_bytes);
  server.set_keep_alive_max_count(1000);
  server.set_tcp_nodelay(true);  // headers and body go in separate writes: no Nagle delay between them
  if (limits_.read_timeout_s) server.set_read_timeout(*limits_.read_timeout_s, 0);
  server.set_socket_options([this](socket_t sock) { listen_socket_.configure(sock); });
  server.set_error_handler(
      [this](const httplib::Request& req, httplib::Response& res) { answer_http_error(req, res); });
  server.set_exception_handler([who = who_](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    send_api_error(res, {500, "internal", who + " failed on this request", {}});
  });
}

JsonHttpServer::~JsonHttpServer() { stop(); }

void JsonHttpServer::answer_http_error(const httplib::Request& req, httplib::Response& res) const {
  if (!res.body.empty()) return;
  if (res.status == 404) {
    const std::string allowed = allowed_method_(req);
    if (!allowed.empty() && allowed != req.method) {
      res.set_header("Allow", allowed);
      return send_api_error(res, {405, "method-not-allowed", req.method + " is not allowed here; use " + allowed, {}});
    }
    return send_api_error(res, {404, "not-found", "no endpoint " + req.path, {}});
  }
  if (res.status == 413)
    return send_api_error(
        res, {413, "too-large", "the body is over " + std::to_string(limits_.max_body_bytes) + " bytes", {}});
  if (res.status == 415)
    return send_api_error(res, {415, "unsupported-encoding", "Content-Encoding must be gzip or absent", {}});
  if (res.status >= 500) return send_api_error(res, {res.status, "internal", who_ + " failed on this request", {}});
  send_api_error(res, {res.status, "bad-request", "the request is not valid HTTP for " + who_, {}});
}

Result<int> JsonHttpServer::start(const ListenAddress& listen) {
  if (!server_->is_valid()) return storage_error(who_ + " cannot use its TLS key and certificate");
  const std::string& host = listen.host;
  const int port = listen.port == 0 ? server_->bind_to_any_port(host)
                                    : (server_->bind_to_port(host, listen.port) ? listen.port : -1);
  if (port < 0) return invalid_argument("cannot listen on " + host + ":" + std::to_string(listen.port));
  if (!listen_socket_.widen_backlog()) return storage_error("cannot set the listen backlog on " + host);
  listener_ = std::thread([this] { server_->listen_after_bind(); });
  for (int i = 0; i < 5000 && !server_->is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return port;
}

void JsonHttpServer::stop() {
  if (!listener_.joinable()) return;
  // stop() is a no-op until listen_after_bind has marked the server running.
  for (int i = 0; i < 5000 && !server_->is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  server_->stop();
  listener_.join();
}

}  // namespace kiosk::http_server
