// The ticket pages phones open (docs/public-pages.md, "HQ's tables"): one
// ticket_page row per QR token, kept in step with the store's ticket records
// in the transaction that stores them. A ticket with a token writes its row;
// a transferred ticket's continuation (no token, `transferred_from`) takes
// over the row of the ticket it continues, so the paper's token follows the
// visit. A stored rating marks its visit rated; a rating of a visit another
// rating already rated is refused before it is stored (parked already-rated).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

struct CheckedRecord;  // upload_reader.h

// What a ticket record gives its page (upload_reader.cpp reads it).
struct TicketPageFact {
  std::string token;             // a QR token; "" for a continuation
  std::string transferred_from;  // a continuation's: the ticket whose row it takes
  std::string label;             // "A012"
  std::string service;
  std::string business_day;  // YYYY-MM-DD
  std::string state;         // the page's name (page_state)
  std::string language;      // zh | en
  std::optional<int> counter;
};

// 1-64 token characters (core/random_id.h): what a QR token can be. A
// ticket's token that is not one is not indexed (the record is stored as
// ever; no phone can open its page).
bool is_ticket_token(std::string_view token);

// The page's name of a store's ticket state: waiting, called, serving,
// served (the store's done), no-show, cancelled; a ticket transferred to
// another service waits again (until its continuation arrives).
std::string page_state(std::string_view store_state);

// Why a rating record cannot be stored (nullopt: it can): its visit's page
// is rated already, by another rating HQ holds. Call inside the batch's
// transaction, before the record is stored.
std::optional<std::string> rating_refused(HqDb& db, const std::string& store_id, const CheckedRecord& rating);

// Holds the visit's rating lock until the transaction ends: a phone and a
// store's upload rating it at once (several hq processes) decide one after
// the other. rating_refused takes it.
void lock_visit_rating(HqDb& db, const std::string& store_id, const std::string& ticket_id);

// True when HQ holds a rating record of this ticket other than `except_id`
// (by any device, the phone's too).
bool ticket_has_rating(HqDb& db, const std::string& store_id, const std::string& ticket_id, EpochMs expires_at,
                       const std::string& except_id = "");

// The pages of one batch of one store's stored records, written by write()
// inside the batch's transaction.
class TicketPageWriter {
 public:
  TicketPageWriter(HqDb& db, std::string store_id, EpochMs now) : db_(db), store_id_(std::move(store_id)), now_(now) {}

  // A record the batch stored (new, or a newer revision); it must outlive write().
  void add(const CheckedRecord& record);
  void write();

 private:
  void write_tokens();
  void write_continuations();

  HqDb& db_;
  std::string store_id_;
  EpochMs now_;
  std::vector<const CheckedRecord*> tokens_, continuations_;  // tickets, in the batch's order
  std::vector<std::string> rated_tickets_;
};

}  // namespace kiosk::hq
