// HQ's figure rows, kept as records arrive (figure_store.h).
#include "hq/figure_store.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <set>

#include "core/comma_list.h"
#include "core/store_time_zone.h"

namespace kiosk::hq {
namespace {

// One row of a figure table by its key columns, e.g. {store_id, day, service}.
struct SumsRow {
  std::string table;
  std::vector<std::pair<std::string, SqlParam>> key;

  std::string where() const {
    std::string sql;
    for (std::size_t i = 0; i < key.size(); ++i)
      sql += (i ? " AND " : " WHERE ") + key[i].first + " = ?" + std::to_string(i + 1);
    return sql;
  }
  std::vector<SqlParam> key_params() const {
    std::vector<SqlParam> params;
    for (const auto& [column, value] : key) params.push_back(value);
    return params;
  }
};

std::string column_list() {
  std::string list;
  for (const std::string& column : figure_sum_columns()) list += (list.empty() ? "" : ", ") + column;
  return list;
}

// A row's sums as read (and on PostgreSQL locked); `exists` false for a row
// not written yet. `ledger` receives its ledger when given (figure_ledger only).
struct HeldSums {
  FigureSums sums;
  bool exists = false;
};
HeldSums lock_sums(HqDb& db, const SumsRow& row, std::string* ledger = nullptr) {
  HeldSums held;
  db.first(
      "SELECT " + column_list() + (ledger ? ", ledger" : "") + " FROM " + row.table + row.where() + db.for_update(),
      row.key_params(), [&](const SqlRow& r) {
        held.sums = read_figure_sums(r, 0);
        held.exists = true;
        if (ledger) *ledger = r.text(int(figure_sum_columns().size()));
      });
  return held;
}

// Writes a row's sums, and its ledger when given: an UPDATE of a row read, an
// INSERT of a new one. A new row another hq process inserted meanwhile (only
// on PostgreSQL) makes the batch Busy: it runs again and reads that row.
void write_sums(HqDb& db, const SumsRow& row, bool exists, const FigureSums& f, EpochMs now,
                const std::string* ledger = nullptr) {
  const StatsSums& s = f.stats;
  const std::string texts[] = {encode_counts(f.ratings.reasons), encode_counts(f.wait_bins), encode_counts(f.arrivals),
                               encode_counts(f.uncalled_at)};
  std::vector<SqlParam> params = row.key_params();
  std::vector<std::string> columns;
  for (const auto& [column, value] : row.key) columns.push_back(column);
  const std::size_t key_count = columns.size();
  for (std::int64_t n :
       {s.tickets, s.served, s.no_shows, s.still_open, s.called, s.wait_ms, s.within_target, s.uncalled, s.service_n,
        s.service_ms, s.estimate_n, s.estimate_error_ms, s.estimate_within_5min})
    params.emplace_back(n);
  for (std::int64_t n : f.ratings.scores) params.emplace_back(n);
  for (const std::string& t : texts) params.emplace_back(t);
  columns.insert(columns.end(), figure_sum_columns().begin(), figure_sum_columns().end());
  if (ledger) {
    params.emplace_back(*ledger);
    params.emplace_back(now);
    columns.insert(columns.end(), {"ledger", "updated_at"});
  }
  std::string sql;
  if (exists) {
    for (std::size_t i = key_count; i < columns.size(); ++i)
      sql += (i > key_count ? ", " : "") + columns[i] + " = ?" + std::to_string(i + 1);
    db.run("UPDATE " + row.table + " SET " + sql + row.where(), params);
    return;
  }
  std::string values;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    sql += (i ? ", " : "") + columns[i];
    values += (i ? ", ?" : "?") + std::to_string(i + 1);
  }
  if (db.run("INSERT INTO " + row.table + "(" + sql + ") VALUES (" + values + ") ON CONFLICT DO NOTHING", params) == 0)
    throw StorageFailure(StorageFailure::Kind::Busy, "another hq process wrote the figures of " + row.table + " too");
}

// The minutes of a target as the catalogue keeps them, in seconds.
std::optional<int> target_seconds(const SqlRow& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  try {
    return std::stoi(row.text(column)) * 60;
  } catch (const std::exception&) {  // HQ checked it at import: never; then the default target
    return std::nullopt;
  }
}

}  // namespace

