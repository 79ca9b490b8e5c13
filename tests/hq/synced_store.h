// A store that syncs with the test's hq (through `kioskctl sync`, also
// through a fault proxy), a backlog of tickets made fast, and HQ's export by
// record id.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "hq/fault_proxy.h"
#include "hq/hq_fixture.h"

namespace kiosk::test {

// A store with counter 1 open for services A and B, configured with HQ's URL
// and the token of a device of `token_store`; in `data_dir` when given (a
// SmallDisk's), else in hq's temp dir.
struct SyncedStore {
  explicit SyncedStore(HqFixture& hq, const std::string& store_id = "S1", const std::string& token_store = "S1",
                       const std::string& data_dir = {});
  std::string data;
  std::string token;
};

// Tickets written straight into the store file by this process: a backlog
// made fast (this connection alone skips fsync; the outbox is the same).
std::vector<std::string> issue_backlog(const std::string& data, int count);

// Syncs `store` in batches of `batch` records through `proxy` until a round
// ends with nothing left (at most 60 rounds); requires that it did, reports
// the rounds and the faults drawn, and checks that every kind was injected.
void sync_through_faults(const SyncedStore& store, const FaultProxy& proxy, int batch, const std::string& what);

// Exported records by id; a record exported twice fails the test.
std::map<std::string, Json> by_id(const std::vector<Json>& exported);

}  // namespace kiosk::test
