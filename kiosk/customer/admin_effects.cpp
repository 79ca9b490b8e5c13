// AdminEffects: StaffBook, printer_state, SyncStore and store_health read for
// the admin screen (see admin_effects.h).
#include "customer/admin_effects.h"

#include <cstdio>

#include "core/program_version.h"
#include "staff/staff_book.h"
#include "store/printer_state.h"
#include "store/store_health.h"
#include "sync/sync_store.h"

namespace kiosk::customer {

void AdminEffects::check_pin(const CheckStaffPin& e) {
  StaffBook staff(store_, clock_);
  Result<StaffMember> checked = staff.check_pin(e.name, e.pin);
  if (checked) {
    std::fprintf(stderr, "kiosk: %s opened the admin screen\n", checked.value().name.c_str());
    post_(StaffPinChecked{});
    return;
  }
  // The wrong PIN that starts a lockout says so at once.
  const std::optional<EpochMs> until = staff.locked_until(e.name);
  const std::string code = until ? "locked-out" : checked.error().code.empty() ? "storage" : checked.error().code;
  post_(StaffPinChecked{code, until ? *until - clock_.now_ms() : 0});
}

void AdminEffects::read_figures() {
  AdminFigures figures;
  figures.version = program_version();
  Result<std::optional<PrinterStatus>> printer = read_printer_status(store_);
  if (printer && printer.value()) {
    figures.printer_state = printer_state_name(printer.value()->state);
    figures.printer_message = printer.value()->message;
    figures.printer_checked_at = printer.value()->checked_at;
    figures.printer_checked_local = store_.zone().local_minute(figures.printer_checked_at);
  }
  Result<SyncStatus> sync = SyncStore(store_, clock_).status();
  if (sync) {
    const SyncStatus& s = sync.value();
    figures.hq_configured = s.configured;
    figures.last_sync_at = s.last_sync_at;
    if (s.last_sync_at) figures.last_sync_local = store_.zone().local_minute(*s.last_sync_at);
    figures.pending = s.pending;
    figures.oldest_pending_age_ms = s.oldest_pending_age_ms;
    figures.clock_offset_ms = s.clock_offset_ms;
    figures.commands_waiting = s.commands_waiting;
    figures.commands_refused = s.commands_refused;
    figures.last_error = s.last_error;
  }
  if (!printer)
    figures.read_error = printer.error().message;
  else if (!sync)
    figures.read_error = sync.error().message;
  post_(AdminFiguresRead{figures});

  AdminHealth health;
  Result<StoreHealth> read = read_store_health(store_);
  if (read)
    health = {read.value().database_bytes, read.value().disk_free_bytes, read.value().disk_total_bytes,
              read.value().integrity};
  else
    health.integrity = read.error().message;
  post_(AdminHealthRead{health});
}

}  // namespace kiosk::customer
