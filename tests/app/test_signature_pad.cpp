// The signature pad (kit/signature_pad.h) in a headless ImGui with the real
// fonts, at the technician's font scale: a finger dragged across the pad
// reports down, moves and up at the pad's points in em (kept on the pad's
// edge when it strays off), a press that starts off the pad draws nothing,
// Clear is touch-sized and only clears when there is ink, and every text has
// its glyphs in both languages.
#include <doctest/doctest.h>

#include <cmath>
#include <optional>
#include <vector>

#include "app/role_runner.h"
#include "kit/signature_pad.h"
#include "kit/touch_kit.h"
#include "signature_samples.h"
#include "support/kiosk_texts.h"
#include "ui/headless_ui.h"

using namespace kiosk;
using namespace kiosk::kit;

namespace {

// A screen with only the pad: most of the width, 3/8 of the height, as the
// technician's completion screen would give it. Each frame's input is applied
// to the ink as the role's reducer would.
struct PadScreen {
  explicit PadScreen(app::Language language, ImVec2 display = {1280, 800}) : ui(config(display)), language(language) {
    for (const std::string& text : texts.all_texts()) ui.fonts().add_text(text);
    draw = [this](ui::TouchUi& touch) {
      const ScreenStyle style(touch.em());  // before the panel: its background too
      const ui::ScreenPanel panel("signature");
      const ImVec2 size = ImGui::GetIO().DisplaySize;
      last = signature_pad(touch, ink, texts, this->language, 0.92f * size.x, 0.375f * size.y);
      if (last) inputs.push_back(*last);
      if (last) apply_signature_input(ink, *last);
    };
    ui.frame(draw);
    ui.frame(draw);  // the atlas holds every text from here on
  }

  static ui::HeadlessConfig config(ImVec2 display) {
    ui::HeadlessConfig c;
    c.display_size = display;
    c.font_scale = app::staff_font_scale();
    return c;
  }

  ui::WidgetRect rect(const char* id) const {
    const std::optional<ui::WidgetRect> found = ui.widgets().find(id);
    REQUIRE(found);
    return *found;
  }

  // One frame with the finger at `at` (down or up).
  void finger(ImVec2 at, bool down) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = at;
    io.MouseDown[0] = down;
    ui.frame(draw);
  }

  ui::HeadlessUi ui;
  app::Translations texts = test::kiosk_texts();
  app::Language language;
  SignatureInk ink;
  std::optional<SignatureInput> last;
  std::vector<SignatureInput> inputs;
  ui::DrawFn draw;
};

}  // namespace

TEST_CASE("a finger dragged across the pad draws a stroke at its points in em") {
  PadScreen screen(app::Language::Zh);
  const ui::WidgetRect pad = screen.rect("signature.pad");
  const float em = screen.ui.fonts().size_px(ui::FontRole::body);
  CHECK(pad.max.x - pad.min.x == doctest::Approx(0.92f * 1280));
  CHECK(pad.max.y - pad.min.y == doctest::Approx(0.375f * 800));

  // ImGui rounds the mouse down to whole pixels: the finger at whole pixels too.
  const ImVec2 start(std::floor(pad.min.x) + 100, std::floor(pad.min.y) + 150);
  screen.finger(start, true);
  REQUIRE(screen.last);
  REQUIRE(std::holds_alternative<PenDown>(*screen.last));
  CHECK(std::get<PenDown>(*screen.last).at.x == doctest::Approx((start.x - pad.min.x) / em));
  CHECK(std::get<PenDown>(*screen.last).at.y == doctest::Approx((start.y - pad.min.y) / em));
  for (int i = 1; i <= 20; ++i) screen.finger(ImVec2(start.x + 20.0f * i, start.y - 3.0f * i), true);
  CHECK(std::holds_alternative<PenMove>(*screen.last));
  screen.finger(ImVec2(start.x + 20.0f * 20, start.y - 60), true);  // a finger at rest: no input
  CHECK_FALSE(screen.last);
  screen.finger(ImVec2(start.x + 430, start.y - 50), false);
  REQUIRE(screen.last);
  CHECK(std::holds_alternative<PenUp>(*screen.last));

  REQUIRE(screen.ink.strokes.size() == 1);
  const InkStroke& stroke = screen.ink.strokes[0];
  CHECK(stroke.size() == 22);
  CHECK(stroke.back().x == doctest::Approx((start.x + 430 - pad.min.x) / em));
  CHECK(stroke.back().y == doctest::Approx((start.y - 50 - pad.min.y) / em));
  CHECK_FALSE(screen.ink.drawing);

  // Frames with no finger report nothing.
  screen.inputs.clear();
  screen.ui.frame(screen.draw);
  screen.ui.frame(screen.draw);
  CHECK(screen.inputs.empty());
}

