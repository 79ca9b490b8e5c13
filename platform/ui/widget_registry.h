// Where each touch widget was drawn in the last frame, by a stable id that does
// not depend on the translated label, so tests (and xdotool) can tap it.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

struct WidgetRect {
  ImVec2 min;
  ImVec2 max;
  ImVec2 centre() const { return {(min.x + max.x) / 2, (min.y + max.y) / 2}; }
};

class WidgetRegistry {
 public:
  // Forgets the previous frame's widgets; called as each frame begins.
  void begin_frame() { widgets_.clear(); }
  // One id once per frame: a second record of the same id is a programming error.
  void record(std::string_view id, WidgetRect rect);
  // The rectangle `id` had in the last frame, if it was drawn.
  std::optional<WidgetRect> find(std::string_view id) const;
  std::vector<std::string> ids() const;

 private:
  struct Entry {
    std::string id;
    WidgetRect rect;
  };
  std::vector<Entry> widgets_;
};

}  // namespace kiosk::ui
