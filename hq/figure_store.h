// HQ's figures in its database (schema 4): figure_day holds each store's
// business day and service as a ledger of its tickets and their sums,
// figure_month the sums of a month's days. Both are kept up to date in the
// transaction that stores the records (FigureWriter), so reports read sums,
// not records. A day row is recomputed from its ledger (a batch applied again
// changes nothing); its month row moves by the day row's change. Ratings are
// attached to their ticket's entry; one whose ticket HQ has not seen yet waits
// in orphan_rating for it. docs/hq-console.md ("Figures").
#pragma once

#include <map>
#include <string>
#include <vector>

#include "hq/figure_ledger.h"
#include "hq/hq_db.h"
#include "hq/upload_reader.h"

namespace kiosk::hq {

// The columns of a sums row (figure_day and figure_month alike), in order:
// the StatsSums, r1..r5, then reasons, wait_bins and arrivals as text.
const std::vector<std::string>& figure_sum_columns();
// Reads them from a row, starting at column `first`.
FigureSums read_figure_sums(const SqlRow& row, int first);

// The figures of one batch of one store's records, written by write() inside
// the batch's transaction.
class FigureWriter {
 public:
  FigureWriter(HqDb& db, std::string store_id, EpochMs now) : db_(db), store_id_(std::move(store_id)), now_(now) {}

  // A record the batch stored (new, or a newer revision than HQ had).
  void add(const CheckedRecord& record);
  void write();

 private:
  struct DayKey {
    std::string day, service;
    auto operator<=>(const DayKey&) const = default;
  };
  void place_ratings(std::map<DayKey, std::vector<RatingFact>>& by_day);
  std::optional<DayKey> stored_ticket_day(const std::string& ticket_id);

  HqDb& db_;
  std::string store_id_;
  EpochMs now_;
  std::map<std::string, TicketFact> tickets_;                // by ticket id
  std::vector<std::pair<std::string, RatingFact>> ratings_;  // (rating id, rating)
};

// Makes every figure again from the stored records (inside a write
// transaction): after schema 4 arrives on a database with records, or when
// asked (`hq figures rebuild`, after a service's target changed).
void rebuild_figures(HqDb& db, EpochMs now);

// Once per database: figures for the records stored before schema 4.
void build_figures_if_needed(HqDb& db, EpochMs now);

// The wait target of each service, in seconds (the catalogue's wait_target_min).
std::map<std::string, int> service_wait_targets(HqDb& db);

}  // namespace kiosk::hq
