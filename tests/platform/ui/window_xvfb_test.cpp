// The real window under a private Xvfb (Mesa llvmpipe): Chinese and English
// drawn through the GL backend and checked in a PNG screenshot, a button
// clicked by xdotool like a finger, and wake() from a worker thread. Prints
// time to first frame and idle figures; asserts no times.
#include <GLFW/glfw3.h>
#include <doctest/doctest.h>
#include <stb/stb_image.h>
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <thread>

#include "platform/ui/sample_texts.h"
#include "support/xvfb_server.h"
#include "ui/screen_blanking.h"
#include "ui/window.h"

namespace kiosk::ui {
namespace {

using std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr const char* kTitle = "kiosk-ui-xvfb-test";

WindowConfig test_window_config() {
  WindowConfig config;
  config.title = kTitle;
  config.windowed = WindowSize{800, 480};
  return config;
}

std::string screenshot_path(const char* name) {
  std::filesystem::create_directories(KIOSK_UI_SCREENSHOT_DIR);
  return std::string(KIOSK_UI_SCREENSHOT_DIR) + "/" + name;
}

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct Screen {
  int take_ticket_clicks = 0;
  int enquiry_clicks = 0;

  DrawFn draw() {
    return [this](TouchUi& touch) {
      ScreenPanel panel("welcome");
      touch.text_centred(test::kScreenTexts[0], FontRole::large);
      touch.text(test::kScreenTexts[2]);
      touch.text(test::kScreenTexts[3]);
      touch.text(test::kScreenTexts[4]);
      touch.text_centred(test::kTicketNumber, FontRole::huge);
      if (touch.big_button("take_ticket", test::kScreenTexts[6], {16, 3})) ++take_ticket_clicks;
      ImGui::SameLine();
      if (touch.big_button("enquiry", test::kScreenTexts[1], {0, 3})) ++enquiry_clicks;
    };
  }
};

// Loads a PNG and checks that it is the window's size and really shows something.
void check_screenshot(const std::string& path, const WindowSize& expected, const WidgetRect& button) {
  int width = 0;
  int height = 0;
  int channels = 0;
  unsigned char* pixels = stbi_load(path.c_str(), &width, &height, &channels, 3);
  REQUIRE(pixels != nullptr);
  CHECK(width == expected.width);
  CHECK(height == expected.height);
  const auto pixel_at = [&](int x, int y) {
    const unsigned char* p = pixels + (static_cast<std::size_t>(y) * width + x) * 3;
    return (p[0] << 16) | (p[1] << 8) | p[2];
  };
  const int background = pixel_at(1, 1);
  std::set<int> colours;
  long drawn = 0;
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      colours.insert(pixel_at(x, y));
      drawn += pixel_at(x, y) != background;
    }
  }
  std::printf("[measure] screenshot %s: %zu colours, %.1f %% of pixels differ from the background\n", path.c_str(),
              colours.size(), 100.0 * static_cast<double>(drawn) / (static_cast<double>(width) * height));
  CHECK(colours.size() > 20);  // anti-aliased text, not a flat fill
  CHECK(drawn > width * height / 20);
  // Top-down rows: the button's top-left corner area (inside the rounding) has the button fill.
  const int inside_x = static_cast<int>(button.min.x) + 20;
  const int inside_y = static_cast<int>(button.min.y) + 6;
  CHECK(pixel_at(inside_x, inside_y) != background);
  stbi_image_free(pixels);
}

TEST_CASE("a real window draws Chinese and English, screenshots it, and gets an xdotool click") {
  kiosk::test::XvfbServer xvfb(1024, 768);
  const auto opening = steady_clock::now();
  Window window(test_window_config());
  for (std::string_view text : test::kScreenTexts) window.fonts().add_text(text);
  window.fonts().add_text(test::kTicketNumber, FontRole::huge);
  Screen screen;
  const DrawFn draw = screen.draw();
  window.draw(draw);
  std::printf("[measure] Xvfb/llvmpipe: window open to first frame %.1f ms\n",
              std::chrono::duration<double, std::milli>(steady_clock::now() - opening).count());
  const AtlasStats& atlas = window.fonts().stats();
  std::printf("[measure] window atlas %dx%d (%.1f MiB RGBA), %d glyphs, built in %.1f ms\n", atlas.width, atlas.height,
              static_cast<double>(atlas.rgba_bytes()) / (1024.0 * 1024.0), atlas.glyphs, atlas.build_ms);

  const std::string before = screenshot_path("window_800x480.png");
  REQUIRE(window.draw_and_capture(draw, before));
  const std::optional<WidgetRect> button = window.widgets().find("take_ticket");
  REQUIRE(button);
  check_screenshot(before, window.framebuffer_size(), *button);
  CHECK(window.fonts().missing_characters().empty());
  CHECK(window.fonts().fallback_glyphs_drawn() == 0);

  const ImVec2 centre = button->centre();
  std::atomic<int> xdotool_status{-2};
  std::thread finger([&] {
    xdotool_status = kiosk::test::run_program({"xdotool", "search", "--sync", "--name", kTitle, "mousemove", "--window",
                                               "%1", std::to_string(static_cast<int>(centre.x)),
                                               std::to_string(static_cast<int>(centre.y)), "click", "1"});
    Window::wake();
  });
  const auto give_up = steady_clock::now() + 30s;
  while ((screen.take_ticket_clicks == 0 || xdotool_status == -2) && steady_clock::now() < give_up) {
    window.wait_until(std::min(give_up, steady_clock::now() + 1s));
    window.draw(draw);
  }
  finger.join();
  CHECK(xdotool_status == 0);
  CHECK(screen.take_ticket_clicks == 1);
  CHECK(screen.enquiry_clicks == 0);
  CHECK(window.draw_and_capture(draw, screenshot_path("window_after_click.png")));
}

