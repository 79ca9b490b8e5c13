// kioskctl device (see device_commands.h).
#include "ctl/device_commands.h"

#include "http/key_pin.h"
#include "http_server/tls_identity.h"
#include "remote/node_enrolment.h"
#include "staff/device_book.h"

namespace kiosk::ctl {
namespace {

using json = nlohmann::ordered_json;

template <class T>
json optional_json(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json device_json(const EnrolledDevice& d) {
  return json{{"id", d.id},
              {"name", d.name},
              {"kind", to_string(d.kind)},
              {"enrolled_at", d.enrolled_at},
              {"last_seen_at", optional_json(d.last_seen_at)},
              {"revoked_at", optional_json(d.revoked_at)},
              {"state", d.revoked_at ? "revoked" : "enrolled"}};
}

// The code, and the fingerprint of the node's key when the node has made one.
// A key that exists but cannot be read fails before any code is made.
Result<json> enrol(StoreDb& store, const std::string& data_dir, CommandLine& cl, const Clock& clock) {
  const std::string label = cl.optional("label").value_or("");
  cl.finish();
  const Result<http_server::TlsIdentity> identity = http_server::load_tls_identity(http_server::node_tls_dir(data_dir));
  if (!identity && identity.error().code != "no-tls-identity") return identity.error();
  const Result<EnrolCode> code = DeviceBook(store, clock).issue_code(label);
  if (!code) return code.error();
  const EnrolCode& c = code.value();
  json out{{"code", c.code},
           {"expires_at", c.expires_at},
           {"expires_local", store.zone().local_minute(c.expires_at).substr(11)},
           {"label", c.label}};
  if (identity) {
    out["fingerprint"] = http::fingerprint_of_pin(identity.value().pin);
  } else {
    out["fingerprint"] = nullptr;
    out["fingerprint_error"] = identity.error().code;  // "no-tls-identity": the node has not started yet
  }
  return out;
}

}  // namespace

Result<json> run_device_command(StoreDb& store, const std::string& data_dir, const std::string& sub, CommandLine& cl,
                                const Clock& clock) {
  if (sub == "enrol") return enrol(store, data_dir, cl, clock);
  if (sub == "list") {
    cl.finish();
    const Result<std::vector<EnrolledDevice>> devices = DeviceBook(store, clock).list();
    if (!devices) return devices.error();
    json list = json::array();
    for (const EnrolledDevice& d : devices.value()) list.push_back(device_json(d));
    return json{{"devices", list}};
  }
  if (sub != "revoke") throw UsageError("unknown device command \"" + sub + "\"");
  const std::string id = cl.word("device id (kioskctl device list shows them)");
  cl.finish();
  const Result<EnrolledDevice> revoked = DeviceBook(store, clock).revoke(id);
  if (!revoked) return revoked.error();
  return device_json(revoked.value());
}

Result<json> run_device_join(const std::string& data_dir, CommandLine& cl) {
  Result<std::string> url = remote::checked_node_url(cl.required("store"));
  if (!url) throw UsageError(url.error().message);
  const std::string code = cl.required("code"), kind = cl.required("kind"), name = cl.required("name");
  cl.finish();
  Result<remote::NodeEnrolment> enrolled = remote::enrol_device(url.value(), code, kind, name);
  if (!enrolled) return enrolled.error();
  if (Result<Done> saved = remote::save_enrolment(data_dir, enrolled.value()); !saved) return saved.error();
  return json{{"device", {{"id", enrolled.value().device_id}, {"name", enrolled.value().device_name}}},
              {"node", url.value()},
              {"fingerprint", enrolled.value().fingerprint},
              {"saved", remote::enrolment_path(data_dir)}};
}

}  // namespace kiosk::ctl
