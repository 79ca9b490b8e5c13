// A store syncing with the test's hq: see synced_store.h.
#include "hq/synced_store.h"

#include <doctest/doctest.h>

#include "core/clock.h"
#include "queue/queue_engine.h"
#include "store/store_db.h"

namespace kiosk::test {

SyncedStore::SyncedStore(HqFixture& hq, const std::string& store_id, const std::string& token_store)
    : data(hq.dir.file("store-" + store_id)) {
  REQUIRE(kioskctl(data, {"init", "--store", store_id}).exit_code == 0);
  REQUIRE(kioskctl(data, {"counter", "open", "--counter", "1", "--services", "A,B"}).exit_code == 0);
  token = hq.add_device(token_store);
  REQUIRE(kioskctl(data, {"hq", "set", "--url", hq.url(), "--token", token}).exit_code == 0);
}

std::vector<std::string> issue_backlog(const std::string& data, int count) {
  auto store = StoreDb::open(data);
  REQUIRE(store.ok());
  store.value()->db().exec("PRAGMA synchronous=OFF");
  SystemClock clock;
  QueueEngine engine(*store.value(), clock);
  std::vector<std::string> ids;
  for (int i = 0; i < count; ++i) ids.push_back(engine.issue({i % 3 == 0 ? "B" : "A", false, {}}).value().ticket.id);
  return ids;
}

std::map<std::string, Json> by_id(const std::vector<Json>& exported) {
  std::map<std::string, Json> records;
  for (const Json& r : exported) {
    CHECK_MESSAGE(records.count(r["id"]) == 0, "exported twice: " << r["id"]);
    records[r["id"]] = r;
  }
  return records;
}

}  // namespace kiosk::test
