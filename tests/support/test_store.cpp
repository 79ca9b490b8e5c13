// TestStore: init through StoreDb::create with the shipped default catalogue.
#include "support/test_store.h"

#include <stdexcept>

#include "store/catalog.h"
#include "sync/sync_store.h"

#ifndef KIOSK_ASSETS_DIR
#error "KIOSK_ASSETS_DIR must name the assets directory"
#endif

namespace kiosk::test {

std::string default_catalog_path() { return std::string(KIOSK_ASSETS_DIR) + "/catalog-default.jsonl"; }

TestStore::TestStore(const std::string& time_zone, EpochMs start, int interleave, const std::string& data_dir)
    : clock(start) {
  Result<std::vector<Service>> catalog = read_catalog_file(default_catalog_path());
  if (!catalog) throw std::runtime_error(catalog.error().message);
  StoreSettings settings;
  settings.store_id = "TEST-STORE";
  settings.time_zone = time_zone;
  settings.priority_interleave = interleave;
  Result<std::unique_ptr<StoreDb>> created =
      StoreDb::create(data_dir.empty() ? dir.path() : data_dir, settings, catalog.value(), start);
  if (!created) throw std::runtime_error(created.error().message);
  store = std::move(created).value();
  engine = std::make_unique<QueueEngine>(*store, clock);
}

void apply_feed_change(StoreDb& store, const std::string& kind, const std::string& key, const std::string& data_json) {
  SystemClock clock;
  SyncStore sync(store, clock);
  Result<SyncStatus> status = sync.status();
  if (!status) throw std::runtime_error(status.error().message);
  const std::int64_t seq = status.value().changes_after + 1;
  const nlohmann::json changes =
      nlohmann::json::array({{{"seq", seq}, {"kind", kind}, {"key", key}, {"data", nlohmann::json::parse(data_json)}}});
  Result<std::int64_t> applied = sync.apply_changes(changes, seq);
  if (!applied) throw std::runtime_error(applied.error().message);
}

void give_public_page(StoreDb& store, const std::string& public_url, bool reminders) {
  const nlohmann::json data{{"public_url", public_url.empty() ? nlohmann::json(nullptr) : nlohmann::json(public_url)},
                            {"reminders", reminders}};
  apply_feed_change(store, "public_page", "settings", data.dump());
}

}  // namespace kiosk::test
