// The customer's signature without any UI (kit/signature_ink.h): what the
// pad's inputs do to the strokes, which ink counts as signed, and the image:
// lines where the strokes are and nowhere else, without gaps, fitted to the
// fixed output size, and a PNG of a few KiB that decodes to it.
#include <doctest/doctest.h>
#include <stb/stb_image.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "kit/signature_ink.h"
#include "signature_samples.h"

using namespace kiosk;
using namespace kiosk::kit;

namespace {

const SignatureRaster kRaster;  // the PNG's size and pen

struct Dot {
  int x;
  int y;
};

std::vector<Dot> black_dots(const printer::MonoBitmap& image) {
  std::vector<Dot> dots;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x)
      if (image.is_black(x, y)) dots.push_back({x, y});
  return dots;
}

// Groups of black dots touching side by side or corner to corner.
int connected_parts(const printer::MonoBitmap& image) {
  std::vector<char> seen(static_cast<std::size_t>(image.width() * image.height()), 0);
  auto index = [&](int x, int y) { return static_cast<std::size_t>(y * image.width() + x); };
  int parts = 0;
  for (const Dot& start : black_dots(image)) {
    if (seen[index(start.x, start.y)]) continue;
    ++parts;
    std::vector<Dot> todo{start};
    seen[index(start.x, start.y)] = 1;
    while (!todo.empty()) {
      const Dot d = todo.back();
      todo.pop_back();
      for (int dy = -1; dy <= 1; ++dy) {
        for (int dx = -1; dx <= 1; ++dx) {
          const int x = d.x + dx, y = d.y + dy;
          if (x < 0 || y < 0 || x >= image.width() || y >= image.height()) continue;
          if (seen[index(x, y)] || !image.is_black(x, y)) continue;
          seen[index(x, y)] = 1;
          todo.push_back({x, y});
        }
      }
    }
  }
  return parts;
}

// Distance from (x, y) to the segment a-b.
double to_segment(double x, double y, double ax, double ay, double bx, double by) {
  const double vx = bx - ax, vy = by - ay;
  const double t = std::clamp(((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy), 0.0, 1.0);
  return std::hypot(x - (ax + t * vx), y - (ay + t * vy));
}

SignatureInk drawn(const std::vector<std::vector<InkPoint>>& strokes) {
  SignatureInk ink;
  for (const std::vector<InkPoint>& stroke : strokes) test::apply_all(ink, test::pen_inputs(stroke));
  return ink;
}

}  // namespace

// [SECTION] The pad's inputs

TEST_CASE("down, moves and up make a stroke; jitter, stray moves and lifts add nothing; clear empties") {
  SignatureInk ink;
  CHECK_FALSE(apply_signature_input(ink, PenMove{{1, 1}}));  // no finger down: nothing
  CHECK_FALSE(apply_signature_input(ink, PenUp{{1, 1}}));
  CHECK(ink.strokes.empty());

  CHECK(apply_signature_input(ink, PenDown{{1, 1}}));
  CHECK(ink.drawing);
  CHECK_FALSE(apply_signature_input(ink, PenMove{{1.05f, 1.05f}}));  // under kMinInkStepEm: a resting finger
  CHECK(apply_signature_input(ink, PenMove{{2, 1}}));
  CHECK(apply_signature_input(ink, PenUp{{3, 2}}));
  CHECK_FALSE(ink.drawing);
  REQUIRE(ink.strokes.size() == 1);
  CHECK(ink.strokes[0].size() == 3);
  CHECK(ink.strokes[0][2].x == 3.0f);
  CHECK_FALSE(apply_signature_input(ink, PenMove{{5, 5}}));  // lifted: a move draws nothing

  CHECK(apply_signature_input(ink, PenDown{{6, 2}}));
  CHECK(apply_signature_input(ink, PenUp{{6, 2}}) == false);  // a tap: a one-point stroke (a dot)
  CHECK(ink.strokes.size() == 2);
  CHECK(ink.strokes[1].size() == 1);

  CHECK(apply_signature_input(ink, ClearSignature{}));
  CHECK(ink.strokes.empty());
  CHECK_FALSE(ink.drawing);
  CHECK_FALSE(apply_signature_input(ink, ClearSignature{}));  // already empty
}

TEST_CASE("a pad holds at most kMaxInkPoints points, whatever a finger does") {
  SignatureInk ink;
  apply_signature_input(ink, PenDown{{0, 0}});
  for (std::size_t i = 0; i < kMaxInkPoints + 500; ++i)
    apply_signature_input(ink, PenMove{{static_cast<float>(i % 2) * 5, static_cast<float>(i) * 0.001f}});
  CHECK(ink.strokes[0].size() == kMaxInkPoints);
  apply_signature_input(ink, PenUp{{9, 9}});
  CHECK_FALSE(apply_signature_input(ink, PenDown{{3, 3}}));  // no new stroke either
  CHECK(ink.strokes.size() == 1);
  CHECK(apply_signature_input(ink, ClearSignature{}));
  CHECK(apply_signature_input(ink, PenDown{{3, 3}}));  // cleared: room again
}

