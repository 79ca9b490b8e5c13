// Inflates a gzip body (RFC 1952), as the tests' scripted HQ reads what a
// device's sync round sent; throws std::runtime_error on a body that does not
// inflate to its end.
#pragma once

#include <string>

namespace kiosk::test {

std::string gunzip(const std::string& gz);

}  // namespace kiosk::test
