// The grid of choice tiles (see choice_tiles.h).
#include "kit/choice_tiles.h"

#include <algorithm>

#include "kit/touch_kit.h"

namespace kiosk::kit {

int choice_tiles(ui::TouchUi& ui, const std::vector<ChoiceTile>& tiles, float width, float height, int max_columns,
                 float min_em) {
  const float em = ui.em();
  if (tiles.empty()) return -1;
  const int count = static_cast<int>(tiles.size());
  const int columns = columns_for(ui, width, min_em, 0.5f, count, max_columns);
  const int rows = (count + columns - 1) / columns;
  const float tile_w = cell_width(ui, width, columns, 0.5f) / em;
  const float tile_h =
      std::clamp((height - static_cast<float>(rows - 1) * 0.5f * em) / static_cast<float>(rows) / em, 2.4f, 5.0f);
  ui::FontRole role = ui::FontRole::large;
  for (const ChoiceTile& t : tiles)
    if (fitting_role(ui, t.label, tile_w * em - 1.0f * em, tile_h >= 3.8f ? 2 : 1) != ui::FontRole::large)
      role = ui::FontRole::body;
  const float x = ImGui::GetCursorPosX();
  int tapped = -1;
  for (int i = 0; i < count; ++i) {
    if (i % columns != 0)
      ImGui::SameLine(0, 0.5f * em);
    else
      ImGui::SetCursorPosX(x);
    const ChoiceTile& t = tiles[static_cast<std::size_t>(i)];
    // The label wrapped inside the tile (a long problem name takes two lines, never clipped).
    const Tile drawn = tile(ui, t.id, ImVec2(tile_w, tile_h), t.chosen ? Tone::selected : Tone::normal);
    text_in_rect(
        ui, ImGui::GetWindowDrawList(), t.label, role, u32(t.chosen ? palette().text_on_selected : palette().text),
        ImVec2(drawn.min.x + 0.5f * em, drawn.min.y), ImVec2(drawn.max.x - 0.5f * em, drawn.max.y), Align::centre);
    if (drawn.clicked) tapped = i;
  }
  return tapped;
}

}  // namespace kiosk::kit
