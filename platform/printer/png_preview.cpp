// PNG encoding through libstb, which already holds stb_image_write's
// implementation (so STB_IMAGE_WRITE_IMPLEMENTATION is not defined here).
#include "printer/png_preview.h"

#include <stb/stb_image_write.h>

#include "printer/fd_io.h"

namespace kiosk::printer {

namespace {
void append_to_vector(void* context, void* data, int size) {
  auto* out = static_cast<std::vector<std::uint8_t>*>(context);
  const auto* bytes = static_cast<const std::uint8_t*>(data);
  out->insert(out->end(), bytes, bytes + size);
}
}  // namespace

std::vector<std::uint8_t> encode_png(const MonoBitmap& image) {
  if (image.width() == 0 || image.height() == 0) return {};
  std::vector<std::uint8_t> gray(static_cast<std::size_t>(image.width()) * static_cast<std::size_t>(image.height()));
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      gray[static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width()) + static_cast<std::size_t>(x)] =
          image.is_black(x, y) ? 0 : 255;
    }
  }
  std::vector<std::uint8_t> png;
  if (!stbi_write_png_to_func(append_to_vector, &png, image.width(), image.height(), 1, gray.data(), image.width()))
    return {};
  return png;
}

std::string write_png(const MonoBitmap& image, const std::string& path) {
  const std::vector<std::uint8_t> png = encode_png(image);
  if (png.empty())
    return "cannot encode a " + std::to_string(image.width()) + "x" + std::to_string(image.height()) + " PNG";
  return write_whole_file(path, png).error;
}

}  // namespace kiosk::printer
