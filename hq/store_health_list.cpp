// The problems of a device's health and the lines of `hq stores`.
#include "hq/store_health_list.h"

#include <set>

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

json optional_number(const std::optional<std::int64_t>& value) { return value ? json(*value) : json(nullptr); }

json report_json(const DeviceHealth& h) {
  if (!h.received_at) return nullptr;
  const HealthReport& r = h.report;
  const json printer = r.printer ? json{{"state", printer_state_name(r.printer->state)},
                                        {"message", r.printer->message},
                                        {"checked_at", r.printer->checked_at}}
                                 : json(nullptr);
  return json{{"received_at", *h.received_at},
              {"version", r.version},
              {"started_at", optional_number(r.started_at)},
              {"printer", printer},
              {"pending", r.pending},
              {"oldest_pending_s", optional_number(r.oldest_pending_s)},
              {"database_bytes", r.database_bytes},
              {"disk_free_bytes", r.disk_free_bytes},
              {"disk_total_bytes", r.disk_total_bytes},
              {"integrity", r.integrity},
              {"store_time", r.at}};
}

}  // namespace

std::vector<std::string> health_problems(const DeviceHealth& health, EpochMs now, const HealthThresholds& thresholds) {
  std::vector<std::string> problems;
  const std::int64_t down_ms = std::chrono::duration_cast<std::chrono::milliseconds>(thresholds.down_after).count();
  if (!health.received_at || now - *health.received_at > down_ms) problems.push_back("down");
  if (!health.received_at) return problems;
  const HealthReport& r = health.report;
  if (r.printer && (r.printer->state == PrinterState::PaperOut || r.printer->state == PrinterState::Failed))
    problems.push_back("out-of-paper");
  if (r.printer && r.printer->state == PrinterState::PaperNearEnd) problems.push_back("paper-low");
  const std::int64_t behind_s = std::chrono::duration_cast<std::chrono::seconds>(thresholds.behind_after).count();
  if ((r.oldest_pending_s && *r.oldest_pending_s > behind_s) || r.pending > thresholds.behind_pending)
    problems.push_back("behind");
  if (r.integrity != "ok") problems.push_back("integrity");
  if (r.disk_free_bytes * 100 < r.disk_total_bytes * thresholds.disk_low_percent ||
      r.disk_free_bytes < thresholds.disk_low_bytes)
    problems.push_back("disk-low");
  return problems;
}

Result<json> list_store_health(HqDb& db, EpochMs now, const HealthThresholds& thresholds,
                               const std::function<void(const std::string&)>& line) {
  try {
    std::set<std::string> stores;
    std::int64_t devices = 0, with_problems = 0;
    for (const DeviceHealth& h : read_device_health(db)) {
      const std::vector<std::string> problems = health_problems(h, now, thresholds);
      stores.insert(h.store_id);
      devices += h.device_id ? 1 : 0;
      with_problems += problems.empty() ? 0 : 1;
      json out{{"store", h.store_id},
               {"name", h.store_name},
               {"device", h.device_id ? json(*h.device_id) : json(nullptr)},
               {"label", h.label},
               {"health", report_json(h)},
               {"problems", problems}};
      if (h.ignored > 0) out["ignored_reports"] = json{{"count", h.ignored}, {"last_reason", h.last_ignored_reason}};
      line(out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
    return json{{"stores", stores.size()}, {"devices", devices}, {"with_problems", with_problems}};
  } catch (const StorageFailure& e) {
    return storage_error_of(e);
  }
}

}  // namespace kiosk::hq
