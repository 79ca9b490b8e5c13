// HQ's figure rows, kept as records arrive (figure_store.h).
#include "hq/figure_store.h"

#include <nlohmann/json.hpp>
#include <set>

#include "core/comma_list.h"
#include "core/store_time_zone.h"

namespace kiosk::hq {
namespace {

constexpr int kSumNumbers = 18;  // StatsSums' 13 and r1..r5

std::vector<std::int64_t> numbers_of(const FigureSums& f) {
  const StatsSums& s = f.stats;
  std::vector<std::int64_t> n{s.tickets,
                              s.served,
                              s.no_shows,
                              s.still_open,
                              s.called,
                              s.wait_ms,
                              s.within_target,
                              s.uncalled,
                              s.service_n,
                              s.service_ms,
                              s.estimate_n,
                              s.estimate_error_ms,
                              s.estimate_within_5min};
  n.insert(n.end(), f.ratings.scores.begin(), f.ratings.scores.end());
  return n;
}

// "c1 = ?K, c2 = ?K+1, ...": the sums' columns from parameter `first` on.
std::string assignments(int first) {
  std::string sql;
  int index = first;
  for (const std::string& column : figure_sum_columns())
    sql += (sql.empty() ? "" : ", ") + column + " = ?" + std::to_string(index++);
  return sql;
}

std::string column_list() {
  std::string list;
  for (const std::string& column : figure_sum_columns()) list += (list.empty() ? "" : ", ") + column;
  return list;
}

// Writes `sums` into the row with the key in ?1..?3; `extra` is set after them.
void write_sums(HqDb& db, const std::string& table, const std::string& key_column, const std::string& store,
                const std::string& period, const std::string& service, const FigureSums& sums,
                const std::vector<std::pair<std::string, SqlParam>>& extra = {}) {
  const std::vector<std::int64_t> numbers = numbers_of(sums);
  const std::string texts[] = {encode_counts(sums.ratings.reasons), encode_counts(sums.wait_bins),
                               encode_counts(sums.arrivals)};
  std::vector<SqlParam> params{store, period, service};
  for (std::int64_t n : numbers) params.emplace_back(n);
  for (const std::string& t : texts) params.emplace_back(t);
  std::string sql = "UPDATE " + table + " SET " + assignments(4);
  for (const auto& [column, value] : extra) {
    params.push_back(value);
    sql += ", " + column + " = ?" + std::to_string(params.size());
  }
  db.run(sql + " WHERE store_id = ?1 AND " + key_column + " = ?2 AND service = ?3", params);
}

// Reads (and on PostgreSQL locks) a sums row, made empty first if missing.
// `extra_column` (figure_day's ledger) is read after the sums.
FigureSums lock_sums(HqDb& db, const std::string& table, const std::string& key_column, const std::string& store,
                     const std::string& period, const std::string& service, std::string* extra_column = nullptr,
                     const char* extra_name = nullptr) {
  db.run("INSERT INTO " + table + "(store_id, " + key_column + ", service) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
         {store, period, service});
  FigureSums sums;
  db.first("SELECT " + column_list() + (extra_name ? std::string(", ") + extra_name : "") + " FROM " + table +
               " WHERE store_id = ?1 AND " + key_column + " = ?2 AND service = ?3" + db.for_update(),
           {store, period, service}, [&](const SqlRow& row) {
             sums = read_figure_sums(row, 0);
             if (extra_column) *extra_column = row.text(int(figure_sum_columns().size()));
           });
  return sums;
}

StoreTimeZone time_zone_of(HqDb& db, const std::string& store_id) {
  std::string name = "Asia/Shanghai";
  db.first("SELECT time_zone FROM hq_store WHERE id = ?1", {store_id}, [&](const SqlRow& row) { name = row.text(0); });
  Result<StoreTimeZone> zone = StoreTimeZone::load(name);
  return zone ? zone.value() : StoreTimeZone::load("Asia/Shanghai").value();
}

}  // namespace

const std::vector<std::string>& figure_sum_columns() {
  static const std::vector<std::string> columns{"tickets",
                                                "served",
                                                "no_shows",
                                                "still_open",
                                                "called",
                                                "wait_ms",
                                                "within_target",
                                                "uncalled",
                                                "service_n",
                                                "service_ms",
                                                "estimate_n",
                                                "estimate_error_ms",
                                                "estimate_within_5min",
                                                "r1",
                                                "r2",
                                                "r3",
                                                "r4",
                                                "r5",
                                                "reasons",
                                                "wait_bins",
                                                "arrivals"};
  return columns;
}

FigureSums read_figure_sums(const SqlRow& row, int first) {
  FigureSums f;
  std::int64_t* stats[] = {&f.stats.tickets,
                           &f.stats.served,
                           &f.stats.no_shows,
                           &f.stats.still_open,
                           &f.stats.called,
                           &f.stats.wait_ms,
                           &f.stats.within_target,
                           &f.stats.uncalled,
                           &f.stats.service_n,
                           &f.stats.service_ms,
                           &f.stats.estimate_n,
                           &f.stats.estimate_error_ms,
                           &f.stats.estimate_within_5min};
  int column = first;
  for (std::int64_t* value : stats) *value = row.int64(column++);
  for (std::int64_t& score : f.ratings.scores) score = row.int64(column++);
  f.ratings.reasons = decode_word_counts(row.text(column++)).value_or(Counts<std::string>{});
  f.wait_bins = decode_int_counts(row.text(column++)).value_or(Counts<int>{});
  f.arrivals = decode_int_counts(row.text(column++)).value_or(Counts<int>{});
  static_assert(sizeof(stats) / sizeof(stats[0]) + 5 == kSumNumbers);
  return f;
}

std::map<std::string, int> service_wait_targets(HqDb& db) {
  std::map<std::string, int> targets;
  db.each("SELECT code, data FROM service", {}, [&](const SqlRow& row) {
    try {
      const auto data = nlohmann::json::parse(row.text(1));
      if (data.contains("wait_target_min") && data["wait_target_min"].is_number_integer())
        targets[row.text(0)] = data["wait_target_min"].get<int>() * 60;
    } catch (const nlohmann::json::exception&) {  // HQ wrote it: never; then the default target
    }
  });
  return targets;
}

void FigureWriter::add(const CheckedRecord& record) {
  if (record.ticket) {
    const auto held = tickets_.find(record.id);
    if (held == tickets_.end() || held->second.entry.revision < record.revision) tickets_[record.id] = *record.ticket;
  } else if (record.rating) {
    ratings_.emplace_back(record.id, *record.rating);
  }
}

std::optional<FigureWriter::DayKey> FigureWriter::stored_ticket_day(const std::string& ticket_id) {
  if (const auto in_batch = tickets_.find(ticket_id); in_batch != tickets_.end())
    return DayKey{in_batch->second.day, in_batch->second.service};
  std::optional<DayKey> key;
  db_.first("SELECT " + db_.json_field("data", "business_day") + ", " + db_.json_field("data", "service") +
                " FROM record WHERE id = ?1 AND kind = 'ticket' AND store_id = ?2",
            {ticket_id, store_id_}, [&](const SqlRow& row) {
              if (!row.is_null(0) && !row.is_null(1)) key = DayKey{row.text(0), row.text(1)};
            });
  return key;
}

// Sorts the batch's ratings by their ticket's day; keeps those whose ticket HQ
// lacks, and takes back those waiting for a ticket of this batch.
void FigureWriter::place_ratings(std::map<DayKey, std::vector<RatingFact>>& by_day) {
  for (const auto& [id, rating] : ratings_) {
    if (const std::optional<DayKey> key = stored_ticket_day(rating.ticket_id)) {
      by_day[*key].push_back(rating);
      continue;
    }
    std::string reasons;
    for (const std::string& r : rating.reasons) reasons += (reasons.empty() ? "" : ",") + r;
    db_.run(
        "INSERT INTO orphan_rating(id, store_id, ticket_id, score, reasons) VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT DO NOTHING",
        {id, store_id_, rating.ticket_id, rating.score, reasons});
  }
  if (tickets_.empty()) return;
  std::vector<std::string> adopted;
  db_.each("SELECT id, ticket_id, score, reasons FROM orphan_rating WHERE store_id = ?1", {store_id_},
           [&](const SqlRow& row) {
             const auto ticket = tickets_.find(row.text(1));
             if (ticket == tickets_.end()) return;
             by_day[DayKey{ticket->second.day, ticket->second.service}].push_back(
                 RatingFact{row.text(1), int(row.int64(2)), split_comma_list(row.text(3))});
             adopted.push_back(row.text(0));
           });
  for (const std::string& id : adopted) db_.run("DELETE FROM orphan_rating WHERE id = ?1", {id});
}

void FigureWriter::write() {
  if (tickets_.empty() && ratings_.empty()) return;
  std::map<DayKey, std::vector<RatingFact>> ratings_by_day;
  place_ratings(ratings_by_day);
  std::map<DayKey, std::vector<const std::pair<const std::string, TicketFact>*>> tickets_by_day;
  for (const auto& entry : tickets_) tickets_by_day[DayKey{entry.second.day, entry.second.service}].push_back(&entry);
  std::set<DayKey> days;
  for (const auto& [key, list] : tickets_by_day) days.insert(key);
  for (const auto& [key, list] : ratings_by_day) days.insert(key);
  if (days.empty()) return;

  const StoreTimeZone zone = time_zone_of(db_, store_id_);
  const std::map<std::string, int> targets = service_wait_targets(db_);
  std::map<DayKey, FigureSums> month_changes;  // DayKey.day holds the month here
  for (const DayKey& key : days) {             // in key order: rows are locked in one order by every writer
    std::string ledger_text;
    const FigureSums before =
        lock_sums(db_, "figure_day", "day", store_id_, key.day, key.service, &ledger_text, "ledger");
    std::optional<Ledger> ledger = decode_ledger(ledger_text, key.service);
    if (!ledger)
      throw StorageFailure(StorageFailure::Kind::Failed, "the figures of store " + store_id_ + ", " + key.day +
                                                             ", service " + key.service +
                                                             " are damaged; run `hq figures rebuild`");
    bool changed = false;
    for (const auto* ticket : tickets_by_day[key])
      changed |= merge_ticket(*ledger, ticket->first, ticket->second.entry);
    for (const RatingFact& rating : ratings_by_day[key]) changed |= attach_rating(*ledger, rating);
    if (!changed) continue;
    const FigureSums after =
        figure_sums(*ledger, wait_target_of(targets, key.service), key.day, zone.day_start(key.day));
    const std::string encoded = encode_ledger(*ledger);
    write_sums(db_, "figure_day", "day", store_id_, key.day, key.service, after,
               {{"ledger", SqlParam(encoded)}, {"updated_at", SqlParam(now_)}});
    FigureSums& month = month_changes[DayKey{key.day.substr(0, 7), key.service}];
    month += after;
    month -= before;
  }
  for (const auto& [key, change] : month_changes) {
    FigureSums month = lock_sums(db_, "figure_month", "month", store_id_, key.day, key.service);
    month += change;
    write_sums(db_, "figure_month", "month", store_id_, key.day, key.service, month);
  }
}

void rebuild_figures(HqDb& db, EpochMs now) {
  for (const char* table : {"figure_day", "figure_month", "orphan_rating"}) db.run(std::string("DELETE FROM ") + table);
  std::vector<std::string> stores;
  db.each("SELECT id FROM hq_store ORDER BY id", {}, [&](const SqlRow& row) { stores.push_back(row.text(0)); });
  for (const std::string& store : stores) {
    FigureWriter writer(db, store, now);
    // Tickets before ratings, so every rating finds its ticket in the same writer.
    for (const char* kind : {"ticket", "rating"})
      db.each("SELECT id, revision, data FROM record WHERE store_id = ?1 AND kind = ?2", {store, kind},
              [&](const SqlRow& row) {
                if (std::optional<CheckedRecord> checked =
                        recheck_stored_record(kind, row.text(0), row.int64(1), row.text(2)))
                  writer.add(*checked);
              });
    writer.write();
  }
  db.run("UPDATE figure_state SET built = 1");
}

void build_figures_if_needed(HqDb& db, EpochMs now) {
  db.write([&] {
    if (db.single_int64(std::string("SELECT built FROM figure_state") + db.for_update(), {}).value_or(1) == 0)
      rebuild_figures(db, now);
    return 0;
  });
}

}  // namespace kiosk::hq
