// The version of this program (the CMake project's), for kioskctl status and
// the health report a store sends HQ with each sync.
#pragma once

namespace kiosk {

// "0.1.0"
const char* program_version();

}  // namespace kiosk
