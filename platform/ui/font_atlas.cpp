// Building the ImGui font atlas from the characters noted by add_text().
#include "ui/font_atlas.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <stdexcept>

#include "core/text.h"
#include "ui/ui_log.h"

namespace kiosk::ui {
namespace {

// Basic Latin (digits, letters, punctuation) is always in every size.
constexpr ImWchar kBasicLatin[] = {0x0020, 0x007E, 0};

bool is_control(char32_t code_point) { return code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F); }

bool fits_imgui_character(char32_t code_point) { return code_point <= IM_UNICODE_CODEPOINT_MAX; }

ImFontConfig font_config(const FontFile& file, bool merge) {
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // FontFile owns the bytes
  config.FontNo = file.face_index();
  config.OversampleH = 1;  // CJK glyphs are many; sub-pixel positioning is not worth 2-3x the texture
  config.OversampleV = 1;
  config.PixelSnapH = true;
  config.MergeMode = merge;
  return config;
}

}  // namespace

FontSizes font_sizes_for_screen(float width_px, float height_px, const FontScale& scale) {
  const float by_height = height_px * scale.body;
  const float factor = by_height > 0 ? std::min(1.0f, (width_px / scale.min_width_em) / by_height) : 1.0f;
  return {height_px * scale.body * factor, height_px * scale.large * factor, height_px * scale.huge * factor};
}

FontAtlas::FontAtlas(ImFontAtlas& atlas, FontSizes sizes, const FontFiles& files)
    : atlas_(atlas), sizes_(sizes), latin_(files.latin_path, 0), cjk_(files.cjk_path, files.cjk_face_index) {
  for (ImFontGlyphRangesBuilder& wanted : wanted_) wanted.AddRanges(kBasicLatin);
}

bool FontAtlas::is_known_missing(char32_t code_point) const {
  for (char32_t missing : missing_) {
    if (missing == code_point) return true;
  }
  return false;
}

void FontAtlas::note_missing(char32_t code_point) {
  if (is_known_missing(code_point)) return;
  missing_.push_back(code_point);
  log_warning("no font can draw U+%04X (it shows as '?'); fonts: %s, %s", static_cast<unsigned>(code_point),
              latin_.path().c_str(), cjk_.path().c_str());
}

bool FontAtlas::add_text(std::string_view text, FontRole role) {
  ImFontGlyphRangesBuilder& wanted = wanted_[set_of(role)];
  bool added = false;
  for (char32_t code_point : utf8_code_points(text)) {
    if (is_control(code_point)) continue;
    if (fits_imgui_character(code_point) && wanted.GetBit(code_point)) continue;
    if (!fits_imgui_character(code_point) || !(latin_.has_glyph(code_point) || cjk_.has_glyph(code_point))) {
      note_missing(code_point);
      continue;
    }
    wanted.SetBit(code_point);
    added = true;
  }
  rebuild_needed_ = rebuild_needed_ || added;
  return added;
}

void FontAtlas::add_font(float size_px, CharacterSet set) {
  const ImVector<ImWchar>& latin_ranges = ranges_[2 * set];
  const ImVector<ImWchar>& cjk_ranges = ranges_[2 * set + 1];
  const ImFontConfig latin_config = font_config(latin_, false);
  atlas_.AddFontFromMemoryTTF(latin_.data(), latin_.size(), size_px, &latin_config, latin_ranges.Data);
  if (cjk_ranges.Size > 1) {  // a lone 0 terminator means no CJK characters
    const ImFontConfig cjk_config = font_config(cjk_, true);
    atlas_.AddFontFromMemoryTTF(cjk_.data(), cjk_.size(), size_px, &cjk_config, cjk_ranges.Data);
  }
}

