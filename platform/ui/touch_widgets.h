// What a screen draws with: big touch buttons sized in font units whose
// rectangles are recorded under stable ids, and text whose glyph coverage is
// checked as it is drawn. Screens take a TouchUi& and may mix in plain ImGui
// calls; text drawn that way should go through note_text() first.
#pragma once

#include <imgui.h>

#include <functional>
#include <string_view>

#include "ui/font_atlas.h"
#include "ui/widget_registry.h"

namespace kiosk::ui {

class TouchUi {
 public:
  TouchUi(FontAtlas& fonts, WidgetRegistry& widgets) : fonts_(fonts), widgets_(widgets) {}

  // The body font size in pixels: the unit for every size on a touch screen.
  float em() const { return fonts_.size_px(FontRole::body); }
  ImFont* font(FontRole role) const { return fonts_.font(role); }

  // A large button `size_em` body-font units big (x = 0: the available width),
  // its label centred in `label_role`'s font. `id` is stable across languages
  // and unique in the frame. True on the frame the finger is lifted on it.
  bool big_button(std::string_view id, std::string_view label, ImVec2 size_em, FontRole label_role = FontRole::large);

  // Draws UTF-8 text at the cursor, or centred in the available width.
  void text(std::string_view utf8, FontRole role = FontRole::body);
  void text_centred(std::string_view utf8, FontRole role = FontRole::body);

  // Checks `utf8` against the atlas before it is drawn some other way: new
  // characters are queued for the next rebuild, missing ones are logged, and
  // characters drawn as '?' are counted.
  void note_text(std::string_view utf8, FontRole role = FontRole::body);

 private:
  FontAtlas& fonts_;
  WidgetRegistry& widgets_;
};

// The borderless, unmovable ImGui window filling the display that a screen
// draws into, for the lifetime of this object.
class ScreenPanel {
 public:
  explicit ScreenPanel(const char* id);
  ~ScreenPanel();
  ScreenPanel(const ScreenPanel&) = delete;
  ScreenPanel& operator=(const ScreenPanel&) = delete;
};

// A screen: draws one frame's UI.
using DrawFn = std::function<void(TouchUi&)>;

}  // namespace kiosk::ui
