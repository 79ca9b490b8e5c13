// Parsing --listen moved to shared/codec/api_json.cpp (shared with hq); this
// file stays empty until kiosk/CMakeLists.txt drops it.
#include "node/listen_address.h"
