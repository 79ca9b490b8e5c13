// Request codes: what a customer reads off the receipt and types to check a
// request. "R" then 3 + 3 characters of the unambiguous alphabet (no 0/O,
// 1/I/L) drawn from the kernel's CSPRNG: "R7K2-9QX", 31^6 (about 887 million)
// codes, so a store's codes stay sparse; uniqueness per store is checked on
// insert (the request book) and enforced by a UNIQUE column.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace kiosk {

// A fresh random code, "RXXX-XXX".
std::string new_request_code();

// Where codes come from: new_request_code, or a fixed sequence in tests.
using RequestCodeSource = std::function<std::string()>;

// The code as stored ("R7K2-9QX") from what a person typed: case, spaces and
// the dash do not matter. nullopt when it cannot be a request code.
std::optional<std::string> normalize_request_code(const std::string& typed);

}  // namespace kiosk
