// gzip (RFC 1952) of a request body, as the sync client sends its uploads.
#pragma once

#include <string>
#include <string_view>

namespace kiosk {

// The gzip form of `data` (zlib, fastest level: JSON records still shrink ~6x).
std::string gzip_compress(std::string_view data);

}  // namespace kiosk
