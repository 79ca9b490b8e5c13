// Writing what the GPU just drew to a PNG file (tests, bug reports).
#pragma once

#include <string>

namespace kiosk::ui {

// Reads the current GL context's back buffer (call after rendering, before the
// swap), flips it to top-down rows and writes it as an RGB PNG. Returns false,
// with a warning logged, if reading or writing fails.
bool write_back_buffer_png(const std::string& path, int width, int height);

}  // namespace kiosk::ui
