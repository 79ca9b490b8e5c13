// What the customer screens share beyond the kiosk-wide kit (kit/touch_kit.h,
// kit/shapes.h, visible here unqualified): the top bar with back and language
// switch, helpers over the customer state, and the screens' entry points.
#pragma once

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "customer/customer_actions.h"
#include "customer/screens/customer_screens.h"
#include "kit/shapes.h"
#include "kit/touch_kit.h"

namespace kiosk::customer::kit {

using namespace kiosk::kit;

// The top bar's buttons (back where there is one, the language switch) and
// the line under it; the cursor goes below. Returns the bar's free middle, for
// a title (bar_title) or a field. `back` says the text of `back_label`.
constexpr float kBarEm = 2.8f;
struct BarSlot {
  ImVec2 min, max;
};
BarSlot bar_buttons(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, std::optional<Action> back,
                    std::string_view back_label = "app.back");
// The title in the slot: large if it fits on one line, else body size
// wrapped. Returns where its widest line ends.
float bar_title(ui::TouchUi& ui, const BarSlot& slot, std::string_view title);
// The bar with its title. A `subtitle` is drawn after the title when both fit
// on the bar; returns whether it was (if not, the caller shows it below). The
// `back` button says the text of `back_label` ("Back" unless told).
bool top_bar(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, std::string_view title,
             std::optional<Action> back, std::string_view subtitle = {}, std::string_view back_label = "app.back");

// [SECTION] Helpers over the state
const ServiceView* find_service(const CustomerState& state, std::string_view code);
const std::string& service_name(const CustomerView& view, const ServiceView& service);
std::string error_text(const CustomerView& view, const std::string& code);
// "45 s", "12 min", "3 h", "2 d" in the screen's language (the staff corner's ages).
std::string duration_text(const CustomerView& view, std::int64_t ms);

// [SECTION] The screens (one file each), drawn inside the customer ScreenPanel.
void draw_welcome(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
void draw_take_number(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
// The phone keypad: what is typed, the last refusal's code, why we ask ("phone.why"...).
struct PhonePad {
  const std::string& typed;
  const std::string& error_code;
  std::string_view why_key;
  bool mobile_only = false;  // a number for text messages: the title and hint ask for a mobile
};
void draw_phone_pad(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, const PhonePad& pad);
void draw_ticket(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
void draw_rate_find(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
void draw_rate_score(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
void draw_rate_thanks(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
void draw_request(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
void draw_request_done(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
void draw_check_request(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
void draw_request_status(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
void draw_rate_request(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);  // "Rate this job"
void draw_staff_login(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
void draw_admin(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
void draw_devices(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);  // the admin screen's Devices
void draw_help(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);     // categories, a list, the search
void draw_help_article(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
void draw_help_thanks(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
// A thank-you screen: the bar's title, a large drawn check mark, the thanks,
// a line under it and "done" ("thanks.done": BackToWelcome).
void thanks_screen(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, std::string_view title,
                   std::string_view thanks, std::string_view below);

// [SECTION] Help's parts (help_kit.cpp)
// `text` wrapped to `width_px` in at most `max_lines` lines, the last ending in
// "…" when some was left out; lines joined by '\n'.
std::string clipped_text(ui::TouchUi& ui, std::string_view text, ui::FontRole role, float width_px, int max_lines,
                         float scale = 1.0f);
// An article as a tile `id` of `size` px: its title (up to `title_lines` in
// `title_role`) and, with `answer_line`, the first line of its answer under
// it, muted. OpenHelpArticle when tapped.
struct ArticleTile {
  ui::FontRole title_role = ui::FontRole::large;
  int title_lines = 1;
  bool answer_line = true;
};
void article_tile(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, const std::string& id,
                  const KbArticle& article, ImVec2 size, const ArticleTile& look);
// The height of such a tile.
float article_tile_height(const ui::TouchUi& ui, const ArticleTile& look);
// A category's name: the product's, or the texts' for general and other.
std::string help_category_name(const CustomerView& view, const HelpCategory& category);

// [SECTION] The request form's parts (request_*.cpp, text_keyboard.cpp)
void draw_kind_step(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
void draw_product_step(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
void draw_problem_step(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
void draw_text_step(ui::TouchUi& ui, const CustomerView& view,
                    const Emit& emit);  // model, description, contact, address
void draw_details_step(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);  // purchase date, urgency
void draw_when_step(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
void draw_consent_step(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
void draw_review_step(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);
// A step's question (in `role`, or body where it would not fit one line), or
// instead the refusal of its last "next".
void step_heading(ui::TouchUi& ui, const CustomerView& view, std::string_view question,
                  ui::FontRole role = ui::FontRole::large);
// Back and next side by side in `width`.
void step_buttons(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, float width);
// A grid of choice tiles filling `width` x `height`: (id, label, chosen, action) each.
struct PickerTile {
  std::string id;
  std::string label;
  bool chosen = false;
  Action action;
};
void choice_grid(ui::TouchUi& ui, const Emit& emit, const std::vector<PickerTile>& tiles, float width, float height,
                 int max_columns, float min_em = 7.0f);
// The status timeline in `rows` rows: the newest steps, and when they do not
// all fit, one row fewer and a line saying how many earlier steps there are.
struct TimelineFit {
  std::size_t shown = 0;
  std::size_t earlier = 0;
};
TimelineFit fit_timeline(std::size_t steps, std::size_t rows);

// A labelled entry box that is also a button: tapping it chooses what the keys
// type (`on_tap`); the focused one has the primary frame.
void entry_tile(ui::TouchUi& ui, const char* id, const std::string& label, const std::string& typed,
                const std::string& hint, bool focused, float width, const Emit& emit, const Action& on_tap);
// The candidate bar, letter keys and bottom row in `width` x `height`, in
// `layout` (pinyin where the IME runs); a `code_field` has '-' and '/' keys.
void draw_text_keyboard(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, KeyLayout layout, bool code_field,
                        float width, float height);
// A tappable box `id` of `size` px showing `text` and, when focused, the
// composition after it (the hint while both are empty); true when tapped.
bool text_box(ui::TouchUi& ui, const CustomerView& view, std::string_view id, const std::string& text,
              std::string_view hint, ImVec2 size, bool focused);
// The request form's field of `target` (FocusText when tapped).
void draw_text_field(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, TextTarget target,
                     const std::string& text, std::string_view hint, ImVec2 size, bool focused);
// Its own window over the screen; draws nothing when no countdown is due.
void draw_idle_overlay(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);

}  // namespace kiosk::customer::kit
