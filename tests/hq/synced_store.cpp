// A store syncing with the test's hq: see synced_store.h.
#include "hq/synced_store.h"

#include <doctest/doctest.h>

#include "core/clock.h"
#include "queue/queue_engine.h"
#include "store/store_db.h"

namespace kiosk::test {

SyncedStore::SyncedStore(HqFixture& hq, const std::string& store_id, const std::string& token_store,
                         const std::string& data_dir)
    : data(data_dir.empty() ? hq.dir.file("store-" + store_id) : data_dir) {
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

void sync_through_faults(const SyncedStore& store, const FaultProxy& proxy, int batch, const std::string& what) {
  CtlReply last;
  int rounds = 0;
  for (; rounds < 60; ++rounds) {
    last = kioskctl(store.data, {"sync", "--batch", std::to_string(batch)});
    if (last.exit_code == 0) break;
  }
  const std::map<FaultProxy::Fault, int> counts = proxy.counts();
  std::string faults;
  for (const auto& [fault, count] : counts)
    faults += std::string(" ") + FaultProxy::name(fault) + "=" + std::to_string(count);
  MESSAGE(what << " in " << rounds + 1 << " sync rounds; requests:" << faults);
  REQUIRE_MESSAGE(last.exit_code == 0, last.body.dump());
  for (int f = 1; f <= static_cast<int>(FaultProxy::Fault::Stall); ++f)
    CHECK_MESSAGE(counts.count(static_cast<FaultProxy::Fault>(f)) == 1,
                  "fault never injected: " << std::string(FaultProxy::name(static_cast<FaultProxy::Fault>(f))));
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