// What a batch's figures need besides its records, in one statement (one
// round trip on PostgreSQL): the store's time zone, each service's wait
// target, and the ratings still waiting for their ticket.
FigureWriter::Context FigureWriter::read_context(bool with_orphans) {
  Context context;
  std::string zone = "Asia/Shanghai";
  db_.each(
      "SELECT 'z', time_zone, NULL, NULL, NULL FROM hq_store WHERE id = ?1 "
      "UNION ALL SELECT 't', code, CAST(" +
          db_.json_field("data", "wait_target_min") +
          " AS TEXT), NULL, NULL FROM service "
          "UNION ALL SELECT 'o', id, ticket_id, CAST(score AS TEXT), reasons FROM orphan_rating "
          "WHERE store_id = ?1 AND CAST(?2 AS BIGINT) = 1",
      {store_id_, with_orphans ? 1 : 0}, [&](const SqlRow& row) {
        const std::string kind = row.text(0);
        if (kind == "z") {
          zone = row.text(1);
        } else if (kind == "t") {
          if (const std::optional<int> target = target_seconds(row, 2)) context.targets[row.text(1)] = *target;
        } else {
          context.orphans.push_back(
              {row.text(1), RatingFact{row.text(2), std::stoi(row.text(3)), split_comma_list(row.text(4))}});
        }
      });
  Result<StoreTimeZone> loaded = StoreTimeZone::load(zone);
  context.zone = loaded ? loaded.value() : StoreTimeZone::load("Asia/Shanghai").value();
  return context;
}

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
                                                "arrivals",
                                                "uncalled_at"};
  return columns;
}

FigureSums read_figure_sums(const SqlRow& row, int first) {
  FigureSums f;
  StatsSums& s = f.stats;
  int column = first;
  for (std::int64_t* value :
       {&s.tickets, &s.served, &s.no_shows, &s.still_open, &s.called, &s.wait_ms, &s.within_target, &s.uncalled,
        &s.service_n, &s.service_ms, &s.estimate_n, &s.estimate_error_ms, &s.estimate_within_5min})
    *value = row.int64(column++);
  for (std::int64_t& score : f.ratings.scores) score = row.int64(column++);
  f.ratings.reasons = decode_word_counts(row.text(column++)).value_or(Counts<std::string>{});
  f.wait_bins = decode_int_counts(row.text(column++)).value_or(Counts<int>{});
  f.arrivals = decode_int_counts(row.text(column++)).value_or(Counts<int>{});
  f.uncalled_at = decode_int_counts(row.text(column++)).value_or(Counts<int>{});
  return f;
}

std::map<std::string, int> service_wait_targets(HqDb& db) {
  std::map<std::string, int> targets;
  db.each("SELECT code, " + db.json_field("data", "wait_target_min") + " FROM service", {}, [&](const SqlRow& row) {
    if (const std::optional<int> target = target_seconds(row, 1)) targets[row.text(0)] = *target;
  });
  return targets;
}

std::map<std::string, ServiceNames> service_names(HqDb& db) {
  std::map<std::string, ServiceNames> names;
  db.each("SELECT code, " + db.json_field("data", "zh") + ", " + db.json_field("data", "en") + " FROM service", {},
          [&](const SqlRow& row) {
            names[row.text(0)] =
                ServiceNames{row.optional_text(1).value_or(row.text(0)), row.optional_text(2).value_or(row.text(0))};
          });
  return names;
}

void FigureWriter::add(const CheckedRecord& record) {
  if (record.ticket) {
    tickets_.push_back(&record);
  } else if (record.rating) {
    ratings_.push_back(&record);
  }
}

const CheckedRecord* FigureWriter::batch_ticket(std::string_view id) const {
  const auto found =
      std::lower_bound(tickets_.begin(), tickets_.end(), id,
                       [](const CheckedRecord* record, std::string_view key) { return record->id < key; });
  return found != tickets_.end() && (*found)->id == id ? *found : nullptr;
}

