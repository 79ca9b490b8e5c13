// The signature's strokes, their inputs, the "enough ink" rule and the
// raster (see signature_ink.h).
#include "kit/signature_ink.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

#include "printer/png_preview.h"

namespace kiosk::kit {
namespace {

float distance(InkPoint a, InkPoint b) { return std::hypot(a.x - b.x, a.y - b.y); }

std::size_t point_count(const SignatureInk& ink) {
  std::size_t count = 0;
  for (const InkStroke& stroke : ink.strokes) count += stroke.size();
  return count;
}

// Adds `at` to the stroke being drawn unless it is too close to its last
// point or the pad is full.
bool extend(SignatureInk& ink, InkPoint at) {
  if (!ink.drawing || ink.strokes.empty()) return false;
  InkStroke& stroke = ink.strokes.back();
  if (!stroke.empty() && distance(stroke.back(), at) < kMinInkStepEm) return false;
  if (point_count(ink) >= kMaxInkPoints) return false;
  stroke.push_back(at);
  return true;
}

struct Bounds {
  float min_x = std::numeric_limits<float>::max();
  float min_y = std::numeric_limits<float>::max();
  float max_x = std::numeric_limits<float>::lowest();
  float max_y = std::numeric_limits<float>::lowest();
  bool empty() const { return min_x > max_x; }
};

Bounds bounds_of(const std::vector<InkStroke>& strokes) {
  Bounds b;
  for (const InkStroke& stroke : strokes) {
    for (InkPoint p : stroke) {
      b.min_x = std::min(b.min_x, p.x);
      b.min_y = std::min(b.min_y, p.y);
      b.max_x = std::max(b.max_x, p.x);
      b.max_y = std::max(b.max_y, p.y);
    }
  }
  return b;
}

// The pen: every dot within pen_px / 2 of the centre (a 5 px pen is a 5x5
// square less its corners).
class Pen {
 public:
  explicit Pen(int pen_px) {
    const float radius = static_cast<float>(pen_px) / 2;
    const int reach = static_cast<int>(std::floor(radius));
    for (int dy = -reach; dy <= reach; ++dy) {
      for (int dx = -reach; dx <= reach; ++dx) {
        if (static_cast<float>(dx * dx + dy * dy) <= radius * radius) offsets_.push_back({dx, dy});
      }
    }
  }

  void stamp(printer::MonoBitmap& image, int x, int y) const {
    for (const Offset& o : offsets_) {
      const int px = x + o.dx;
      const int py = y + o.dy;
      if (px >= 0 && py >= 0 && px < image.width() && py < image.height()) image.set_black(px, py);
    }
  }

  // Bresenham from (x0, y0) to (x1, y1), the pen stamped at every step:
  // consecutive steps are at most one dot apart, so the line has no gap.
  void line(printer::MonoBitmap& image, int x0, int y0, int x1, int y1) const {
    const int dx = std::abs(x1 - x0);
    const int dy = -std::abs(y1 - y0);
    const int step_x = x0 < x1 ? 1 : -1;
    const int step_y = y0 < y1 ? 1 : -1;
    int error = dx + dy;
    for (;;) {
      stamp(image, x0, y0);
      if (x0 == x1 && y0 == y1) return;
      const int twice = 2 * error;
      if (twice >= dy) {
        error += dy;
        x0 += step_x;
      }
      if (twice <= dx) {
        error += dx;
        y0 += step_y;
      }
    }
  }

 private:
  struct Offset {
    int dx;
    int dy;
  };
  std::vector<Offset> offsets_;
};

}  // namespace

// [SECTION] Inputs

bool apply_signature_input(SignatureInk& ink, const SignatureInput& input) {
  if (const auto* down = std::get_if<PenDown>(&input)) {
    if (point_count(ink) >= kMaxInkPoints) {
      ink.drawing = false;
      return false;
    }
    ink.strokes.push_back(InkStroke{down->at});
    ink.drawing = true;
    return true;
  }
  if (const auto* move = std::get_if<PenMove>(&input)) return extend(ink, move->at);
  if (const auto* up = std::get_if<PenUp>(&input)) {
    const bool changed = extend(ink, up->at);
    ink.drawing = false;
    return changed;
  }
  assert(std::holds_alternative<ClearSignature>(input) && "apply_signature_input: an input not handled");
  const bool changed = !ink.strokes.empty();
  ink = SignatureInk{};
  return changed;
}

// [SECTION] Enough ink

float ink_length_em(const std::vector<InkStroke>& strokes) {
  float length = 0;
  for (const InkStroke& stroke : strokes) {
    for (std::size_t i = 1; i < stroke.size(); ++i) length += distance(stroke[i - 1], stroke[i]);
  }
  return length;
}

bool looks_signed(const std::vector<InkStroke>& strokes) {
  const Bounds b = bounds_of(strokes);
  if (b.empty()) return false;
  const float extent = std::max(b.max_x - b.min_x, b.max_y - b.min_y);
  return extent >= kMinSignedExtentEm && ink_length_em(strokes) >= kMinSignedLengthEm;
}

// [SECTION] Raster

printer::MonoBitmap rasterize_signature(const std::vector<InkStroke>& strokes, const SignatureRaster& raster) {
  assert(raster.width > 0 && raster.height > 0 && raster.pen_px > 0 && raster.max_px_per_em > 0 &&
         "rasterize_signature: a raster needs a size, a pen and a scale");
  printer::MonoBitmap image(raster.width, raster.height);
  const Bounds b = bounds_of(strokes);
  if (b.empty()) return image;
  // The pen's centre stays half a pen (and half a dot for rounding) inside
  // the margin, so no dot of ink falls into it.
  const float inset = static_cast<float>(raster.margin + raster.pen_px / 2 + 1);
  const float room_x = std::max(0.0f, static_cast<float>(raster.width) - 2 * inset);
  const float room_y = std::max(0.0f, static_cast<float>(raster.height) - 2 * inset);
  const float ink_w = b.max_x - b.min_x;
  const float ink_h = b.max_y - b.min_y;
  float scale = raster.max_px_per_em;
  if (ink_w > 0) scale = std::min(scale, room_x / ink_w);
  if (ink_h > 0) scale = std::min(scale, room_y / ink_h);
  const float origin_x = static_cast<float>(raster.width) / 2 - scale * (b.min_x + b.max_x) / 2;
  const float origin_y = static_cast<float>(raster.height) / 2 - scale * (b.min_y + b.max_y) / 2;
  auto dot_x = [&](InkPoint p) { return static_cast<int>(std::lround(origin_x + scale * p.x)); };
  auto dot_y = [&](InkPoint p) { return static_cast<int>(std::lround(origin_y + scale * p.y)); };

  const Pen pen(raster.pen_px);
  for (const InkStroke& stroke : strokes) {
    if (stroke.empty()) continue;
    if (stroke.size() == 1) pen.stamp(image, dot_x(stroke[0]), dot_y(stroke[0]));
    for (std::size_t i = 1; i < stroke.size(); ++i)
      pen.line(image, dot_x(stroke[i - 1]), dot_y(stroke[i - 1]), dot_x(stroke[i]), dot_y(stroke[i]));
  }
  return image;
}

std::vector<std::uint8_t> signature_png(const std::vector<InkStroke>& strokes, const SignatureRaster& raster) {
  return printer::encode_png(rasterize_signature(strokes, raster));
}

}  // namespace kiosk::kit
