// The store's health as it travels to HQ with every sync request: one line of
// compact ASCII JSON in the X-Kiosk-Health header (docs/hq-sync-protocol.md).
// The store encodes it (health_probe.h reads the values); HQ decodes it
// strictly and ignores a report that is not exactly this.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "store/printer_state.h"

namespace kiosk {

constexpr const char* kHealthHeader = "X-Kiosk-Health";
// HQ ignores a longer value; the store's is 250-320 bytes, and never longer.
constexpr std::size_t kMaxHealthHeaderBytes = 1024;
// The printer's message and the integrity text are cut to this many bytes.
constexpr std::size_t kHealthTextBytes = 64;

struct HealthReport {
  std::string version;                   // program_version() of the process that syncs
  std::optional<EpochMs> started_at;     // when that process started; none for a one-off kioskctl sync
  std::optional<PrinterStatus> printer;  // none: never checked
  std::int64_t pending = 0;              // outbox rows HQ has not acknowledged
  std::optional<std::int64_t> oldest_pending_s;
  std::int64_t database_bytes = 0;
  std::int64_t disk_free_bytes = 0;
  std::int64_t disk_total_bytes = 0;
  std::string integrity;  // "ok", or what quick_check found
  EpochMs at = 0;         // the store's clock when read
};

// {"version":"0.1.0","started_at":...,"printer":{"state":"ok","message":"","checked_at":...},"pending":0,
//  "oldest_pending_s":null,"db_bytes":...,"disk_free":...,"disk_total":...,"integrity":"ok","at":...}
// Texts are cut to kHealthTextBytes (on a UTF-8 boundary) and escaped to ASCII.
std::string encode_health(const HealthReport& report);

// The report, or invalid_argument naming what is wrong (not JSON, a field
// missing, of the wrong type or out of range, over kMaxHealthHeaderBytes).
// Fields it does not know are ignored (a newer store).
Result<HealthReport> decode_health(const std::string& text);

}  // namespace kiosk
