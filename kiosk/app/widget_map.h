// `kiosk --widget-map FILE`: after each frame, where every touch widget is
// (its centre in window pixels, by stable id), as one JSON object, so an
// external driver (the xdotool test, a field technician's script) can tap by id.
#pragma once

#include <string>

#include "ui/widget_registry.h"

namespace kiosk::app {

class WidgetMapWriter {
 public:
  explicit WidgetMapWriter(std::string path) : path_(std::move(path)) {}
  // Rewrites the file (atomically, by rename) when the widgets changed.
  void write(const ui::WidgetRegistry& widgets);

 private:
  std::string path_;
  std::string last_;
};

}  // namespace kiosk::app
