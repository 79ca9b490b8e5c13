// The per-frame list of widget rectangles (a screen has tens of widgets: a
// vector is the right size).
#include "ui/widget_registry.h"

namespace kiosk::ui {

void WidgetRegistry::record(std::string_view id, WidgetRect rect) {
  IM_ASSERT(!find(id) && "the same widget id was drawn twice in one frame");
  widgets_.push_back({std::string(id), rect});
}

std::optional<WidgetRect> WidgetRegistry::find(std::string_view id) const {
  for (const Entry& entry : widgets_) {
    if (entry.id == id) return entry.rect;
  }
  return std::nullopt;
}

std::vector<std::string> WidgetRegistry::ids() const {
  std::vector<std::string> ids;
  for (const Entry& entry : widgets_) ids.push_back(entry.id);
  return ids;
}

}  // namespace kiosk::ui
