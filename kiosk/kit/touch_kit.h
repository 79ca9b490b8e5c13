// What every kiosk screen (customer, counter, display) draws with: the
// palette and style, layout in font units, wrapped text that goes through the
// atlas coverage check, and tones, tiles, toggles and banners built on
// TouchUi::big_button. No state, no actions: role-specific parts (top bars,
// screens) live with their role.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

#include "ui/font_atlas.h"
#include "ui/touch_widgets.h"

namespace kiosk::kit {

// [SECTION] Palette: light text on a dark blue ground, one accent per meaning.
struct Palette {
  ImVec4 background{0.063f, 0.090f, 0.141f, 1.0f};  // #101724
  ImVec4 surface{0.118f, 0.161f, 0.231f, 1.0f};     // cards
  ImVec4 tile{0.169f, 0.231f, 0.325f, 1.0f};        // ordinary buttons
  ImVec4 tile_pressed{0.239f, 0.322f, 0.447f, 1.0f};
  ImVec4 primary{0.086f, 0.420f, 0.855f, 1.0f};  // the one main action
  ImVec4 primary_pressed{0.196f, 0.533f, 0.949f, 1.0f};
  ImVec4 selected{1.0f, 0.784f, 0.239f, 1.0f};  // amber: chosen
  ImVec4 selected_pressed{1.0f, 0.851f, 0.459f, 1.0f};
  ImVec4 text{0.973f, 0.980f, 0.988f, 1.0f};
  ImVec4 text_on_selected{0.071f, 0.086f, 0.110f, 1.0f};
  ImVec4 text_muted{0.690f, 0.737f, 0.800f, 1.0f};
  ImVec4 disabled{0.141f, 0.188f, 0.259f, 1.0f};
  ImVec4 text_disabled{0.525f, 0.580f, 0.655f, 1.0f};
  ImVec4 success{0.149f, 0.533f, 0.318f, 1.0f};
  ImVec4 info{0.122f, 0.365f, 0.612f, 1.0f};
  ImVec4 warning{0.820f, 0.522f, 0.071f, 1.0f};
  ImVec4 danger{0.773f, 0.157f, 0.157f, 1.0f};
  ImVec4 dim{0.0f, 0.0f, 0.0f, 0.72f};  // behind the idle card
};
const Palette& palette();
inline ImU32 u32(const ImVec4& colour) { return ImGui::ColorConvertFloat4ToU32(colour); }

// Pushes the kiosk screens' colours and spacing for one frame.
class ScreenStyle {
 public:
  explicit ScreenStyle(float em);
  ~ScreenStyle();
  ScreenStyle(const ScreenStyle&) = delete;
  ScreenStyle& operator=(const ScreenStyle&) = delete;
};

// [SECTION] Layout in font units
float avail_x();
float avail_y();
// True when the content area is wide enough for two columns side by side.
bool wide_layout(const ui::TouchUi& ui);
// How many columns of at least `min_em` wide (with `gap_em` between) fit in
// `width_px`, at most `max_columns`, balanced so the last row is not nearly empty.
int columns_for(const ui::TouchUi& ui, float width_px, float min_em, float gap_em, int count, int max_columns);
// Width of one of `columns` cells in `width_px` with `gap_em` between them.
float cell_width(const ui::TouchUi& ui, float width_px, int columns, float gap_em);
void gap(const ui::TouchUi& ui, float em);

// [SECTION] Text: every string is checked against the atlas before drawing.
enum class Align { left, centre };
// Splits `text` into lines no wider than `width_px` in `font` at `size_px`:
// at spaces, and between Chinese characters (never before closing punctuation).
std::vector<std::string_view> wrap_lines(ImFont* font, float size_px, std::string_view text, float width_px);
// Wrapped text at the cursor within `width_px` (0: the available width); advances the cursor.
void paragraph(ui::TouchUi& ui, std::string_view text, ui::FontRole role, const ImVec4& colour, Align align,
               float width_px = 0);
// Wrapped text drawn into a rectangle (no cursor movement), vertically centred.
// Returns the text block's height.
// `scale` draws the role's font smaller (secondary text such as the queue table).
// What a keypad has typed, large in a framed box (the frame in `frame`); the
// hint, faint, while nothing is typed.
void entry_box(ui::TouchUi& ui, std::string_view typed, std::string_view hint, float width, const ImVec4& frame);

float text_in_rect(ui::TouchUi& ui, ImDrawList* draw, std::string_view text, ui::FontRole role, ImU32 colour,
                   ImVec2 min, ImVec2 max, Align align, float scale = 1.0f);
float line_height(const ui::TouchUi& ui, ui::FontRole role, float scale = 1.0f);
// `preferred` if `text` fits `width_px` in at most `max_lines` lines with no
// word split, else the body font.
ui::FontRole fitting_role(ui::TouchUi& ui, std::string_view text, float width_px, int max_lines,
                          ui::FontRole preferred = ui::FontRole::large);
// The width of one line of `text` in `font` at `size_px`.
float text_width(ImFont* font, float size_px, std::string_view text);
// The widest line of `text` in `role` (no wrapping).
float text_width(ui::TouchUi& ui, std::string_view text, ui::FontRole role, float scale = 1.0f);
// The text's height when wrapped to `width_px`.
float wrapped_height(ui::TouchUi& ui, std::string_view text, ui::FontRole role, float width_px, float scale = 1.0f);

// [SECTION] Buttons
enum class Tone { normal, primary, selected, disabled, danger };
// big_button in a tone; `label` may be empty when the caller paints the inside.
bool button(ui::TouchUi& ui, std::string_view id, std::string_view label, ImVec2 size_em, Tone tone,
            ui::FontRole role = ui::FontRole::large);
struct Tile {
  bool clicked = false;
  ImVec2 min;
  ImVec2 max;
};
// An empty button whose inside the caller paints (rectangle returned).
Tile tile(ui::TouchUi& ui, std::string_view id, ImVec2 size_em, Tone tone);
// A toggle: a box with a drawn check mark, then the label (wrapped), on a
// tile that turns amber when on. True when tapped.
bool toggle(ui::TouchUi& ui, std::string_view id, std::string_view label, bool on, ImVec2 size_em,
            ui::FontRole role = ui::FontRole::body);
// A coloured band with a wrapped message (print status, errors, notices).
void banner(ui::TouchUi& ui, std::string_view text, const ImVec4& fill, ui::FontRole role = ui::FontRole::body,
            float width_px = 0);

}  // namespace kiosk::kit
