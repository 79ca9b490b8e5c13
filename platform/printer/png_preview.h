// PNG preview of a printed image: the same dots, black on white, one PNG pixel
// per printer dot (stb_image_write from Debian's libstb).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "printer/mono_bitmap.h"

namespace kiosk::printer {

// The PNG file's bytes; empty if the encoder failed.
std::vector<std::uint8_t> encode_png(const MonoBitmap& image);

// Writes encode_png(image) to `path`; an error message, or empty on success.
std::string write_png(const MonoBitmap& image, const std::string& path);

}  // namespace kiosk::printer
