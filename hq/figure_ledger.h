// The figures HQ keeps for each store, business day and service, as pure
// computation (no storage): the day's tickets as a ledger (one compact entry
// per ticket: its latest times, state and rating) and what they add up to
// through shared/'s definitions (queue/day_stats.h, ratings/rating_figures.h).
// A ledger is merged by revision, so a batch applied twice, or revisions in
// any order, give the same ledger and the same sums. docs/hq-console.md.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/counts.h"
#include "queue/day_stats.h"
#include "ratings/rating_figures.h"

namespace kiosk::hq {

// One ticket in a ledger (its service is the ledger's).
struct LedgerEntry {
  std::int64_t revision = 0;
  TicketTimes times{"", TicketState::Waiting, false, 0, std::nullopt, std::nullopt, std::nullopt};
  std::optional<int> counter;
  std::optional<int> score;  // the visit's rating, once HQ has it
  std::vector<std::string> reasons;
  std::string staff_id;  // who called it (upload_reader.cpp checks it is one word); empty: nobody known
};

// What an uploaded ticket record gives the figures.
struct TicketFact {
  std::string day;  // business day, YYYY-MM-DD
  std::string service;
  int block = 0;  // ledger_block of its number
  LedgerEntry entry;
  // Besides the figures, for the complaints (followup_complaints.h):
  std::string label;    // "B012"
  std::string outcome;  // resolved | follow-up | request; "" when none
};

constexpr int kTicketsPerBlock = 100;

// Which ledger of its day and service a ticket is kept in: A001..A100 in
// block 0, A101..A200 in block 1...; block 0 for a label without a number.
int ledger_block(std::string_view label);

// What an uploaded rating record gives the figures.
struct RatingFact {
  std::string ticket_id;
  int score = 0;
  std::vector<std::string> reasons;
  std::optional<EpochMs> created_at = std::nullopt;  // by the store's clock
};

struct LedgerLine {
  std::string id;  // the ticket's
  LedgerEntry entry;
};
using Ledger = std::vector<LedgerLine>;  // sorted by id

// One line per ticket: "id revision issued called started finished state
// continuation counter estimate score reasons staff", '-' for an absent value,
// staff by position on a first line "@ ID0 ID1..." that lists them once
// (ledgers written before the staff field end at the reasons: read as nobody)
// (read and written at about 10 million entries a second: a busy day's
// ledger is rewritten by every batch that touches it).
std::string encode_ledger(const Ledger& ledger);
// Nullopt when `text` is not a ledger.
std::optional<Ledger> decode_ledger(std::string_view text, const std::string& service);

// Takes each ticket's entry unless the ledger holds that ticket at this
// revision or a newer one; a rating already attached stays. `tickets`: by id,
// each id once. True when the ledger changed.
bool merge_tickets(Ledger& ledger, const std::vector<std::pair<std::string_view, const LedgerEntry*>>& tickets);
// Attaches a rating to its ticket; false when the ledger lacks the ticket or
// holds this rating already.
bool attach_rating(Ledger& ledger, const RatingFact& rating);

// What a ledger (or several) adds up to.
struct FigureSums {
  StatsSums stats;
  RatingSums ratings;
  Counts<int> wait_bins;  // queue/wait_histogram.h, visits called
  Counts<int> arrivals;   // visits by weekday * 24 + local hour of issue (weekday 0 = Sunday)
  // Visits not called yet, by the minute of their day they were issued: a
  // report judges them against now without reading ledgers (day rows only).
  Counts<int> uncalled_at;

  FigureSums& operator+=(const FigureSums& other);
  FigureSums& operator-=(const FigureSums& other);
  bool operator==(const FigureSums& other) const = default;
};

// A ledger's sums; target_s is the service's wait target, day_start the
// first instant of `day` in the store's time zone.
FigureSums figure_sums(const Ledger& ledger, int target_s, const std::string& day, EpochMs day_start);

}  // namespace kiosk::hq
