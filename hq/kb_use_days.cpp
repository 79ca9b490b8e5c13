// HQ's per-day sums of help-article uses (kb_use_days.h).
#include "hq/kb_use_days.h"

#include "hq/upload_reader.h"

namespace kiosk::hq {
namespace {

using DayArticle = std::pair<std::string, std::string>;

// Adds each (day, article)'s sums to the store's rows, making the rows it lacks.
void add_sums(HqDb& db, const std::string& store_id, const std::map<DayArticle, KbUseSums>& sums) {
  std::vector<std::vector<SqlParam>> rows;
  for (const auto& [key, s] : sums)
    if (!s.is_zero())
      rows.push_back({key.first, store_id, key.second, s.views, s.helpful, s.not_helpful, s.without_ticket});
  if (rows.empty()) return;
  db.run_each(
      "INSERT INTO kb_use_day(business_day, store_id, article_id, views, helpful, not_helpful, without_ticket) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(business_day, store_id, article_id) DO UPDATE SET "
      "views = kb_use_day.views + excluded.views, helpful = kb_use_day.helpful + excluded.helpful, "
      "not_helpful = kb_use_day.not_helpful + excluded.not_helpful, "
      "without_ticket = kb_use_day.without_ticket + excluded.without_ticket",
      rows);
}

}  // namespace

KbUseDays::KbUseDays(HqDb& db, std::string store_id,
                     const std::vector<std::pair<std::int64_t, const CheckedRecord*>>& records)
    : db_(db), store_id_(std::move(store_id)) {
  std::vector<SqlParam> params{store_id_};
  std::string ids;
  for (const auto& [seq, record] : records) {
    if (!record->kb_use) continue;
    params.emplace_back(record->id);
    ids += (ids.empty() ? "?" : ", ?") + std::to_string(params.size());
  }
  if (ids.empty()) return;
  db_.each("SELECT id, revision, data FROM record WHERE kind = 'kb_use' AND store_id = ?1 AND id IN (" + ids + ")" +
               db_.for_update(),
           params, [&](const SqlRow& row) {
             const std::optional<CheckedRecord> stored =
                 recheck_stored_record("kb_use", row.text(0), row.int64(1), row.text(2));
             if (stored && stored->kb_use) held_[row.text(0)] = *stored->kb_use;
           });
}

void KbUseDays::add(const CheckedRecord& record) {
  if (!record.kb_use) return;
  const KbUseFact& use = *record.kb_use;
  if (const auto before = held_.find(record.id); before != held_.end())
    changes_[{before->second.business_day, before->second.article}] -= counted(before->second);
  changes_[{use.business_day, use.article}] += counted(use);
  held_[record.id] = use;  // a later revision in the same batch replaces this one
}

void KbUseDays::write() { add_sums(db_, store_id_, changes_); }

void rebuild_kb_use_days(HqDb& db) {
  std::map<std::string, std::map<DayArticle, KbUseSums>> by_store;
  db.each("SELECT id, revision, data, store_id FROM record WHERE kind = 'kb_use'", {}, [&](const SqlRow& row) {
    const std::optional<CheckedRecord> stored = recheck_stored_record("kb_use", row.text(0), row.int64(1), row.text(2));
    if (stored && stored->kb_use)
      by_store[row.text(3)][{stored->kb_use->business_day, stored->kb_use->article}] += counted(*stored->kb_use);
  });
  db.run("DELETE FROM kb_use_day");
  for (const auto& [store_id, sums] : by_store) add_sums(db, store_id, sums);
}

}  // namespace kiosk::hq
