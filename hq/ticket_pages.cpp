// Ticket pages kept in step with the store's records (ticket_pages.h).
#include "hq/ticket_pages.h"

#include <algorithm>
#include <map>

#include "core/random_id.h"
#include "core/store_time_zone.h"
#include "hq/upload_reader.h"

namespace kiosk::hq {
namespace {

constexpr std::size_t kMaxTokenLength = 64;
// A rating is given on its visit's day and reaches HQ after it: records first
// received before this long ahead of the page's expiry cannot be of its visit.
constexpr EpochMs kRatingLookBackMs = 3 * 86'400'000;

// The first instant after the business day `day` in the store's zone.
EpochMs end_of_day(const StoreTimeZone& zone, const std::string& day) { return zone.day_start(days_after(day, 1)); }

}  // namespace

bool is_ticket_token(std::string_view token) {
  return !token.empty() && token.size() <= kMaxTokenLength &&
         std::all_of(token.begin(), token.end(), is_token_character);
}

std::string page_state(std::string_view store_state) {
  if (store_state == "done") return "served";
  if (store_state == "called" || store_state == "serving" || store_state == "no-show" || store_state == "cancelled")
    return std::string(store_state);
  return "waiting";  // waiting, transferred (its continuation waits), or a state HQ does not know yet
}

void lock_visit_rating(HqDb& db, const std::string& store_id, const std::string& ticket_id) {
  db.lock_key("ticket-rating:" + store_id + "/" + ticket_id);
}

bool ticket_has_rating(HqDb& db, const std::string& store_id, const std::string& ticket_id, EpochMs expires_at,
                       const std::string& except_id) {
  return db.first(
      "SELECT 1 FROM record WHERE store_id = ?1 AND kind = 'rating' AND first_received_at >= ?2 AND id <> ?3 "
      "AND " +
          db.json_field("data", "ticket_id") + " = ?4",
      {store_id, expires_at - kRatingLookBackMs, except_id, ticket_id});
}

std::optional<std::string> rating_refused(HqDb& db, const std::string& store_id, const CheckedRecord& rating) {
  if (!rating.rating) return std::nullopt;
  const std::string& ticket_id = rating.rating->ticket_id;
  lock_visit_rating(db, store_id, ticket_id);
  std::optional<EpochMs> expires_at;
  db.first("SELECT expires_at FROM ticket_page WHERE ticket_id = ?1 AND store_id = ?2 AND rated_at IS NOT NULL",
           {ticket_id, store_id}, [&](const SqlRow& row) { expires_at = row.int64(0); });
  if (!expires_at || !ticket_has_rating(db, store_id, ticket_id, *expires_at, rating.id)) return std::nullopt;
  return "the visit of ticket " + ticket_id + " was rated already (on a phone or another device)";
}

void TicketPageWriter::add(const CheckedRecord& record) {
  if (record.page) {
    (record.page->token.empty() ? continuations_ : tokens_).push_back(&record);
  } else if (record.rating) {
    rated_tickets_.push_back(record.rating->ticket_id);
  }
}

void TicketPageWriter::write() {
  if (!tokens_.empty()) write_tokens();
  if (!continuations_.empty()) write_continuations();
  if (rated_tickets_.empty()) return;
  std::vector<std::vector<SqlParam>> rows;
  for (const std::string& ticket : rated_tickets_) rows.push_back({ticket, store_id_, now_});
  db_.run_each("UPDATE ticket_page SET rated_at = ?3 WHERE ticket_id = ?1 AND store_id = ?2 AND rated_at IS NULL",
               rows);
}

// Each ticket's newest revision updates the row of its token while the row
// is still that ticket's (not taken over by a continuation); a token new to
// HQ inserts one. A token or ticket HQ holds otherwise (a store's bug) is
// left alone.
void TicketPageWriter::write_tokens() {
  std::sort(tokens_.begin(), tokens_.end(), [](const CheckedRecord* a, const CheckedRecord* b) {
    return a->id != b->id ? a->id < b->id : a->revision > b->revision;
  });
  tokens_.erase(std::unique(tokens_.begin(), tokens_.end(),
                            [](const CheckedRecord* a, const CheckedRecord* b) { return a->id == b->id; }),
                tokens_.end());
  std::string zone_name = "Asia/Shanghai";
  db_.first("SELECT time_zone FROM hq_store WHERE id = ?1", {store_id_},
            [&](const SqlRow& row) { zone_name = row.text(0); });
  Result<StoreTimeZone> loaded = StoreTimeZone::load(zone_name);
  const StoreTimeZone zone = loaded ? loaded.value() : StoreTimeZone::load("Asia/Shanghai").value();

  std::map<std::string, EpochMs> expiry;  // by business day
  std::vector<std::vector<SqlParam>> rows;
  rows.reserve(tokens_.size());
  for (const CheckedRecord* record : tokens_) {
    const TicketPageFact& p = *record->page;
    auto [at, fresh] = expiry.try_emplace(p.business_day, 0);
    if (fresh) at->second = end_of_day(zone, p.business_day);
    rows.push_back({p.token, record->id, store_id_, p.label, p.service, p.business_day, at->second, p.language, p.state,
                    p.counter, now_});
  }
  const std::vector<bool> updated = db_.run_each(
      "UPDATE ticket_page SET label = ?4, service = ?5, business_day = ?6, expires_at = ?7, language = ?8, "
      "state = ?9, counter = ?10, updated_at = ?11 WHERE token = ?1 AND ticket_id = ?2 AND store_id = ?3",
      rows);
  std::vector<std::vector<SqlParam>> fresh_rows;
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (!updated[i]) fresh_rows.push_back(std::move(rows[i]));
  if (fresh_rows.empty()) return;
  db_.run_each(
      "INSERT INTO ticket_page(token, ticket_id, store_id, label, service, business_day, expires_at, language, state, "
      "counter, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT DO NOTHING",
      fresh_rows);
}

// In the batch's order: a continuation takes the row of the ticket it
// continues (a chain of transfers moves it along), and its later revisions
// update it. The row keeps its token, day and language.
void TicketPageWriter::write_continuations() {
  std::vector<std::vector<SqlParam>> rows;
  rows.reserve(continuations_.size());
  for (const CheckedRecord* record : continuations_) {
    const TicketPageFact& p = *record->page;
    rows.push_back({record->id, p.transferred_from, store_id_, p.label, p.service, p.state, p.counter, now_});
  }
  db_.run_each(
      "UPDATE ticket_page SET ticket_id = ?1, label = ?4, service = ?5, state = ?6, counter = ?7, updated_at = ?8 "
      "WHERE store_id = ?3 AND (ticket_id = ?2 OR ticket_id = ?1)",
      rows);
}

}  // namespace kiosk::hq
