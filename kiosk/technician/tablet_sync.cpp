// The technician app's sync thread and what its rounds tell the screens (see tablet_sync.h).
#include "technician/tablet_sync.h"

#include <cstdio>

#include "http/sync_transport.h"
#include "technician/tablet_reads.h"

namespace kiosk::technician {

std::string sync_error_key(const FieldSyncReport& report) {
  if (!report.error) return {};
  if (report.wiped || report.refusal_code == "revoked-device" || report.error->code == "device-revoked")
    return "tech.sync.error.revoked";
  if (report.refused) return "tech.sync.error.refused";
  if (report.error->code == "not-configured") return "tech.sync.error.not_set_up";
  if (report.error->kind == ErrorKind::Unavailable) return "tech.sync.error.unreachable";
  return "tech.sync.error.other";
}

std::unique_ptr<FieldSyncWorker> start_tablet_sync(const std::string& data_dir, const Clock& clock,
                                                   const TabletSyncConfig& config, std::function<void(Action)> post) {
  FieldSyncWorker::TransportFactory transport = config.transport;
  if (!transport)
    transport = [](const SyncConfig& hq, const std::atomic<bool>& stopping) -> std::unique_ptr<SyncTransport> {
      return std::make_unique<http::HttpSyncTransport>(hq.hq_url, hq.device_token, &stopping);
    };
  auto observer = [&clock, post = std::move(post)](const FieldSyncReport& report, FieldDb& field) {
    if (report.error && report.error->code != "not-configured")
      std::fprintf(stderr, "kiosk: sync with HQ: %s\n", report.error->message.c_str());
    Result<TabletStatus> tablet = read_tablet_status(field, clock);
    if (!tablet) {
      std::fprintf(stderr, "kiosk: %s\n", tablet.error().message.c_str());
      return;
    }
    const bool changed = report.changes > 0 || report.commands > 0 || report.purged > 0;
    post(SyncReported{tablet.value(), sync_error_key(report), changed, report.wiped});
  };
  auto worker =
      std::make_unique<FieldSyncWorker>(data_dir, clock, std::move(transport), config.options, std::move(observer));
  worker->start();
  return worker;
}

}  // namespace kiosk::technician
