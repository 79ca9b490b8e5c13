// program_version: the one place KIOSK_VERSION (set by shared/CMakeLists.txt) is read.
#include "core/program_version.h"

#ifndef KIOSK_VERSION
#error "KIOSK_VERSION must be the project's version"
#endif

namespace kiosk {

const char* program_version() { return KIOSK_VERSION; }

}  // namespace kiosk
