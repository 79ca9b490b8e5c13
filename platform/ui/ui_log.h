// Log lines of the UI layer on stderr (the journal on the device). Warnings
// always; debug lines only when KIOSK_UI_DEBUG is set in the environment.
#pragma once

namespace kiosk::ui {

[[gnu::format(printf, 1, 2)]] void log_warning(const char* format, ...);
[[gnu::format(printf, 1, 2)]] void log_debug(const char* format, ...);

}  // namespace kiosk::ui
