// MonoBitmap: dot access and composition of packed 1-bit rows.
#include "printer/mono_bitmap.h"

#include <algorithm>
#include <cassert>

namespace kiosk::printer {

namespace {
std::uint8_t dot_mask(int x) { return static_cast<std::uint8_t>(0x80u >> (x % 8)); }
}  // namespace

MonoBitmap::MonoBitmap(int width, int height) : width_(width), height_(height) {
  assert(width >= 0 && height >= 0 && "MonoBitmap: negative size");
  packed_.assign(static_cast<std::size_t>(bytes_per_row()) * static_cast<std::size_t>(height), 0);
}

bool MonoBitmap::is_black(int x, int y) const {
  assert(x >= 0 && x < width_ && y >= 0 && y < height_ && "MonoBitmap::is_black outside the bitmap");
  return (row(y)[x / 8] & dot_mask(x)) != 0;
}

void MonoBitmap::set_black(int x, int y) {
  assert(x >= 0 && x < width_ && y >= 0 && y < height_ && "MonoBitmap::set_black outside the bitmap");
  row(y)[x / 8] |= dot_mask(x);
}

void MonoBitmap::fill_rect(int x, int y, int width, int height) {
  const int x_end = std::min(width_, x + width);
  const int y_end = std::min(height_, y + height);
  for (int dy = std::max(0, y); dy < y_end; ++dy) {
    for (int dx = std::max(0, x); dx < x_end; ++dx) set_black(dx, dy);
  }
}

void MonoBitmap::draw(const MonoBitmap& source, int x, int y) {
  for (int sy = 0; sy < source.height(); ++sy) {
    const int ty = y + sy;
    if (ty < 0 || ty >= height_) continue;
    for (int sx = 0; sx < source.width(); ++sx) {
      const int tx = x + sx;
      if (tx >= 0 && tx < width_ && source.is_black(sx, sy)) set_black(tx, ty);
    }
  }
}

void MonoBitmap::append_below(const MonoBitmap& other) {
  assert(other.width_ == width_ && "MonoBitmap::append_below with a different width");
  packed_.insert(packed_.end(), other.packed_.begin(), other.packed_.end());
  height_ += other.height_;
}

void MonoBitmap::append_white_rows(int count) {
  assert(count >= 0 && "MonoBitmap::append_white_rows with a negative count");
  packed_.resize(packed_.size() + static_cast<std::size_t>(bytes_per_row()) * static_cast<std::size_t>(count), 0);
  height_ += count;
}

}  // namespace kiosk::printer
