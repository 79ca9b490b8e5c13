// One font face read from disk: its bytes (handed to ImGui's atlas builder
// without copying) and its character map, to ask which characters it can draw.
#pragma once

#include <stb/stb_truetype.h>

#include <string>
#include <vector>

namespace kiosk::ui {

class FontFile {
 public:
  // Reads face `face_index` of a .ttf/.ttc file; throws std::runtime_error if
  // the file cannot be read or is not a font.
  FontFile(std::string path, int face_index);
  FontFile(const FontFile&) = delete;
  FontFile& operator=(const FontFile&) = delete;

  // True if the face's cmap maps `code_point` to a real glyph.
  bool has_glyph(char32_t code_point) const;

  const std::string& path() const { return path_; }
  int face_index() const { return face_index_; }
  // Mutable because ImFontAtlas takes `void*`; with FontDataOwnedByAtlas=false
  // it only reads the bytes.
  void* data() { return bytes_.data(); }
  int size() const { return static_cast<int>(bytes_.size()); }

 private:
  std::string path_;
  int face_index_;
  std::vector<unsigned char> bytes_;
  stbtt_fontinfo info_{};
};

}  // namespace kiosk::ui