TEST_CASE("while a finger is down the window keeps drawing without waiting for its deadline") {
  kiosk::test::XvfbServer xvfb(1024, 768);
  Window window(test_window_config());
  Screen screen;
  const DrawFn draw = screen.draw();
  window.draw(draw);  // its text was not added up front: the atlas is rebuilt and re-uploaded while live
  const ImVec2 centre = window.widgets().find("take_ticket")->centre();
  REQUIRE(kiosk::test::run_program({"xdotool", "search", "--sync", "--name", kTitle, "mousemove", "--window", "%1",
                                    std::to_string(static_cast<int>(centre.x)),
                                    std::to_string(static_cast<int>(centre.y)), "mousedown", "1"}) == 0);
  // Far more frames than are owed to the press itself: only the held finger keeps them coming.
  const auto give_up = steady_clock::now() + 60s;
  for (int frame = 0; frame < 30 && steady_clock::now() < give_up; ++frame) {
    window.wait_until(give_up);
    window.draw(draw);
  }
  CHECK(steady_clock::now() < give_up);
  const std::string finger_down = screenshot_path("window_finger_down.png");
  REQUIRE(window.draw_and_capture(draw, finger_down));
  check_screenshot(finger_down, window.framebuffer_size(), *window.widgets().find("take_ticket"));
  CHECK(window.fonts().stats().builds >= 2);
  CHECK(screen.take_ticket_clicks == 0);  // a click is reported when the finger lifts

  REQUIRE(kiosk::test::run_program({"xdotool", "mouseup", "1"}) == 0);
  for (int frame = 0; frame < 30 && screen.take_ticket_clicks == 0 && steady_clock::now() < give_up; ++frame) {
    window.wait_until(give_up);
    window.draw(draw);
  }
  CHECK(screen.take_ticket_clicks == 1);
}

TEST_CASE("while the window is open the X server neither blanks the screen nor powers it down") {
  kiosk::test::XvfbServer xvfb(1024, 768);
  Window window(test_window_config());
  const ScreenBlanking blanking = read_screen_blanking();
  CHECK(blanking.screen_saver_timeout_s == 0);
  CHECK_FALSE(blanking.dpms_enabled);
  std::printf("[measure] Xvfb: screen saver timeout %d s, DPMS %s\n", blanking.screen_saver_timeout_s,
              blanking.dpms_available ? (blanking.dpms_enabled ? "on" : "off") : "not offered");
}

TEST_CASE("a key pressed and released between two frames is seen pressed in one frame, then up") {
  kiosk::test::XvfbServer xvfb(1024, 768);
  Window window(test_window_config());
  int presses = 0;
  bool down_after = false;
  const DrawFn draw = [&](TouchUi&) {
    if (ImGui::IsKeyPressed(GLFW_KEY_F1, /*repeat=*/false)) ++presses;
    down_after = ImGui::IsKeyDown(GLFW_KEY_F1);
  };
  window.draw(draw);
  // Press and release reach the window's event queue before the next wait,
  // as on a slow frame: both come out of one poll.
  REQUIRE(kiosk::test::run_program(
              {"xdotool", "search", "--sync", "--name", kTitle, "windowfocus", "--sync", "%1", "key", "F1"}) == 0);
  std::this_thread::sleep_for(200ms);
  const auto give_up = steady_clock::now() + 10s;
  for (int frame = 0; frame < 6 && steady_clock::now() < give_up; ++frame) {
    window.wait_until(steady_clock::now() + 100ms);
    window.draw(draw);
  }
  CHECK(presses == 1);
  CHECK_FALSE(down_after);
}

TEST_CASE("wake() from a worker thread ends the wait; an idle window draws only at its deadlines") {
  kiosk::test::XvfbServer xvfb(1024, 768);
  Window window(test_window_config());
  const DrawFn draw = [](TouchUi& touch) {
    ScreenPanel panel("idle");
    touch.text("Idle 空闲");
  };
  // Let the frames owed to the first expose and focus events drain.
  for (int settle = 0; settle < 10; ++settle) {
    window.wait_until(steady_clock::now() + 50ms);
    window.draw(draw);
  }

  // Idle: a 4 Hz deadline for one second.
  const long frames_before = window.frames_drawn(), skipped_before = window.frames_skipped();
  const double cpu_before = cpu_seconds();
  const auto second_later = steady_clock::now() + 1s;
  while (steady_clock::now() < second_later) {
    window.wait_until(std::min(second_later, steady_clock::now() + 250ms));
    window.draw(draw);
  }
  std::printf(
      "[measure] idle with a 4 Hz deadline: %ld frames put on screen, %ld unchanged ones skipped, %.0f ms CPU in 1 s\n",
      window.frames_drawn() - frames_before, window.frames_skipped() - skipped_before,
      1000 * (cpu_seconds() - cpu_before));
  CHECK(window.frames_drawn() == frames_before);  // the same picture is never rendered again

  std::atomic<bool> result_ready{false};
  std::thread worker([&] {
    std::this_thread::sleep_for(200ms);
    result_ready = true;
    Window::wake();
  });
  const auto give_up = steady_clock::now() + 60s;
  while (!result_ready && steady_clock::now() < give_up) window.wait_until(give_up);
  const bool woken_before_deadline = steady_clock::now() < give_up;
  worker.join();
  CHECK(result_ready);
  CHECK(woken_before_deadline);
}

}  // namespace
}  // namespace kiosk::ui
