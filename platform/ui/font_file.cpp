// Reading a font face and querying its cmap with stb_truetype (the same
// library ImGui's atlas builder uses, so "has a glyph" means the same thing).
#include "ui/font_file.h"

#include <fstream>
#include <iterator>
#include <stdexcept>

namespace kiosk::ui {

FontFile::FontFile(std::string path, int face_index) : path_(std::move(path)), face_index_(face_index) {
  std::ifstream in(path_, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read font file " + path_);
  bytes_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  const int offset = stbtt_GetFontOffsetForIndex(bytes_.data(), face_index_);
  if (bytes_.empty() || offset < 0 || stbtt_InitFont(&info_, bytes_.data(), offset) == 0) {
    throw std::runtime_error("not a usable font (face " + std::to_string(face_index_) + "): " + path_);
  }
}

bool FontFile::has_glyph(char32_t code_point) const {
  return stbtt_FindGlyphIndex(&info_, static_cast<int>(code_point)) != 0;
}

}  // namespace kiosk::ui
