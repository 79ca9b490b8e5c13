// Transport failures of the HTTP client as Result errors: a plain English
// message naming the URL and the cause, and a stable code a caller can tell
// apart ("connection-refused", "timeout", "dns", "response-too-large",
// "transport"; "bad-url" for a URL curl will not take).
#pragma once

#include <string>

#include "core/result.h"

namespace kiosk::http {

// ErrorKind::Unavailable, with the code saying which failure it was.
Error network_error(std::string message, std::string code);

// The error for a failed curl transfer; `curl_code` is a CURLcode,
// `curl_detail` curl's error buffer (may be empty).
Error transfer_error(int curl_code, const std::string& url, const std::string& curl_detail);

}  // namespace kiosk::http
