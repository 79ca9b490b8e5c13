// Keeping and reading the devices' health reports (schema 3: device_health,
// device_health_ignored).
#include "hq/device_health.h"

namespace kiosk::hq {

std::optional<std::string> take_health_report(HqDb& db, const Device& device, const std::string& header, EpochMs now) {
  Result<HealthReport> decoded = decode_health(header);
  if (!decoded) {
    const std::string reason = decoded.error().message;
    db.write([&] {
      db.run(
          "INSERT INTO device_health_ignored(device_id, count, last_at, last_reason) VALUES (?1, 1, ?2, ?3) "
          "ON CONFLICT(device_id) DO UPDATE SET count = device_health_ignored.count + 1, last_at = excluded.last_at, "
          "last_reason = excluded.last_reason",
          {device.id, now, reason});
      return true;
    });
    return reason;
  }
  const HealthReport& r = decoded.value();
  const std::optional<std::string> printer_state =
      r.printer ? std::optional<std::string>(printer_state_name(r.printer->state)) : std::nullopt;
  const std::optional<std::string> printer_message =
      r.printer ? std::optional<std::string>(r.printer->message) : std::nullopt;
  const std::optional<std::int64_t> printer_checked_at =
      r.printer ? std::optional<std::int64_t>(r.printer->checked_at) : std::nullopt;
  db.write([&] {
    db.run(
        "INSERT INTO device_health(device_id, received_at, version, started_at, printer_state, printer_message, "
        "printer_checked_at, pending, oldest_pending_s, database_bytes, disk_free_bytes, disk_total_bytes, integrity, "
        "store_time) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) ON CONFLICT(device_id) DO "
        "UPDATE SET received_at = excluded.received_at, version = excluded.version, started_at = excluded.started_at, "
        "printer_state = excluded.printer_state, printer_message = excluded.printer_message, "
        "printer_checked_at = excluded.printer_checked_at, pending = excluded.pending, "
        "oldest_pending_s = excluded.oldest_pending_s, database_bytes = excluded.database_bytes, "
        "disk_free_bytes = excluded.disk_free_bytes, disk_total_bytes = excluded.disk_total_bytes, "
        "integrity = excluded.integrity, store_time = excluded.store_time",
        {device.id, now, r.version, r.started_at, printer_state, printer_message, printer_checked_at, r.pending,
         r.oldest_pending_s, r.database_bytes, r.disk_free_bytes, r.disk_total_bytes, r.integrity, r.at});
    return true;
  });
  return std::nullopt;
}

std::vector<DeviceHealth> read_device_health(HqDb& db) {
  std::vector<DeviceHealth> list;
  db.each(
      "SELECT s.id, s.name, d.id, d.label, h.received_at, h.version, h.started_at, h.printer_state, h.printer_message, "
      "h.printer_checked_at, h.pending, h.oldest_pending_s, h.database_bytes, h.disk_free_bytes, h.disk_total_bytes, "
      "h.integrity, h.store_time, coalesce(i.count, 0), coalesce(i.last_reason, '') "
      "FROM hq_store s LEFT JOIN device d ON d.store_id = s.id AND d.revoked_at IS NULL AND d.technician_id IS NULL "
      "LEFT JOIN device_health h ON h.device_id = d.id LEFT JOIN device_health_ignored i ON i.device_id = d.id "
      "ORDER BY s.id, d.created_at, d.id",
      {}, [&](const SqlRow& q) {
        DeviceHealth h;
        h.store_id = q.text(0);
        h.store_name = q.text(1);
        h.device_id = q.optional_text(2);
        h.label = q.is_null(3) ? std::string() : q.text(3);
        h.received_at = q.optional_int64(4);
        if (h.received_at) {
          HealthReport& r = h.report;
          r.version = q.text(5);
          r.started_at = q.optional_int64(6);
          if (!q.is_null(7))
            r.printer =
                PrinterStatus{parse_printer_state(q.text(7)).value_or(PrinterState::Unknown), q.text(8), q.int64(9)};
          r.pending = q.int64(10);
          r.oldest_pending_s = q.optional_int64(11);
          r.database_bytes = q.int64(12);
          r.disk_free_bytes = q.int64(13);
          r.disk_total_bytes = q.int64(14);
          r.integrity = q.text(15);
          r.at = q.int64(16);
        }
        h.ignored = q.int64(17);
        h.last_ignored_reason = q.text(18);
        list.push_back(std::move(h));
      });
  return list;
}

}  // namespace kiosk::hq
