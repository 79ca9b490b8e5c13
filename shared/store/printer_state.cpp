// The printer's last known state in the store database (schema 8, printer_state).
#include "store/printer_state.h"

#include <array>
#include <utility>

#include "store/storage_guard.h"

namespace kiosk {
namespace {

constexpr std::array<std::pair<PrinterState, const char*>, 5> kNames{{
    {PrinterState::Unknown, "unknown"},
    {PrinterState::Ok, "ok"},
    {PrinterState::PaperNearEnd, "paper-near-end"},
    {PrinterState::PaperOut, "paper-out"},
    {PrinterState::Failed, "failed"},
}};

}  // namespace

const char* printer_state_name(PrinterState state) {
  for (const auto& [value, name] : kNames)
    if (value == state) return name;
  return "unknown";
}

std::optional<PrinterState> parse_printer_state(const std::string& name) {
  for (const auto& [value, known] : kNames)
    if (name == known) return value;
  return std::nullopt;
}

Result<Done> record_printer_status(StoreDb& store, const PrinterStatus& status) {
  return storage_guarded([&]() -> Result<Done> {
    store.db()
        .prepare(
            "INSERT INTO printer_state(id, state, message, checked_at) VALUES (1, ?1, ?2, ?3) "
            "ON CONFLICT(id) DO UPDATE SET state = excluded.state, message = excluded.message, "
            "checked_at = excluded.checked_at")
        .bind(1, std::string(printer_state_name(status.state)))
        .bind(2, status.message)
        .bind(3, status.checked_at)
        .run();
    return Done{};
  });
}

Result<std::optional<PrinterStatus>> read_printer_status(StoreDb& store) {
  return storage_guarded([&]() -> Result<std::optional<PrinterStatus>> {
    Statement& q = store.db().prepare("SELECT state, message, checked_at FROM printer_state WHERE id = 1");
    if (!q.step()) {
      q.reset();
      return std::optional<PrinterStatus>{};
    }
    PrinterStatus status{parse_printer_state(q.text(0)).value_or(PrinterState::Unknown), q.text(1), q.int64(2)};
    q.reset();
    return std::optional<PrinterStatus>{status};
  });
}

}  // namespace kiosk
