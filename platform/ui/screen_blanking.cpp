// The X server's screen saver and DPMS, through GLFW's X11 display.
#include "ui/screen_blanking.h"

#define GLFW_EXPOSE_NATIVE_X11
#include <GLFW/glfw3.h>
#include <GLFW/glfw3native.h>
#include <X11/Xlib.h>
#include <X11/extensions/dpms.h>

#include "ui/ui_log.h"

namespace kiosk::ui {

void inhibit_screen_blanking() {
  Display* display = glfwGetX11Display();
  if (display == nullptr) {
    log_warning("no X11 display: the screen saver is left as it is");
    return;
  }
  XSetScreenSaver(display, /*timeout=*/0, /*interval=*/0, DontPreferBlanking, DefaultExposures);
  XResetScreenSaver(display);
  int event_base = 0, error_base = 0;
  if (DPMSQueryExtension(display, &event_base, &error_base) && DPMSCapable(display)) DPMSDisable(display);
  XFlush(display);
}

ScreenBlanking read_screen_blanking() {
  ScreenBlanking state;
  Display* display = glfwGetX11Display();
  if (display == nullptr) return state;
  int interval = 0, prefer_blanking = 0, allow_exposures = 0;
  XGetScreenSaver(display, &state.screen_saver_timeout_s, &interval, &prefer_blanking, &allow_exposures);
  int event_base = 0, error_base = 0;
  state.dpms_available = DPMSQueryExtension(display, &event_base, &error_base) && DPMSCapable(display);
  if (state.dpms_available) {
    CARD16 power_level = 0;
    BOOL enabled = False;
    DPMSInfo(display, &power_level, &enabled);
    state.dpms_enabled = enabled;
  }
  return state;
}

}  // namespace kiosk::ui
