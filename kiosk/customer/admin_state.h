// The staff corner of the customer kiosk: the staff login (kit/staff_login_form.h)
// that opens the admin screen, the figures that screen shows (version, disk,
// database, printer, sync), and its Devices screen (devices_state.h). Plain data owned by the UI thread; admin_reducer
// changes it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "customer/devices_state.h"
#include "kit/staff_login_form.h"

namespace kiosk::customer {

// What the admin screen shows, read on the worker. No personal data.
struct AdminFigures {
  std::string version;
  std::string printer_state;  // "ok", "paper-near-end", "paper-out", "failed", "unknown"; empty: never checked
  std::string printer_message;
  EpochMs printer_checked_at = 0;
  std::string printer_checked_local;  // "2026-11-23 14:05" in the store's zone
  bool hq_configured = false;
  std::optional<EpochMs> last_sync_at;
  std::string last_sync_local;
  std::int64_t pending = 0;
  std::optional<std::int64_t> oldest_pending_age_ms;
  std::optional<std::int64_t> clock_offset_ms;  // HQ's clock minus ours
  std::int64_t commands_waiting = 0;
  std::int64_t commands_refused = 0;
  std::string last_error;
  std::string read_error;  // the store could not be read
};

// The slow part (quick_check reads every page), read after the figures.
struct AdminHealth {
  std::int64_t database_bytes = 0;
  std::int64_t disk_free_bytes = 0;
  std::int64_t disk_total_bytes = 0;
  std::string integrity;  // "ok", or what quick_check found
};

struct AdminFlow {
  std::optional<EpochMs> hold_since;    // a finger is on the welcome title since
  kit::StaffLoginForm login;            // busy while the worker checks the PIN (argon2id)
  std::optional<AdminFigures> figures;  // nullopt: being read
  std::optional<AdminHealth> health;    // nullopt: being checked
  EpochMs read_at = 0;                  // when the figures were asked for
  DevicesFlow devices;                  // the Devices screen, opened from the admin screen
};

}  // namespace kiosk::customer
