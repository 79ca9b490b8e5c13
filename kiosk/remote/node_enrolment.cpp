// The device's enrolment: DATA/node-device.json (written whole to a temp file
// made 0600, fsynced, then renamed over the old one), the enrol call and its
// pinned check, and the --store address check.
#include "remote/node_enrolment.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "http/key_pin.h"

namespace kiosk::remote {
namespace {

constexpr const char* kFileName = "node-device.json";

Json enrolment_json(const NodeEnrolment& e) {
  return {{"node_url", e.node_url}, {"device_id", e.device_id},     {"device_name", e.device_name}, {"token", e.token},
          {"node_pin", e.node_pin}, {"fingerprint", e.fingerprint}, {"enrolled_at", e.enrolled_at}};
}

// A non-empty string member of `j`, else nullopt.
std::optional<std::string> text_in(const Json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_string() || j[key].get<std::string>().empty())
    return std::nullopt;
  return j[key].get<std::string>();
}

long long number_in(const Json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_number_integer() ? j[key].get<long long>() : 0;
}

std::optional<NodeEnrolment> enrolment_from_json(const Json& j) {
  auto text = [&](const char* key) { return text_in(j, key); };
  const auto url = text("node_url"), id = text("device_id"), token = text("token"), pin = text("node_pin");
  if (!url || !id || !token || !pin) return std::nullopt;
  NodeEnrolment e;
  e.node_url = *url;
  e.device_id = *id;
  e.device_name = text("device_name").value_or("");
  e.token = *token;
  e.node_pin = *pin;
  e.fingerprint = text("fingerprint").value_or(http::fingerprint_of_pin(*pin));
  e.enrolled_at = number_in(j, "enrolled_at");
  return e;
}

Error file_error(const std::string& path, const std::string& what) {
  return storage_error("the device's enrolment " + path + " " + what);
}

// Writes `bytes` to `path` whole or not at all: a new file made 0600, fsynced, renamed over.
Result<Done> write_private_file(const std::string& path, const std::string& bytes) {
  const std::string partial = path + ".new-" + std::to_string(::getpid());
  const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return file_error(path, std::string("could not be written: ") + std::strerror(errno));
  std::size_t done = 0;
  bool ok = true;
  while (ok && done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += std::size_t(n);
  }
  ok = ok && ::fsync(fd) == 0;
  const int saved_errno = errno;
  ::close(fd);
  if (!ok || ::rename(partial.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(ok ? errno : saved_errno);
    ::unlink(partial.c_str());
    return file_error(path, "could not be written: " + reason);
  }
  return Done{};
}

// The node's refusal of the enrolment, or a transport failure, as the caller's error.
Error enrol_error(const http::HttpResponse& response) {
  const Json body = Json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  std::string code = "http-" + std::to_string(response.status), message;
  if (body.is_object() && body.contains("error")) {
    code = text_in(body["error"], "code").value_or(code);
    message = text_in(body["error"], "message").value_or("");
  }
  if (message.empty()) message = "the store node answered " + std::to_string(response.status) + " to the enrolment";
  return Error{error_kind_for_status(response.status), std::move(message), std::move(code)};
}

}  // namespace

std::string enrolment_path(const std::string& data_dir) { return data_dir + "/" + kFileName; }

Result<std::optional<NodeEnrolment>> load_enrolment(const std::string& data_dir, const std::string& node_url) {
  const std::string path = enrolment_path(data_dir);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (::access(path.c_str(), F_OK) != 0 && errno == ENOENT) return std::optional<NodeEnrolment>();
    return file_error(path, std::string("could not be read: ") + std::strerror(errno));
  }
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::optional<NodeEnrolment> enrolment =
      enrolment_from_json(Json::parse(bytes.str(), nullptr, /*allow_exceptions=*/false));
  if (!enrolment) return file_error(path, "is not an enrolment of this program (move it away and enrol again)");
  if (enrolment->node_url != node_url) return std::optional<NodeEnrolment>();
  return enrolment;
}

Result<Done> save_enrolment(const std::string& data_dir, const NodeEnrolment& enrolment) {
  return write_private_file(enrolment_path(data_dir), enrolment_json(enrolment).dump(2) + "\n");
}

Result<Done> forget_enrolment(const std::string& data_dir) {
  const std::string path = enrolment_path(data_dir);
  if (::unlink(path.c_str()) != 0 && errno != ENOENT)
    return file_error(path, std::string("could not be removed: ") + std::strerror(errno));
  return Done{};
}

Result<NodeEnrolment> enrol_device(const std::string& node_url, const std::string& code, const std::string& kind,
                                   const std::string& name) {
  http::HttpClientOptions trusting;
  trusting.base_url = node_url + "/api/v1";
  trusting.trust_any_certificate = true;
  http::HttpClient http(trusting);
  const Json request{{"code", code}, {"kind", kind}, {"name", name}};
  Result<http::HttpResponse> response = http.post_json("/devices/enrol", request.dump());
  if (!response) return response.error();
  if (response.value().status != 200) return enrol_error(response.value());
  const Json answer = Json::parse(response.value().body, nullptr, /*allow_exceptions=*/false);
  const Json device = answer.is_object() && answer.contains("device") ? answer["device"] : Json();
  const auto token = text_in(answer, "token"), pin = text_in(answer, "node_pin"), id = text_in(device, "id");
  if (!token || !pin || !id) return unavailable("the store node's answer to the enrolment is not one", "bad-answer");
  const NodeEnrolment enrolment{.node_url = node_url,
                                .device_id = *id,
                                .device_name = text_in(device, "name").value_or(name),
                                .token = *token,
                                .node_pin = *pin,
                                .fingerprint = http::fingerprint_of_pin(*pin),
                                .enrolled_at = number_in(device, "enrolled_at")};
  // The pin came over a connection that trusted any key: the same node must answer through the pin.
  StoreNodeClient pinned(client_options(enrolment));
  Result<Json> me = pinned.me();
  if (!me) {
    if (me.error().code == "wrong-server")
      return refused("the store node's key is not the one it enrolled this device with", "wrong-server");
    return me.error();
  }
  return enrolment;
}

StoreNodeClientOptions client_options(const NodeEnrolment& enrolment) {
  StoreNodeClientOptions options;
  options.base_url = enrolment.node_url;
  options.device_token = enrolment.token;
  options.node_pin = enrolment.node_pin;
  return options;
}

Result<std::string> checked_node_url(const std::string& url) {
  std::string checked = url;
  while (!checked.empty() && checked.back() == '/') checked.pop_back();
  if (checked.rfind("http://", 0) == 0)
    return invalid_argument("the store node serves HTTPS only: use https://HOST:PORT (not " + url + ")");
  const std::string scheme = "https://";
  const std::string host_port = checked.rfind(scheme, 0) == 0 ? checked.substr(scheme.size()) : "";
  const std::size_t colon = host_port.rfind(':');
  const bool ok = colon != std::string::npos && colon > 0 && colon + 1 < host_port.size() &&
                  host_port.find_first_of("/?#@ ") == std::string::npos &&
                  host_port.find_first_not_of("0123456789", colon + 1) == std::string::npos &&
                  host_port.size() - colon - 1 <= 5 && std::stoi(host_port.substr(colon + 1)) > 0 &&
                  std::stoi(host_port.substr(colon + 1)) <= 65535;
  if (!ok) return invalid_argument("the store node's address must be https://HOST:PORT (not " + url + ")");
  return checked;
}

}  // namespace kiosk::remote
