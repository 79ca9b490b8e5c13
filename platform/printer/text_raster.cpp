// Text lines: glyph lookup with fallback, greedy wrapping (at spaces, or
// between CJK characters, or anywhere when a word is wider than the paper),
// alignment, and 1-bit glyph rendering.
#include "printer/text_raster.h"

#include <algorithm>
#include <cassert>

#include FT_SYNTHESIS_H

#include "core/text.h"

namespace kiosk::printer {

namespace {

// [SECTION] Glyphs

struct Glyph {
  char32_t code_point;
  MonoBitmap image;
  int left;     // from the pen position to the image's left edge
  int top;      // from the baseline up to the image's top edge
  int advance;  // pen movement to the next glyph
};

MonoBitmap copy_mono_bitmap(const FT_Bitmap& source) {
  MonoBitmap image(static_cast<int>(source.width), static_cast<int>(source.rows));
  for (int y = 0; y < image.height(); ++y) {
    const unsigned char* row = source.buffer + static_cast<std::ptrdiff_t>(y) * source.pitch;
    for (int x = 0; x < image.width(); ++x) {
      if (row[x / 8] & (0x80 >> (x % 8))) image.set_black(x, y);
    }
  }
  return image;
}

// Nullopt when FreeType cannot load or render the glyph a face claims to have.
std::optional<Glyph> render_glyph(GlyphSource source, char32_t code_point, bool bold) {
  if (FT_Load_Glyph(source.face, source.glyph_index, FT_LOAD_TARGET_MONO | FT_LOAD_NO_BITMAP) != 0) return std::nullopt;
  FT_GlyphSlot slot = source.face->glyph;
  if (bold) FT_GlyphSlot_Embolden(slot);
  if (FT_Render_Glyph(slot, FT_RENDER_MODE_MONO) != 0 || slot->bitmap.pixel_mode != FT_PIXEL_MODE_MONO)
    return std::nullopt;
  return Glyph{code_point, copy_mono_bitmap(slot->bitmap), slot->bitmap_left, slot->bitmap_top,
               static_cast<int>((slot->advance.x + 32) >> 6)};
}

// [SECTION] Wrapping

bool is_space(char32_t c) { return c == U' ' || c == 0x3000; }
bool is_wide(char32_t c) { return c >= 0x2E80; }  // CJK and later blocks: a line may break around them

bool may_break_before(const std::vector<Glyph>& glyphs, std::size_t i) {
  const char32_t before = glyphs[i - 1].code_point;
  const char32_t here = glyphs[i].code_point;
  return is_space(before) || is_wide(before) || is_wide(here);
}

struct LineSpan {
  std::size_t begin;
  std::size_t end;
};

std::vector<LineSpan> wrap(const std::vector<Glyph>& glyphs, int width) {
  std::vector<LineSpan> lines;
  std::size_t begin = 0;
  while (begin < glyphs.size()) {
    int pen = 0;
    std::size_t end = begin;
    std::size_t last_break = begin;
    while (end < glyphs.size() && glyphs[end].code_point != U'\n') {
      if (end > begin && may_break_before(glyphs, end)) last_break = end;
      if (pen + glyphs[end].advance > width && end > begin && !is_space(glyphs[end].code_point)) break;
      pen += glyphs[end].advance;
      ++end;
    }
    const bool overflowed = end < glyphs.size() && glyphs[end].code_point != U'\n';
    if (overflowed && last_break > begin) end = last_break;
    lines.push_back({begin, end});
    begin = end;
    if (begin < glyphs.size() && glyphs[begin].code_point == U'\n') ++begin;
    while (overflowed && begin < glyphs.size() && is_space(glyphs[begin].code_point)) ++begin;
  }
  if (lines.empty()) lines.push_back({0, 0});
  return lines;
}

void note_missing(std::vector<char32_t>& missing, char32_t code_point) {
  if (std::find(missing.begin(), missing.end(), code_point) == missing.end()) missing.push_back(code_point);
}

int inked_width(const std::vector<Glyph>& glyphs, LineSpan line) {
  std::size_t end = line.end;
  while (end > line.begin && is_space(glyphs[end - 1].code_point)) --end;
  int pen = 0;
  int right = 0;
  for (std::size_t i = line.begin; i < end; ++i) {
    right = std::max(right, pen + glyphs[i].left + glyphs[i].image.width());
    pen += glyphs[i].advance;
  }
  return std::max(pen, right);
}

}  // namespace

// [SECTION] Lines

int text_pixel_size(TextSize size) {
  switch (size) {
    case TextSize::Normal:
      return 24;
    case TextSize::Large:
      return 40;
    case TextSize::Huge:
      return 128;
  }
  assert(false && "text_pixel_size: unknown TextSize");
  return 24;
}

int text_line_height(FontStack& fonts, TextSize size) {
  fonts.set_pixel_size(text_pixel_size(size));
  return fonts.ascent() + fonts.descent();
}

RenderedText render_text_line(FontStack& fonts, const TextLine& line, int width_dots) {
  RenderedText rendered;
  fonts.set_pixel_size(text_pixel_size(line.size));
  std::vector<Glyph> glyphs;
  for (char32_t code_point : utf8_code_points(line.utf8)) {
    if (code_point == U'\n') {
      glyphs.push_back({code_point, {}, 0, 0, 0});
      continue;
    }
    std::optional<Glyph> glyph;
    if (std::optional<GlyphSource> source = fonts.find_glyph(code_point))
      glyph = render_glyph(*source, code_point, line.bold);
    if (!glyph) {
      note_missing(rendered.missing_characters, code_point);
      glyph = render_glyph(fonts.missing_glyph_box(), code_point, line.bold);
    }
    if (glyph) glyphs.push_back(std::move(*glyph));
  }

  const int ascent = fonts.ascent();
  const int line_height = ascent + fonts.descent();
  const std::vector<LineSpan> lines = wrap(glyphs, width_dots);
  rendered.bitmap = MonoBitmap(width_dots, line_height * static_cast<int>(lines.size()));
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const int baseline = static_cast<int>(n) * line_height + ascent;
    int pen = line.align == TextAlign::Center ? std::max(0, (width_dots - inked_width(glyphs, lines[n])) / 2) : 0;
    for (std::size_t i = lines[n].begin; i < lines[n].end; ++i) {
      rendered.bitmap.draw(glyphs[i].image, pen + glyphs[i].left, baseline - glyphs[i].top);
      pen += glyphs[i].advance;
    }
  }
  return rendered;
}

}  // namespace kiosk::printer
