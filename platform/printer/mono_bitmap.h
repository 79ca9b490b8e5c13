// MonoBitmap: a 1-bit image packed the way ESC/POS raster commands carry it:
// rows top to bottom, 8 dots per byte, most significant bit leftmost, 1 = black.
#pragma once

#include <cstdint>
#include <vector>

namespace kiosk::printer {

class MonoBitmap {
 public:
  MonoBitmap() = default;
  MonoBitmap(int width, int height);  // all white

  int width() const { return width_; }
  int height() const { return height_; }
  int bytes_per_row() const { return (width_ + 7) / 8; }
  const std::uint8_t* row(int y) const { return packed_.data() + static_cast<std::size_t>(y) * bytes_per_row(); }
  std::uint8_t* row(int y) { return packed_.data() + static_cast<std::size_t>(y) * bytes_per_row(); }

  bool is_black(int x, int y) const;
  void set_black(int x, int y);
  // Blackens the part of the rectangle that lies inside the bitmap.
  void fill_rect(int x, int y, int width, int height);
  // Blackens the dots of `source` that are black, placed with its top-left at (x, y); clipped.
  void draw(const MonoBitmap& source, int x, int y);
  // Adds `other` (of the same width) under this one.
  void append_below(const MonoBitmap& other);
  void append_white_rows(int count);

  bool operator==(const MonoBitmap&) const = default;

 private:
  int width_ = 0;
  int height_ = 0;
  std::vector<std::uint8_t> packed_;
};

}  // namespace kiosk::printer
