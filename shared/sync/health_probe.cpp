// HealthProbe: one report from the store's own tables and file system.
#include "sync/health_probe.h"

#include <algorithm>

#include "core/program_version.h"
#include "store/printer_state.h"
#include "store/store_health.h"
#include "sync/sync_store.h"

namespace kiosk {

HealthProbe::HealthProbe(StoreDb& store, const Clock& clock, std::optional<EpochMs> started_at,
                         std::chrono::milliseconds integrity_every)
    : store_(store), clock_(clock), started_at_(started_at), integrity_every_(integrity_every) {}

Result<HealthReport> HealthProbe::read() {
  const EpochMs now = clock_.now_ms();
  if (integrity_.empty() || now - integrity_checked_at_ >= integrity_every_.count() || now < integrity_checked_at_) {
    Result<std::string> integrity = check_store_integrity(store_);
    if (!integrity) return integrity.error();
    integrity_ = integrity.value().empty() ? std::string("no answer") : std::move(integrity).value();
    integrity_checked_at_ = now;
  }
  Result<StoreHealth> space = read_store_space(store_);
  if (!space) return space.error();
  Result<std::optional<PrinterStatus>> printer = read_printer_status(store_);
  if (!printer) return printer.error();
  Result<SyncStatus> sync = SyncStore(store_, clock_).status();
  if (!sync) return sync.error();

  HealthReport report;
  report.version = program_version();
  report.started_at = started_at_;
  report.printer = printer.value();
  report.pending = sync.value().pending;
  if (const auto& age = sync.value().oldest_pending_age_ms)
    report.oldest_pending_s = std::max<std::int64_t>(*age / 1000, 0);
  report.database_bytes = space.value().database_bytes;
  report.disk_free_bytes = space.value().disk_free_bytes;
  report.disk_total_bytes = space.value().disk_total_bytes;
  report.integrity = integrity_;
  report.at = now;
  return report;
}

}  // namespace kiosk
