// What the parts of the display board draw with: texts in both languages (the
// leading one first), text fitted into rectangles through the atlas check, and
// the log of drawn texts the tests read.
#pragma once

#include <imgui.h>

#include <initializer_list>
#include <string>
#include <string_view>

#include "display/screens/display_screens.h"
#include "kit/touch_kit.h"

namespace kiosk::display {

struct Bilingual {
  std::string lead;   // in the leading language
  std::string other;  // in the other one
};

class BoardPainter {
 public:
  BoardPainter(ui::TouchUi& ui, const BoardView& view);

  ui::TouchUi& ui() const { return ui_; }
  const BoardView& view() const { return view_; }
  float em() const { return ui_.em(); }
  ImDrawList* draw_list() const { return draw_; }
  bool chinese_leads() const { return lead_ == app::Language::Zh; }

  Bilingual tr(std::string_view key, std::initializer_list<std::string> values = {}) const;
  // A service's name in both languages.
  Bilingual names(const ServiceCount& service) const;

  // Text in [min, max] (wrapped, vertically centred), logged; returns its height.
  float text(std::string_view text, ui::FontRole role, const ImVec4& colour, ImVec2 min, ImVec2 max, kit::Align align,
             float scale = 1.0f) const;
  // The largest scale <= `scale` (down to `min_scale`) at which `text` is one line of `width`.
  float fit(std::string_view text, ui::FontRole role, float width, float scale, float min_scale) const;
  float line(ui::FontRole role, float scale = 1.0f) const { return kit::line_height(ui_, role, scale); }
  float width(std::string_view text, ui::FontRole role, float scale = 1.0f) const {
    return kit::text_width(ui_, text, role, scale);
  }
  void card(ImVec2 min, ImVec2 max, const ImVec4& fill) const;

 private:
  ui::TouchUi& ui_;
  const BoardView& view_;
  ImDrawList* draw_;
  app::Language lead_;
};

// [SECTION] The board's parts, each drawn into its rectangle.
void draw_current_call(const BoardPainter& p, ImVec2 min, ImVec2 max);
void draw_earlier_calls(const BoardPainter& p, ImVec2 min, ImVec2 max);
// The waiting counts strip; returns the height it needs for `width`.
float waiting_strip_height(const BoardPainter& p, float width);
void draw_waiting_strip(const BoardPainter& p, ImVec2 min, ImVec2 max);

}  // namespace kiosk::display
