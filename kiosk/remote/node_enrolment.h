// A counter's or display's enrolment with the store node
// (docs/store-node-api.md "TLS and enrolled devices"): the one call that
// trades a one-time code for this device's token and the node's key pin, and
// the file that keeps them (DATA/node-device.json, mode 0600, written
// atomically). Every later call goes through a StoreNodeClient made from it.
#pragma once

#include <optional>
#include <string>

#include "core/result.h"
#include "remote/store_node_client.h"

namespace kiosk::remote {

struct NodeEnrolment {
  std::string node_url;  // "https://192.168.1.20:8700", as enrolled with
  std::string device_id;
  std::string device_name;
  std::string token;
  std::string node_pin;     // "sha256//..."
  std::string fingerprint;  // "AB12-CD34", what staff compare
  long long enrolled_at = 0;
};

// Where a device keeps its enrolment in its data directory.
std::string enrolment_path(const std::string& data_dir);

// The enrolment kept in `data_dir` for `node_url`; nullopt when there is none,
// or it is for another node address. An error when the file exists but cannot
// be read or parsed (the message names it).
Result<std::optional<NodeEnrolment>> load_enrolment(const std::string& data_dir, const std::string& node_url);
Result<Done> save_enrolment(const std::string& data_dir, const NodeEnrolment& enrolment);
// Forgets it (after "device-revoked": the device must enrol again).
Result<Done> forget_enrolment(const std::string& data_dir);

// POST /devices/enrol with `code` (any certificate: the pin is not known yet),
// then GET /devices/me pinned to the answer's key: an error "wrong-server" when
// they differ. Error codes: the node's ("enrol-code-wrong", "enrol-code-expired",
// "enrol-code-used", "enrol-code-voided", "bad-field") or the transport's.
// Does not save: the caller saves on success.
Result<NodeEnrolment> enrol_device(const std::string& node_url, const std::string& code, const std::string& kind,
                                   const std::string& name);

// The client options for calls as this enrolled device.
StoreNodeClientOptions client_options(const NodeEnrolment& enrolment);

// "--store" checked: https://HOST:PORT without a trailing slash; an http://
// address or anything else is an InvalidArgument error saying what to write.
Result<std::string> checked_node_url(const std::string& url);

}  // namespace kiosk::remote
