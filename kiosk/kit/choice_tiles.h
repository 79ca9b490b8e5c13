// A grid of big choice tiles (one chosen, amber), the labels wrapped inside
// their tiles and all in one font size: the pickers of the customer's request
// form and of the counter's request form.
#pragma once

#include <string>
#include <vector>

#include "ui/touch_widgets.h"

namespace kiosk::kit {

struct ChoiceTile {
  std::string id;  // stable, for taps in tests
  std::string label;
  bool chosen = false;
};

// The tiles filling `width_px` x `height_px` in up to `max_columns` columns of
// at least `min_em`; each tile 2.4 to 5 em high. Returns the index of the
// tile tapped this frame, or -1.
int choice_tiles(ui::TouchUi& ui, const std::vector<ChoiceTile>& tiles, float width_px, float height_px,
                 int max_columns, float min_em = 7.0f);

}  // namespace kiosk::kit
