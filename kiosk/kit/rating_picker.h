// The customer's rating as a finger gives it: five large faces from a red
// frown (1) to a green smile (5), each with its caption, and the reason tags
// as toggles in a grid. Drawn with ImDrawList (kit/shapes.h), so no glyph is
// needed for the faces. Ids: "score.1".."score.5", "reason.<code>".
#pragma once

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ui/touch_widgets.h"

namespace kiosk::kit {

// The score tapped this frame (1..5), 0 for none. `caption(score)` labels a face.
int rating_faces(ui::TouchUi& ui, int chosen, const std::function<std::string(int score)>& caption, float width,
                 float height);

// The reason tapped this frame ("" for none), `columns` toggles a row.
std::string rating_reasons(ui::TouchUi& ui, const std::vector<std::string>& codes, const std::set<std::string>& on,
                           const std::function<std::string(const std::string& code)>& label, float width, int columns);

}  // namespace kiosk::kit
