// HQ's figures in its database (schema 4), so reports read sums, not records:
// - figure_ledger: per business day, store, service and block of up to 100
//   tickets (by number), the tickets' latest times, states and ratings, and
//   their sums; kept up to date in the transaction that stores the records
//   (FigureWriter). A batch rewrites ledgers about its own size. A ledger is
//   recomputed from its entries: a batch applied again changes nothing.
// - figure_month (per store) and figure_total (every store, per month or
//   day): sums of ledgers, made when a report first needs them (ensure_made)
//   and made again after one of those ledgers changed (a late upload). Ratings join their ticket's entry; one whose
//   ticket HQ has not
// seen yet waits in orphan_rating for it. docs/hq-console.md ("Figures").
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/store_time_zone.h"
#include "hq/figure_ledger.h"
#include "hq/hq_db.h"
#include "hq/upload_reader.h"

namespace kiosk::hq {

// The columns of a sums row (every figure table alike), in order: the
// StatsSums, r1..r5, then reasons, wait_bins, arrivals and uncalled_at as text.
const std::vector<std::string>& figure_sum_columns();
// Reads them from a row, starting at column `first`.
FigureSums read_figure_sums(const SqlRow& row, int first);

// How long a rating stays in recent_rating (console_alerts.h prunes it).
constexpr EpochMs kRecentRatingMs = 60 * 60'000;

// The figures of one batch of one store's records, written by write() inside
// the batch's transaction.
class FigureWriter {
 public:
  FigureWriter(HqDb& db, std::string store_id, EpochMs now) : db_(db), store_id_(std::move(store_id)), now_(now) {}

  // A record the batch stored (new, or a newer revision than HQ had); it must
  // outlive write().
  void add(const CheckedRecord& record);
  void write();

 private:
  struct LedgerKey {
    std::string day, service;
    int block = 0;
    auto operator<=>(const LedgerKey&) const = default;
  };
  struct LedgerChanges {
    std::vector<std::pair<std::string_view, const LedgerEntry*>> tickets;
    std::vector<RatingFact> ratings;
  };
  struct Context {
    StoreTimeZone zone = StoreTimeZone::load("UTC").value();
    std::map<std::string, int> targets;                       // wait targets in seconds, by service
    std::vector<std::pair<std::string, RatingFact>> orphans;  // (rating id, rating) waiting for a ticket
  };
  Context read_context(bool with_orphans);
  void place_ratings(const std::vector<std::pair<std::string, RatingFact>>& orphans,
                     std::map<LedgerKey, LedgerChanges>& changes);
  std::optional<LedgerKey> stored_ticket_key(const std::string& ticket_id);

  HqDb& db_;
  std::string store_id_;
  EpochMs now_;
  // The batch's tickets; write() sorts them by id and keeps each one's newest revision.
  std::vector<const CheckedRecord*> tickets_;
  const CheckedRecord* batch_ticket(std::string_view id) const;  // after that sort
  std::vector<const CheckedRecord*> ratings_;
};

// The first business day (UTC's calendar, two days before now's) that may
// still hold visits not past their target: reports read the ledgers of days
// from here on, and the sums made of days and months before it.
std::string first_recent_day(EpochMs now);
// Makes the sums of `period` from its ledgers unless they are made and
// current (figure_made), in a write transaction of its own: a month YYYY-MM
// (figure_month per store, figure_total for every store) or a day YYYY-MM-DD
// (figure_total).
void ensure_made(HqDb& db, const std::string& period, EpochMs now);
// Marks the sums of `period` as out of date (inside the transaction that
// changed one of its ledgers).
void forget_made(HqDb& db, const std::string& period);

// Makes every figure again from the stored records (inside a write
// transaction): after schema 4 arrives on a database with records, or when
// asked (`hq figures rebuild`, after a service's target changed).
void rebuild_figures(HqDb& db, EpochMs now);

// Once per database: figures for the records stored before schema 4.
void build_figures_if_needed(HqDb& db, EpochMs now);

// The wait target of each service, in seconds (the catalogue's wait_target_min).
std::map<std::string, int> service_wait_targets(HqDb& db);

// Each service's names in the catalogue, by code.
struct ServiceNames {
  std::string zh, en;
};
std::map<std::string, ServiceNames> service_names(HqDb& db);

}  // namespace kiosk::hq
