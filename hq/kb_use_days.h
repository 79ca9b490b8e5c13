// kb_use_day (schema 9): per business day, store and article, the sums of
// what the kiosks counted of help articles (kb_use_counts.h), kept as kb_use
// records arrive, in the upload's transaction. Each use counts once, as its
// latest revision says: a newer revision takes its older one's counts away
// and adds its own (the older one's data is HQ's copy in `record`), so a
// batch applied twice, or revisions in any order, give the same sums.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "hq/hq_db.h"
#include "hq/kb_use_counts.h"

namespace kiosk::hq {

struct CheckedRecord;  // upload_reader.h

class KbUseDays {
 public:
  // Before `records` are stored: reads (on PostgreSQL locks) HQ's copy of
  // each kb_use record among them, to take its counts away when it is replaced.
  KbUseDays(HqDb& db, std::string store_id, const std::vector<std::pair<std::int64_t, const CheckedRecord*>>& records);

  // A record that was stored (new, or newer than HQ's copy); other kinds are ignored.
  void add(const CheckedRecord& record);
  // Adds the changes to kb_use_day (one statement, sent together).
  void write();

 private:
  HqDb& db_;
  std::string store_id_;
  std::map<std::string, KbUseFact> held_;                             // record id -> HQ's copy
  std::map<std::pair<std::string, std::string>, KbUseSums> changes_;  // (day, article) -> change
};

// Every day's sums again from the stored kb_use records (hq figures rebuild).
void rebuild_kb_use_days(HqDb& db);

}  // namespace kiosk::hq
