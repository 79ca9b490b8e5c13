// WidgetMapWriter: JSON of widget centres, replaced atomically.
#include "app/widget_map.h"

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

namespace kiosk::app {

void WidgetMapWriter::write(const ui::WidgetRegistry& widgets) {
  nlohmann::ordered_json map = nlohmann::ordered_json::object();
  for (const std::string& id : widgets.ids()) {
    const ImVec2 centre = widgets.find(id)->centre();
    map[id] = {static_cast<int>(centre.x), static_cast<int>(centre.y)};
  }
  const std::string text = map.dump();
  if (text == last_) return;
  const std::string temp = path_ + ".tmp";
  {
    std::ofstream out(temp, std::ios::trunc);
    out << text << "\n";
    if (!out) {
      std::fprintf(stderr, "kiosk: cannot write the widget map %s\n", temp.c_str());
      return;
    }
  }
  if (std::rename(temp.c_str(), path_.c_str()) != 0) std::perror("kiosk: widget map");
  last_ = text;
}

}  // namespace kiosk::app
