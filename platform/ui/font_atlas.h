// The ImGui font atlas built from the text the kiosk can show. ImGui 1.86 has
// no dynamic fonts, so a character not in the atlas draws as '?': the app
// hands every string it may show to add_text() (translations and catalogue up
// front, typed or downloaded text as it arrives) and the atlas is rebuilt
// between frames. DejaVu Sans draws Latin; WenQuanYi Micro Hei is merged in for
// CJK. Characters neither font can draw are logged once and listed.
#pragma once

#include <imgui.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "ui/font_file.h"

namespace kiosk::ui {

// body: running text; large: buttons and headings; huge: ticket numbers on the
// waiting-room display. body and large share one character set; huge has its
// own (add_text(..., FontRole::huge)) so its big glyphs stay few.
enum class FontRole { body, large, huge };

struct FontSizes {
  float body_px = 24;
  float large_px = 36;
  float huge_px = 96;
};

// Font sizes as fractions of the screen height, so one layout fits any screen;
// on a tall (portrait) screen the body em is capped so the screen is still at
// least `min_width_em` ems wide, and the other sizes shrink with it.
struct FontScale {
  float body = 1.0f / 22;
  float large = 1.0f / 14;
  float huge = 1.0f / 5;
  float min_width_em = 24;
};
FontSizes font_sizes_for_screen(float width_px, float height_px, const FontScale& scale = {});

struct FontFiles {
  std::string latin_path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  std::string cjk_path = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
  int cjk_face_index = 0;
};

// What a live GPU renderer offers the atlas: its texture size limit and a way
// to replace the font texture after a rebuild. The window provides one.
class FontTextureSink {
 public:
  virtual ~FontTextureSink() = default;
  virtual int max_texture_side() const = 0;
  virtual void upload_font_texture() = 0;
};

struct AtlasStats {
  int width = 0;
  int height = 0;
  int glyphs = 0;       // over all three sizes
  double build_ms = 0;  // last rebuild, including the RGBA conversion
  int builds = 0;
  std::size_t rgba_bytes() const { return static_cast<std::size_t>(width) * height * 4; }
};

class FontAtlas {
 public:
  // `atlas` is the ImGui context's io.Fonts and must outlive this object.
  // Throws std::runtime_error if a font file cannot be read.
  FontAtlas(ImFontAtlas& atlas, FontSizes sizes, const FontFiles& files = {});
  FontAtlas(const FontAtlas&) = delete;
  FontAtlas& operator=(const FontAtlas&) = delete;

  // Notes every character of `text` for `role` (body and large share a set).
  // Returns true if a character the fonts can draw is new, i.e. a rebuild is
  // needed before it draws properly. Cheap enough to call every frame.
  bool add_text(std::string_view text, FontRole role = FontRole::body);
  bool rebuild_needed() const { return rebuild_needed_; }

  // Rebuilds the ImGui atlas with every character noted so far; never inside a
  // frame. With a sink attached, checks the size against its limit and
  // re-uploads the texture. Throws std::runtime_error if the atlas is larger
  // than the texture limit (max_texture_side(), or the one set for tests).
  void rebuild();

  // Valid until the next rebuild(): fetch per frame, never keep.
  ImFont* font(FontRole role) const;
  float size_px(FontRole role) const;

  // Number of characters of `text` that `role`'s font would draw as the
  // fallback '?' right now (not in the atlas yet, or in no font at all).
  int count_fallback_glyphs(std::string_view text, FontRole role) const;

  // For text about to be drawn this frame: add_text(), then adds the count of
  // its fallback glyphs to fallback_glyphs_drawn(). Returns that count.
  int check_drawn_text(std::string_view text, FontRole role);
  // Glyphs drawn as '?' so far: transient ones (drawn in the frame before the
  // rebuild that adds them) and permanent ones (listed in missing_characters()).
  long fallback_glyphs_drawn() const { return fallback_glyphs_drawn_; }

  // Characters no font can draw, in the order first seen. Each is also
  // written to stderr once.
  const std::vector<char32_t>& missing_characters() const { return missing_; }

  void attach_texture_sink(FontTextureSink* sink) { sink_ = sink; }
  // A texture limit when there is no renderer (tests); 0 means none.
  void set_max_texture_side(int side) { max_texture_side_ = side; }

  const AtlasStats& stats() const { return stats_; }

 private:
  enum CharacterSet { kTextSet = 0, kHugeSet = 1 };
  static CharacterSet set_of(FontRole role) { return role == FontRole::huge ? kHugeSet : kTextSet; }
  bool is_known_missing(char32_t code_point) const;
  void note_missing(char32_t code_point);
  void add_font(float size_px, CharacterSet set);

  ImFontAtlas& atlas_;
  FontSizes sizes_;
  FontFile latin_;
  FontFile cjk_;
  std::array<ImFontGlyphRangesBuilder, 2> wanted_;
  // Glyph ranges per face and set: ImFontAtlas keeps pointers to them.
  std::array<ImVector<ImWchar>, 4> ranges_;
  std::array<ImFont*, 3> fonts_{};
  std::vector<char32_t> missing_;
  bool rebuild_needed_ = true;
  FontTextureSink* sink_ = nullptr;
  int max_texture_side_ = 0;
  long fallback_glyphs_drawn_ = 0;
  AtlasStats stats_;
};

}  // namespace kiosk::ui