TEST_CASE("a stroke that runs off the pad stays on its edge; a press off the pad draws nothing") {
  PadScreen screen(app::Language::En);
  const ui::WidgetRect pad = screen.rect("signature.pad");
  const float em = screen.ui.fonts().size_px(ui::FontRole::body);
  screen.finger(ImVec2(pad.max.x - 50, pad.min.y + 40), true);
  screen.finger(ImVec2(pad.max.x + 200, pad.min.y - 300), true);  // off the top right corner
  screen.finger(ImVec2(pad.max.x + 200, pad.min.y - 300), false);
  REQUIRE(screen.ink.strokes.size() == 1);
  const InkPoint edge = screen.ink.strokes[0].back();
  CHECK(edge.x == doctest::Approx((pad.max.x - pad.min.x - 1) / em));
  CHECK(edge.y == doctest::Approx(0.0f));

  screen.inputs.clear();
  screen.finger(ImVec2(pad.min.x + 200, pad.max.y + 200), true);  // below the pad and the button
  screen.finger(ImVec2(pad.min.x + 300, pad.min.y + 100), true);  // dragged onto it
  screen.finger(ImVec2(pad.min.x + 400, pad.min.y + 100), false);
  CHECK(screen.inputs.empty());
  CHECK(screen.ink.strokes.size() == 1);
}

TEST_CASE("Clear is touch-sized under the pad's right end and clears only when there is ink") {
  for (const ImVec2 display : {ImVec2(1280, 800), ImVec2(800, 1280)}) {
    CAPTURE(display.x);
    PadScreen screen(app::Language::Zh, display);
    const ui::WidgetRect pad = screen.rect("signature.pad");
    const ui::WidgetRect clear = screen.rect("signature.clear");
    const float em = screen.ui.fonts().size_px(ui::FontRole::body);
    CHECK(clear.max.y - clear.min.y >= 3.0f * em - 0.5f);
    CHECK(clear.max.x - clear.min.x >= 8.0f * em - 0.5f);
    CHECK(clear.min.y > pad.max.y);
    CHECK(clear.max.x == doctest::Approx(pad.max.x));
    CHECK(clear.max.y <= display.y);
    CHECK(pad.min.x >= 0);
    CHECK(pad.max.x <= display.x);

    REQUIRE(screen.ui.tap("signature.clear", screen.draw));  // empty: disabled
    CHECK(screen.inputs.empty());

    test::apply_all(screen.ink, test::pen_inputs({{2, 2}, {6, 3}, {9, 2}}));
    screen.ui.frame(screen.draw);
    REQUIRE(screen.ui.tap("signature.clear", screen.draw));
    REQUIRE(screen.inputs.size() == 1);
    CHECK(std::holds_alternative<ClearSignature>(screen.inputs[0]));
    CHECK(screen.ink.strokes.empty());
  }
}

TEST_CASE("the pad's words have their glyphs in zh and en, empty and signed") {
  for (app::Language language : {app::Language::Zh, app::Language::En}) {
    PadScreen screen(language);
    screen.ink = test::sample_signature();
    screen.ui.frame(screen.draw);
    screen.ink = {};
    screen.ui.frame(screen.draw);
    CHECK(screen.ui.fonts().fallback_glyphs_drawn() == 0);
    CHECK(screen.ui.fonts().missing_characters().empty());
    CHECK(screen.texts.missing_keys().empty());
  }
}
