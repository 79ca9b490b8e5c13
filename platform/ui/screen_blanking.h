// Keeps the kiosk's screen lit. Under cage the kiosk is an X11 client of
// Xwayland, which like any X server blanks after 10 minutes without input
// (its screen saver) and may power the monitor down (DPMS); cage itself has no
// idle timeout. A kiosk idles for hours between customers and must stay
// visible, so the window turns both off for its display when it opens.
#pragma once

namespace kiosk::ui {

struct ScreenBlanking {
  int screen_saver_timeout_s = -1;  // 0: never
  bool dpms_available = false;
  bool dpms_enabled = false;
};

// Both act on GLFW's X11 display: call them once a window is open.
// Turns the X server's screen saver and DPMS off (logs and goes on when the
// display is not X11).
void inhibit_screen_blanking();

// What the X server does now (for tests).
ScreenBlanking read_screen_blanking();

}  // namespace kiosk::ui