// [SECTION] Enough ink

TEST_CASE("looks_signed refuses an empty pad, a tap, a resting finger and a flick; takes an initial and a signature") {
  CHECK_FALSE(looks_signed({}));
  CHECK_FALSE(looks_signed(drawn({{{10, 5}}}).strokes));  // a tap
  std::vector<InkPoint> resting;                          // a finger left on the pad, wobbling for 5 s
  for (int i = 0; i < 300; ++i)
    resting.push_back({10 + 0.3f * static_cast<float>(i % 3), 5 + 0.3f * static_cast<float>((i / 3) % 2)});
  const SignatureInk rest = drawn({resting});
  CHECK(ink_length_em(rest.strokes) > kMinSignedLengthEm);                      // much line...
  CHECK_FALSE(looks_signed(rest.strokes));                                      // ...in one spot
  CHECK_FALSE(looks_signed(drawn({{{10, 5}, {11.2f, 5.3f}}}).strokes));         // a short flick
  CHECK_FALSE(looks_signed(drawn({{{10, 5}}, {{14, 5}}, {{18, 5}}}).strokes));  // three taps far apart

  CHECK(looks_signed(drawn({{{10, 3}, {10, 5.5f}, {12.5f, 5.5f}}}).strokes));  // "L": 5 em of line
  const SignatureInk signature = test::sample_signature();
  CHECK(looks_signed(signature.strokes));
  CHECK(ink_length_em(signature.strokes) > 40.0f);
}

// [SECTION] The image

TEST_CASE("a straight line is ink along it and nowhere far from it") {
  SUBCASE("horizontal: across the image at mid-height") {
    const printer::MonoBitmap image = rasterize_signature(drawn({{{2, 5}, {30, 5}}}).strokes);
    REQUIRE(image.width() == kRaster.width);
    REQUIRE(image.height() == kRaster.height);
    const int mid = kRaster.height / 2;
    const int inset = kRaster.margin + kRaster.pen_px / 2;
    for (int x = inset + 1; x < kRaster.width - inset - 1; ++x) CHECK(image.is_black(x, mid));
    for (const Dot& d : black_dots(image)) {
      CHECK(std::abs(d.y - mid) <= kRaster.pen_px / 2);
      CHECK(d.x >= kRaster.margin);
      CHECK(d.x < kRaster.width - kRaster.margin);
    }
  }
  SUBCASE("diagonal: along the segment its bounding box is fitted to, within the pen") {
    // A 10 x 10 em box fitted into the 576 x 192 image less the margin and
    // half a pen each side (170 px high): 17 px/em, centred on (288, 96).
    const printer::MonoBitmap image = rasterize_signature(drawn({{{3, 1}, {13, 11}}}).strokes);
    const double half = (kRaster.height - 2 * (kRaster.margin + kRaster.pen_px / 2 + 1)) / 2.0;
    const double ax = kRaster.width / 2.0 - half, ay = kRaster.height / 2.0 - half;
    const double bx = kRaster.width / 2.0 + half, by = kRaster.height / 2.0 + half;
    for (double t = 0; t <= 1.0; t += 0.002)
      CHECK(image.is_black(static_cast<int>(std::lround(ax + t * (bx - ax))),
                           static_cast<int>(std::lround(ay + t * (by - ay)))));
    const std::vector<Dot> dots = black_dots(image);
    CHECK(dots.size() > 500);
    int far = 0;
    for (const Dot& d : dots)
      if (to_segment(d.x, d.y, ax, ay, bx, by) > kRaster.pen_px / 2.0 + 1.0) ++far;
    CHECK(far == 0);
  }
}

TEST_CASE("two points far apart are joined without a gap; separate strokes stay apart") {
  const printer::MonoBitmap joined = rasterize_signature(drawn({{{0, 0}, {40, 3}}}).strokes);
  CHECK(connected_parts(joined) == 1);
  // Every column from one end to the other has ink.
  int first = kRaster.width, last = -1;
  for (const Dot& d : black_dots(joined)) {
    first = std::min(first, d.x);
    last = std::max(last, d.x);
  }
  CHECK(first >= kRaster.margin);  // from margin to margin
  CHECK(first <= kRaster.margin + 1);
  CHECK(last <= kRaster.width - kRaster.margin - 1);
  CHECK(last >= kRaster.width - kRaster.margin - 2);
  for (int x = first; x <= last; ++x) {
    bool ink = false;
    for (int y = 0; y < joined.height() && !ink; ++y) ink = joined.is_black(x, y);
    CHECK(ink);
  }
  // Steep too: one dot apart vertically at every step.
  CHECK(connected_parts(rasterize_signature(drawn({{{5, 0}, {6, 9}}}).strokes)) == 1);

  const printer::MonoBitmap apart = rasterize_signature(drawn({{{0, 0}, {10, 0}}, {{20, 0}, {30, 0}}}).strokes);
  CHECK(connected_parts(apart) == 2);
}

