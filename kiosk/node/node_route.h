// What an endpoint of the store node's API is, for the files that add groups
// of endpoints (request_routes.h...) to StoreNodeServer: the request's
// context (this handler thread's store, the HTTP request with its path
// matches, the device that called, the staff session where one is required), the endpoint as a
// function answering JSON or a domain error, and the call that adds one.
#pragma once

#include <httplib.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/result.h"
#include "staff/device_book.h"
#include "staff/staff_book.h"
#include "store/store_db.h"

namespace kiosk::node {

struct RouteContext {
  StoreDb& store;
  const httplib::Request& req;
  std::optional<EnrolledDevice> device;  // set for RouteAuth::Device and Staff
  std::optional<StaffSession> session;   // set for RouteAuth::Staff
};

using RouteEndpoint = std::function<Result<nlohmann::ordered_json>(RouteContext&)>;

// Open: anyone (enrolment, health); Device: an enrolled device
// (X-Device-Token); Staff: an enrolled device and a staff session.
enum class RouteAuth { Open, Device, Staff };

// Adds `endpoint` at METHOD ("GET", "POST") and a path regex; errors (also a
// thrown BadRequest) become JSON error answers (api_error.h).
using AddRoute =
    std::function<void(const std::string& method, const std::string& pattern, RouteAuth auth, RouteEndpoint endpoint)>;

}  // namespace kiosk::node
