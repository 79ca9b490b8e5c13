// FontStack: opening fonts with FreeType and picking a face per character.
#include "printer/font_stack.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

namespace kiosk::printer {

namespace {

int ceil_26_6(FT_Pos value) { return static_cast<int>((value + 63) >> 6); }

std::string freetype_error_text(FT_Error error) {
  const char* text = FT_Error_String(error);
  return text ? std::string(text) : "FreeType error " + std::to_string(error);
}

}  // namespace

std::unique_ptr<FontStack> FontStack::open(const FontPaths& paths, std::string& error) {
  std::unique_ptr<FontStack> stack(new FontStack());
  if (FT_Error status = FT_Init_FreeType(&stack->library_)) {
    error = "cannot start FreeType: " + freetype_error_text(status);
    return nullptr;
  }
  for (const std::string* path : {&paths.latin, &paths.cjk}) {
    struct stat info {};
    if (::stat(path->c_str(), &info) != 0) {
      error = "cannot open font " + *path + ": " + std::generic_category().message(errno);
      return nullptr;
    }
    FT_Face face = nullptr;
    if (FT_Error status = FT_New_Face(stack->library_, path->c_str(), 0, &face)) {
      error = "cannot load font " + *path + ": " + freetype_error_text(status);
      return nullptr;
    }
    stack->faces_.push_back(face);
  }
  return stack;
}

FontStack::~FontStack() {
  for (FT_Face face : faces_) FT_Done_Face(face);
  if (library_) FT_Done_FreeType(library_);
}

void FontStack::set_pixel_size(int pixels) {
  for (FT_Face face : faces_) FT_Set_Pixel_Sizes(face, 0, static_cast<FT_UInt>(pixels));
}

std::optional<GlyphSource> FontStack::find_glyph(char32_t code_point) const {
  for (FT_Face face : faces_) {
    if (FT_UInt index = FT_Get_Char_Index(face, code_point)) return GlyphSource{face, index};
  }
  return std::nullopt;
}

int FontStack::ascent() const {
  int ascent = 0;
  for (FT_Face face : faces_) ascent = std::max(ascent, ceil_26_6(face->size->metrics.ascender));
  return ascent;
}

int FontStack::descent() const {
  int descent = 0;
  for (FT_Face face : faces_) descent = std::max(descent, ceil_26_6(-face->size->metrics.descender));
  return descent;
}

}  // namespace kiosk::printer