std::optional<FigureWriter::LedgerKey> FigureWriter::stored_ticket_key(const std::string& ticket_id) {
  if (const CheckedRecord* in_batch = batch_ticket(ticket_id)) {
    const TicketFact& t = *in_batch->ticket;
    return LedgerKey{t.day, t.service, t.block};
  }
  std::optional<LedgerKey> key;
  db_.first("SELECT " + db_.json_field("data", "business_day") + ", " + db_.json_field("data", "service") + ", " +
                db_.json_field("data", "ticket") + " FROM record WHERE id = ?1 AND kind = 'ticket' AND store_id = ?2",
            {ticket_id, store_id_}, [&](const SqlRow& row) {
              if (!row.is_null(0) && !row.is_null(1) && !row.is_null(2))
                key = LedgerKey{row.text(0), row.text(1), ledger_block(row.text(2))};
            });
  return key;
}

// Puts the batch's ratings with their ticket's ledger; keeps those whose
// ticket HQ lacks, and takes back those waiting for a ticket of this batch.
void FigureWriter::place_ratings(const std::vector<std::pair<std::string, RatingFact>>& orphans,
                                 std::map<LedgerKey, LedgerChanges>& changes) {
  for (const CheckedRecord* record : ratings_) {
    const RatingFact& rating = *record->rating;
    // A rating of the last hour (by the store's clock, within reason): for the
    // console's alert on a burst of unhappy ratings.
    if (rating.created_at && *rating.created_at > now_ - kRecentRatingMs && *rating.created_at < now_ + 300'000)
      db_.run("INSERT INTO recent_rating(id, store_id, score, rated_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
              {record->id, store_id_, rating.score, *rating.created_at});
    if (const std::optional<LedgerKey> key = stored_ticket_key(rating.ticket_id)) {
      changes[*key].ratings.push_back(rating);
      continue;
    }
    std::string reasons;
    for (const std::string& r : rating.reasons) reasons += (reasons.empty() ? "" : ",") + r;
    db_.run(
        "INSERT INTO orphan_rating(id, store_id, ticket_id, score, reasons) VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT DO NOTHING",
        {record->id, store_id_, rating.ticket_id, rating.score, reasons});
  }
  for (const auto& [id, rating] : orphans) {
    const CheckedRecord* ticket = batch_ticket(rating.ticket_id);
    if (!ticket) continue;
    const TicketFact& t = *ticket->ticket;
    changes[LedgerKey{t.day, t.service, t.block}].ratings.push_back(rating);
    db_.run("DELETE FROM orphan_rating WHERE id = ?1", {id});
  }
}

void FigureWriter::write() {
  if (tickets_.empty() && ratings_.empty()) return;
  std::map<LedgerKey, LedgerChanges> changes;  // in key order: rows are locked in one order by every writer
  // By id, the newest revision first, then one per id.
  std::sort(tickets_.begin(), tickets_.end(), [](const CheckedRecord* a, const CheckedRecord* b) {
    return a->id != b->id ? a->id < b->id : a->revision > b->revision;
  });
  tickets_.erase(std::unique(tickets_.begin(), tickets_.end(),
                             [](const CheckedRecord* a, const CheckedRecord* b) { return a->id == b->id; }),
                 tickets_.end());
  for (const CheckedRecord* record : tickets_) {
    const TicketFact& t = *record->ticket;
    changes[LedgerKey{t.day, t.service, t.block}].tickets.emplace_back(record->id, &t.entry);
  }
  const Context context = read_context(!tickets_.empty());
  place_ratings(context.orphans, changes);
  if (changes.empty()) return;
  const StoreTimeZone& zone = context.zone;
  const std::map<std::string, int>& targets = context.targets;
  std::set<std::string> days;  // of the ledgers changed
  for (const auto& [key, change] : changes) {
    const SumsRow row{"figure_ledger",
                      {{"store_id", store_id_}, {"day", key.day}, {"service", key.service}, {"block", key.block}}};
    std::string text;
    const HeldSums before = lock_sums(db_, row, &text);
    std::optional<Ledger> ledger = decode_ledger(text, key.service);
    if (!ledger)
      throw StorageFailure(StorageFailure::Kind::Failed, "the figures of store " + store_id_ + ", " + key.day +
                                                             ", service " + key.service +
                                                             " are damaged; run `hq figures rebuild`");
    bool changed = merge_tickets(*ledger, change.tickets);
    for (const RatingFact& rating : change.ratings) changed |= attach_rating(*ledger, rating);
    if (!changed) continue;
    FigureSums after = figure_sums(*ledger, wait_target_of(targets, key.service), key.day, zone.day_start(key.day));
    const std::string encoded = encode_ledger(*ledger);
    write_sums(db_, row, before.exists, after, now_, &encoded);
    days.insert(key.day);
  }
  // Sums made of a day or month that is over are made again when next needed
  // (a margin of a day: only days before first_recent_day are ever made).
  std::set<std::string> periods;
  const std::string today = first_recent_day(now_ + 2 * 86'400'000);
  for (const std::string& day : days)
    if (day < today) periods.insert({day, day.substr(0, 7)});
  for (const std::string& period : periods) forget_made(db_, period);
}

std::string first_recent_day(EpochMs now) {
  namespace chr = std::chrono;
  const chr::year_month_day day(chr::floor<chr::days>(chr::sys_time<chr::milliseconds>(chr::milliseconds(now))) -
                                chr::days(2));
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", int(day.year()), unsigned(day.month()), unsigned(day.day()));
  return text;
}

void forget_made(HqDb& db, const std::string& period) {
  db.lock_key("figure-made:" + period);
  db.run("DELETE FROM figure_made WHERE period = ?1", {period});
}

void ensure_made(HqDb& db, const std::string& period, EpochMs now) {
  if (db.first("SELECT 1 FROM figure_made WHERE period = ?1", {period})) return;
  const bool month = period.size() == 7;
  db.write([&] {
    db.lock_key("figure-made:" + period);
    if (db.first("SELECT 1 FROM figure_made WHERE period = ?1", {period})) return 0;
    std::map<std::pair<std::string, std::string>, FigureSums> by_store;  // (store, service)
    db.each("SELECT store_id, service, " + column_list() + " FROM figure_ledger WHERE day BETWEEN ?1 AND ?2",
            {month ? period + "-01" : period, month ? period + "-31" : period}, [&](const SqlRow& row) {
              FigureSums sums = read_figure_sums(row, 2);
              sums.uncalled_at.clear();  // minutes of a day over: every report counts them missed
              by_store[{row.text(0), row.text(1)}] += sums;
            });
    std::map<std::string, FigureSums> total;  // by service
    for (const auto& [key, sums] : by_store) total[key.second] += sums;
    if (month) {
      db.run("DELETE FROM figure_month WHERE month = ?1", {period});
      for (const auto& [key, sums] : by_store)
        write_sums(db, {"figure_month", {{"month", period}, {"store_id", key.first}, {"service", key.second}}}, false,
                   sums, now);
    }
    db.run("DELETE FROM figure_total WHERE period = ?1", {period});
    for (const auto& [service, sums] : total)
      write_sums(db, {"figure_total", {{"period", period}, {"service", service}}}, false, sums, now);
    db.run("INSERT INTO figure_made(period, made_at) VALUES (?1, ?2)", {period, now});
    return 0;
  });
}

void rebuild_figures(HqDb& db, EpochMs now) {
  for (const char* table : {"figure_ledger", "figure_month", "figure_total", "figure_made", "orphan_rating"})
    db.run(std::string("DELETE FROM ") + table);
  std::vector<std::string> stores;
  db.each("SELECT id FROM hq_store ORDER BY id", {}, [&](const SqlRow& row) { stores.push_back(row.text(0)); });
  for (const std::string& store : stores) {
    std::deque<CheckedRecord> records;  // what the writer refers to
    for (const char* kind : {"ticket", "rating"})
      db.each("SELECT id, revision, data FROM record WHERE store_id = ?1 AND kind = ?2", {store, kind},
              [&](const SqlRow& row) {
                if (std::optional<CheckedRecord> checked =
                        recheck_stored_record(kind, row.text(0), row.int64(1), row.text(2)))
                  records.push_back(std::move(*checked));
              });
    FigureWriter writer(db, store, now);
    for (const CheckedRecord& record : records) writer.add(record);
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
