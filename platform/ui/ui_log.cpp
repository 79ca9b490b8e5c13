// stderr logging with a "[ui]" prefix; debug lines gated by KIOSK_UI_DEBUG.
#include "ui/ui_log.h"

#include <cstdarg>
#include <cstdio>
#include <cstdlib>

namespace kiosk::ui {
namespace {

void write_line(const char* level, const char* format, std::va_list args) {
  std::fprintf(stderr, "[ui] %s: ", level);
  std::vfprintf(stderr, format, args);
  std::fputc('\n', stderr);
}

}  // namespace

void log_warning(const char* format, ...) {
  std::va_list args;
  va_start(args, format);
  write_line("warning", format, args);
  va_end(args);
}

void log_debug(const char* format, ...) {
  static const bool enabled = std::getenv("KIOSK_UI_DEBUG") != nullptr;
  if (!enabled) return;
  std::va_list args;
  va_start(args, format);
  write_line("debug", format, args);
  va_end(args);
}

}  // namespace kiosk::ui