void FontAtlas::rebuild() {
  IM_ASSERT(!atlas_.Locked && "FontAtlas::rebuild() must run between frames");
  const auto start = std::chrono::steady_clock::now();
  atlas_.Clear();  // drops the fonts, whose configs point into ranges_

  // Each wanted character goes to the first face that has it: DejaVu, else WenQuanYi.
  for (int set = 0; set < 2; ++set) {
    ImFontGlyphRangesBuilder latin_chars;
    ImFontGlyphRangesBuilder cjk_chars;
    for (char32_t code_point = 0x20; code_point <= IM_UNICODE_CODEPOINT_MAX; ++code_point) {
      if (!wanted_[set].GetBit(code_point)) continue;
      if (latin_.has_glyph(code_point))
        latin_chars.AddChar(static_cast<ImWchar>(code_point));
      else
        cjk_chars.AddChar(static_cast<ImWchar>(code_point));
    }
    ranges_[2 * set].clear();
    ranges_[2 * set + 1].clear();
    latin_chars.BuildRanges(&ranges_[2 * set]);
    cjk_chars.BuildRanges(&ranges_[2 * set + 1]);
  }

  const int limit = sink_ != nullptr ? sink_->max_texture_side() : max_texture_side_;
  atlas_.TexDesiredWidth = (limit > 0 && limit < 4096) ? limit : 0;  // 0: ImGui picks, at most 4096
  add_font(sizes_.body_px, kTextSet);
  add_font(sizes_.large_px, kTextSet);
  add_font(sizes_.huge_px, kHugeSet);
  if (!atlas_.Build()) throw std::runtime_error("ImGui could not build the font atlas");
  unsigned char* pixels = nullptr;
  int width = 0;
  int height = 0;
  atlas_.GetTexDataAsRGBA32(&pixels, &width, &height);  // what the renderer uploads and headless frames need

  for (int index = 0; index < 3; ++index) fonts_[index] = atlas_.Fonts[index];
  stats_.width = width;
  stats_.height = height;
  stats_.glyphs = 0;
  for (const ImFont* font : atlas_.Fonts) stats_.glyphs += font->Glyphs.Size;
  stats_.build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  ++stats_.builds;
  log_debug("font atlas %dx%d RGBA (%.1f MiB), %d glyphs, sizes %.0f/%.0f/%.0f px, built in %.1f ms", width, height,
            static_cast<double>(stats_.rgba_bytes()) / (1024.0 * 1024.0), stats_.glyphs,
            static_cast<double>(sizes_.body_px), static_cast<double>(sizes_.large_px),
            static_cast<double>(sizes_.huge_px), stats_.build_ms);

  if (limit > 0 && (width > limit || height > limit)) {
    char message[200];
    std::snprintf(message, sizeof message,
                  "font atlas %dx%d does not fit the GPU's %dx%d texture limit: show fewer characters or use "
                  "smaller font sizes",
                  width, height, limit, limit);
    throw std::runtime_error(message);
  }
  if (sink_ != nullptr) sink_->upload_font_texture();
  rebuild_needed_ = false;
}

ImFont* FontAtlas::font(FontRole role) const {
  ImFont* font = fonts_[static_cast<int>(role)];
  IM_ASSERT(font != nullptr && "FontAtlas::font() before the first rebuild()");
  return font;
}

float FontAtlas::size_px(FontRole role) const {
  switch (role) {
    case FontRole::body:
      return sizes_.body_px;
    case FontRole::large:
      return sizes_.large_px;
    case FontRole::huge:
      return sizes_.huge_px;
  }
  return sizes_.body_px;
}

int FontAtlas::count_fallback_glyphs(std::string_view text, FontRole role) const {
  const ImFont* drawing = font(role);
  int fallbacks = 0;
  for (char32_t code_point : utf8_code_points(text)) {
    if (is_control(code_point)) continue;
    if (!fits_imgui_character(code_point) ||
        drawing->FindGlyphNoFallback(static_cast<ImWchar>(code_point)) == nullptr) {
      ++fallbacks;
    }
  }
  return fallbacks;
}

int FontAtlas::check_drawn_text(std::string_view text, FontRole role) {
  add_text(text, role);
  const int fallbacks = count_fallback_glyphs(text, role);
  fallback_glyphs_drawn_ += fallbacks;
  return fallbacks;
}

}  // namespace kiosk::ui