TEST_CASE("a dot is one round pen; no strokes is a white image") {
  const printer::MonoBitmap dot = rasterize_signature(drawn({{{7, 7}}}).strokes);
  const std::vector<Dot> dots = black_dots(dot);
  CHECK(dots.size() == 21);  // a 5 px pen: 5 x 5 less the four corners
  for (const Dot& d : dots) CHECK(std::hypot(d.x - kRaster.width / 2, d.y - kRaster.height / 2) <= 2.5);
  CHECK(black_dots(rasterize_signature({})).empty());
}

TEST_CASE("where on the pad it was signed does not matter; a small signature is not blown up") {
  const SignatureInk signature = test::sample_signature();
  std::vector<InkStroke> moved = signature.strokes;
  for (InkStroke& stroke : moved)
    for (InkPoint& p : stroke) p = {p.x + 6.0f, p.y + 2.5f};
  const printer::MonoBitmap here = rasterize_signature(signature.strokes);
  const printer::MonoBitmap there = rasterize_signature(moved);
  int differ = 0;  // a dot where float rounding lands a point half a dot the other way, at most
  for (int y = 0; y < here.height(); ++y)
    for (int x = 0; x < here.width(); ++x) differ += here.is_black(x, y) != there.is_black(x, y);
  CHECK(differ <= 20);
  CHECK(black_dots(here).size() > 2000);

  // 1 em across: at most max_px_per_em (48) px wide, centred, not 560.
  const std::vector<Dot> small = black_dots(rasterize_signature(drawn({{{4, 4}, {5, 4}}}).strokes));
  int first = kRaster.width, last = -1;
  for (const Dot& d : small) {
    first = std::min(first, d.x);
    last = std::max(last, d.x);
  }
  CHECK(last - first + 1 == 48 + kRaster.pen_px);
  CHECK((first + last) / 2 == kRaster.width / 2);
}

TEST_CASE("the signature PNG decodes to the 576 x 192 image, a few KiB for a real signature") {
  const SignatureInk signature = test::sample_signature();
  std::size_t points = 0;
  for (const InkStroke& stroke : signature.strokes) points += stroke.size();
  CHECK(points >= 300);
  const std::vector<std::uint8_t> png = signature_png(signature.strokes);
  REQUIRE(png.size() > 33);
  // The PNG signature, then IHDR: width and height big-endian.
  const std::vector<std::uint8_t> magic{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  CHECK(std::vector<std::uint8_t>(png.begin(), png.begin() + 8) == magic);
  CHECK(std::string(png.begin() + 12, png.begin() + 16) == "IHDR");
  CHECK(((png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19]) == 576);
  CHECK(((png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23]) == 192);

  int width = 0, height = 0, channels = 0;
  unsigned char* pixels =
      stbi_load_from_memory(png.data(), static_cast<int>(png.size()), &width, &height, &channels, 1);
  REQUIRE(pixels);
  const printer::MonoBitmap image = rasterize_signature(signature.strokes);
  REQUIRE(width == image.width());
  REQUIRE(height == image.height());
  int wrong = 0, black = 0;
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const unsigned char pixel = pixels[y * width + x];
      if (pixel != (image.is_black(x, y) ? 0 : 255)) ++wrong;
      if (pixel == 0) ++black;
    }
  }
  stbi_image_free(pixels);
  CHECK(wrong == 0);
  CHECK(black > 2000);
  std::printf("[signature] %zu points in %zu strokes, %.1f em of line: PNG %zu bytes\n", points,
              signature.strokes.size(), static_cast<double>(ink_length_em(signature.strokes)), png.size());
  CHECK(png.size() < 8 * 1024);  // aim: a few KiB
}

TEST_CASE("the busiest ink the pad takes stays under the 64 KiB upload limit") {
  // Of scribbles, long random lines, random walks and scattered dots or
  // dashes tried, 2000 short dashes all over the pad made the largest PNG
  // (15 KiB against 2 KiB for a pad blackened by a random walk): the most
  // edges for the encoder at the pen's 5 px grain.
  SignatureInk ink;
  std::uint32_t state = 7;
  auto random_em = [&](float range) {
    state = state * 1664525u + 1013904223u;
    return static_cast<float>(state >> 8) / 16777216.0f * range;
  };
  for (int i = 0; i < 2000; ++i) {
    const InkPoint at{random_em(43), random_em(11)};
    apply_signature_input(ink, PenDown{at});
    apply_signature_input(ink, PenUp{{at.x + random_em(0.6f) - 0.3f, at.y + random_em(0.6f) - 0.3f}});
  }
  CHECK(looks_signed(ink.strokes));  // so it would be uploaded
  const std::vector<std::uint8_t> png = signature_png(ink.strokes);
  std::printf("[signature] 2000 dashes all over the pad: PNG %zu bytes\n", png.size());
  CHECK(png.size() > 8 * 1024);    // far busier than a signature...
  CHECK(png.size() <= 64 * 1024);  // ...and still within the limit
}
