// glReadPixels + stb_image_write (libstb already holds the implementation, so
// STB_IMAGE_WRITE_IMPLEMENTATION is not defined here).
#include "ui/screenshot.h"

#include <GL/gl.h>
#include <stb/stb_image_write.h>

#include <cstring>
#include <vector>

#include "ui/ui_log.h"

namespace kiosk::ui {

bool write_back_buffer_png(const std::string& path, int width, int height) {
  if (width <= 0 || height <= 0) {
    log_warning("screenshot %s: empty framebuffer %dx%d", path.c_str(), width, height);
    return false;
  }
  const std::size_t row_bytes = static_cast<std::size_t>(width) * 3;
  std::vector<unsigned char> bottom_up(row_bytes * height);
  while (glGetError() != GL_NO_ERROR) {
  }  // earlier errors are not ours to report
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, bottom_up.data());
  if (const GLenum error = glGetError(); error != GL_NO_ERROR) {
    log_warning("screenshot %s: glReadPixels failed (GL error 0x%04X)", path.c_str(), error);
    return false;
  }
  std::vector<unsigned char> top_down(bottom_up.size());
  for (int row = 0; row < height; ++row) {
    std::memcpy(&top_down[row * row_bytes], &bottom_up[(height - 1 - row) * row_bytes], row_bytes);
  }
  if (stbi_write_png(path.c_str(), width, height, 3, top_down.data(), static_cast<int>(row_bytes)) == 0) {
    log_warning("screenshot %s: cannot write the PNG file", path.c_str());
    return false;
  }
  return true;
}

}  // namespace kiosk::ui
