// Random identifiers for records that will travel between devices (UUID v4).
#pragma once

#include <string>

namespace kiosk {

// A random RFC 4122 version-4 UUID in its 36-character text form.
std::string new_uuid();

}  // namespace kiosk
