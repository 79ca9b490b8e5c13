// TestStore: init through StoreDb::create with the shipped default catalogue.
#include "support/test_store.h"

#include <stdexcept>

#include "store/catalog.h"

#ifndef KIOSK_ASSETS_DIR
#error "KIOSK_ASSETS_DIR must name the assets directory"
#endif

namespace kiosk::test {

std::string default_catalog_path() { return std::string(KIOSK_ASSETS_DIR) + "/catalog-default.jsonl"; }

TestStore::TestStore(const std::string& time_zone, EpochMs start, int interleave) : clock(start) {
  Result<std::vector<Service>> catalog = read_catalog_file(default_catalog_path());
  if (!catalog) throw std::runtime_error(catalog.error().message);
  StoreSettings settings;
  settings.store_id = "TEST-STORE";
  settings.time_zone = time_zone;
  settings.priority_interleave = interleave;
  Result<std::unique_ptr<StoreDb>> created = StoreDb::create(dir.path(), settings, catalog.value(), start);
  if (!created) throw std::runtime_error(created.error().message);
  store = std::move(created).value();
  engine = std::make_unique<QueueEngine>(*store, clock);
}

}  // namespace kiosk::test
