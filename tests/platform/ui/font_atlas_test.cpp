// The font atlas built from text: every character of the screens' strings gets
// a real glyph, undrawable ones are reported, new text triggers a rebuild that
// covers it, and an atlas too big for the GPU is refused. Prints build figures.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "core/text.h"
#include "platform/ui/sample_texts.h"
#include "ui/headless_ui.h"

namespace kiosk::ui {
namespace {

HeadlessConfig sized(float width, float height) {
  HeadlessConfig config;
  config.display_size = {width, height};
  return config;
}

// Code points of `text` that `font` has no glyph for (drawn as '?').
std::u32string without_glyph(const ImFont* font, std::string_view text) {
  std::u32string missing;
  for (char32_t code_point : kiosk::utf8_code_points(text)) {
    if (code_point > IM_UNICODE_CODEPOINT_MAX ||
        font->FindGlyphNoFallback(static_cast<ImWchar>(code_point)) == nullptr) {
      missing.push_back(code_point);
    }
  }
  return missing;
}

bool contains(const std::vector<char32_t>& list, char32_t code_point) {
  return std::find(list.begin(), list.end(), code_point) != list.end();
}

std::string utf8_of_bmp_character(unsigned code_point) {  // U+0800..U+FFFF: three bytes
  return {static_cast<char>(0xE0 | (code_point >> 12)), static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)),
          static_cast<char>(0x80 | (code_point & 0x3F))};
}

void print_stats(const char* what, const AtlasStats& stats) {
  std::printf("[measure] %s: atlas %dx%d RGBA = %.1f MiB, %d glyphs, built in %.1f ms\n", what, stats.width,
              stats.height, static_cast<double>(stats.rgba_bytes()) / (1024.0 * 1024.0), stats.glyphs, stats.build_ms);
}

TEST_CASE("every character of Chinese and English screen text has a glyph in every size") {
  HeadlessUi ui(sized(800, 480));
  for (std::string_view text : test::kScreenTexts) ui.fonts().add_text(text);
  ui.fonts().add_text(test::kTicketNumber, FontRole::huge);
  ui.fonts().rebuild();

  for (std::string_view text : test::kScreenTexts) {
    CAPTURE(text);
    CHECK(without_glyph(ui.fonts().font(FontRole::body), text).empty());
    CHECK(without_glyph(ui.fonts().font(FontRole::large), text).empty());
  }
  CHECK(without_glyph(ui.fonts().font(FontRole::huge), test::kTicketNumber).empty());
  CHECK(ui.fonts().missing_characters().empty());
  // The huge size only holds what was added for it: 咨 was not.
  CHECK(without_glyph(ui.fonts().font(FontRole::huge), "咨") == U"咨");
  print_stats("screen texts at 800x480", ui.fonts().stats());
}

TEST_CASE("characters neither font can draw are reported once, and counted when drawn") {
  HeadlessUi ui;
  CHECK(ui.fonts().add_text(test::kUndrawableText));  // 谢 is new and drawable
  for (char32_t code_point : test::kUndrawable) {
    CAPTURE(static_cast<unsigned>(code_point));
    CHECK(contains(ui.fonts().missing_characters(), code_point));
  }
  CHECK_FALSE(contains(ui.fonts().missing_characters(), U'谢'));
  ui.fonts().add_text(test::kUndrawableText);
  CHECK(ui.fonts().missing_characters().size() == std::size(test::kUndrawable));

  ui.frame([](TouchUi& touch) {
    ScreenPanel panel("undrawable");
    touch.text(test::kUndrawableText);
  });
  CHECK(ui.fonts().fallback_glyphs_drawn() == static_cast<long>(std::size(test::kUndrawable)));
}

TEST_CASE("new text triggers a rebuild that covers it") {
  HeadlessUi ui;
  ui.fonts().add_text("咨询");
  ui.fonts().rebuild();
  CHECK(without_glyph(ui.fonts().font(FontRole::body), "空调") == U"空调");

  CHECK(ui.fonts().add_text("安装空调"));
  CHECK(ui.fonts().rebuild_needed());
  CHECK_FALSE(ui.fonts().add_text("空调"));  // already noted: no second request

  const int builds_before = ui.fonts().stats().builds;
  ui.frame([](TouchUi&) {});  // a frame rebuilds first
  CHECK(ui.fonts().stats().builds == builds_before + 1);
  CHECK_FALSE(ui.fonts().rebuild_needed());
  CHECK(without_glyph(ui.fonts().font(FontRole::body), "安装空调咨询").empty());
}

TEST_CASE("text first seen while drawing is drawn as '?' once, then properly after the rebuild") {
  HeadlessUi ui;
  const auto screen = [](TouchUi& touch) {
    ScreenPanel panel("typed");
    touch.text("您好");  // e.g. typed text: not handed to add_text() beforehand
  };
  ui.frame(screen);
  CHECK(ui.fonts().fallback_glyphs_drawn() == 2);
  CHECK(ui.fonts().rebuild_needed());
  ui.frame(screen);
  ui.frame(screen);
  CHECK(ui.fonts().fallback_glyphs_drawn() == 2);
}

TEST_CASE("an atlas larger than the texture limit is refused with a clear message") {
  HeadlessUi ui(sized(1920, 1080));
  for (std::string_view text : test::kScreenTexts) ui.fonts().add_text(text);
  for (std::string_view text : test::kScreenTexts) ui.fonts().add_text(text, FontRole::huge);
  ui.fonts().set_max_texture_side(512);
  CHECK_THROWS_WITH_AS(ui.fonts().rebuild(), doctest::Contains("does not fit the GPU's 512x512 texture limit"),
                       std::runtime_error);
  ui.fonts().set_max_texture_side(8192);
  CHECK_NOTHROW(ui.fonts().rebuild());
}

TEST_CASE("measure: atlas build time and size for realistic character counts") {
  // The first N characters of ImGui's common simplified Chinese list stand in
  // for a kiosk's translations and catalogue (a few hundred distinct characters).
  for (int screen_height : {480, 1080}) {
    for (int characters : {300, 1000}) {
      HeadlessUi ui(sized(screen_height * 16.0f / 9, static_cast<float>(screen_height)));
      const ImWchar* ranges = ImGui::GetIO().Fonts->GetGlyphRangesChineseSimplifiedCommon();
      std::string text;
      int added = 0;
      for (const ImWchar* range = ranges; range[0] != 0 && added < characters; range += 2) {
        for (unsigned code_point = range[0]; code_point <= range[1] && added < characters; ++code_point) {
          if (code_point < 0x4E00 || code_point > 0x9FFF) continue;  // CJK ideographs only
          text += utf8_of_bmp_character(code_point);
          ++added;
        }
      }
      ui.fonts().add_text(text);
      ui.fonts().add_text(test::kTicketNumber, FontRole::huge);
      ui.fonts().rebuild();
      CHECK(ui.fonts().missing_characters().empty());
      char what[80];
      std::snprintf(what, sizeof what, "%d CJK characters, screen height %d", added, screen_height);
      print_stats(what, ui.fonts().stats());
    }
  }
}

}  // namespace
}  // namespace kiosk::ui
