// FontStack: the FreeType faces a receipt is drawn with, in fallback order:
// a Latin font first, then a CJK font, chosen per character.
#pragma once

#include <ft2build.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>
#include FT_FREETYPE_H

#include "printer/font_paths.h"

namespace kiosk::printer {

struct GlyphSource {
  FT_Face face;
  FT_UInt glyph_index;
};

class FontStack {
 public:
  // Opens every font of `paths`; on failure returns null and says why in `error`.
  static std::unique_ptr<FontStack> open(const FontPaths& paths, std::string& error);
  ~FontStack();
  FontStack(const FontStack&) = delete;
  FontStack& operator=(const FontStack&) = delete;

  void set_pixel_size(int pixels);
  // The first face that has a glyph for `code_point`, or nullopt when none has.
  std::optional<GlyphSource> find_glyph(char32_t code_point) const;
  // The first face's "missing glyph" box, drawn in place of a character no face has.
  GlyphSource missing_glyph_box() const { return {faces_.front(), 0}; }
  // Distance from the top of a line to the baseline and from the baseline to the
  // bottom, in pixels at the current size: the largest over all faces.
  int ascent() const;
  int descent() const;

 private:
  FontStack() = default;
  FT_Library library_ = nullptr;
  std::vector<FT_Face> faces_;
};

}  // namespace kiosk::printer
