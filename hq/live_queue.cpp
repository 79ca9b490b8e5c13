// The live queue post at HQ (live_queue.h).
#include "hq/live_queue.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <set>
#include <vector>

#include "core/random_id.h"
#include "core/store_time_zone.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

constexpr std::int64_t kMaxAhead = 100'000, kMaxWaitMin = 100'000;
constexpr std::int64_t kMaxEpochMs = std::int64_t(1) << 53;
constexpr EpochMs kHeardEveryMs = 10'000;
// Pages are kept this long after their day (410 expired-ticket), then deleted.
constexpr int kKeepPagesDays = 7;

struct QueuedTicket {
  std::string id;
  std::int64_t ahead = 0;
  std::optional<std::int64_t> wait_min;
  std::optional<std::string> phone;
};

struct QueuePost {
  std::string business_day;
  EpochMs at = 0;
  std::vector<QueuedTicket> tickets;
};

// JsonBody's errors, as this route's one code (the field named in the message).
[[noreturn]] void bad_request(const std::string& message) { throw BadRequest("bad-request", message); }

QueuedTicket read_ticket(const nlohmann::json& item, std::size_t index) {
  const std::string where = "tickets[" + std::to_string(index) + "].";
  const JsonBody fields(item, where);
  QueuedTicket ticket;
  ticket.id = fields.text("id", 36);
  if (!is_uuid(ticket.id)) bad_request("field \"" + where + "id\" must be a UUID");
  ticket.ahead = fields.integer("ahead", 0, kMaxAhead);
  if (!fields.has("wait_min")) bad_request("field \"" + where + "wait_min\" is required (null when none)");
  if (!item["wait_min"].is_null()) ticket.wait_min = fields.integer("wait_min", 0, kMaxWaitMin);
  if (fields.has("phone") && !item["phone"].is_null()) {
    const std::string phone = fields.text("phone", 20);
    if (phone.size() < 5 || !std::all_of(phone.begin(), phone.end(), [](char c) { return c >= '0' && c <= '9'; }))
      bad_request("field \"" + where + "phone\" must be 5 to 20 digits");
    ticket.phone = phone;
  }
  return ticket;
}

QueuePost read_post(const std::string& body) {
  try {
    const JsonBody fields(body);
    QueuePost post;
    post.business_day = fields.text("business_day", 10);
    if (!is_calendar_date(post.business_day)) bad_request("field \"business_day\" must be a date YYYY-MM-DD");
    post.at = fields.integer("at", 0, kMaxEpochMs);
    const nlohmann::json* tickets = fields.has("tickets") ? &fields.json()["tickets"] : nullptr;
    if (!tickets || !tickets->is_array() || tickets->size() > kMaxQueueTickets)
      bad_request("field \"tickets\" must be an array of at most " + std::to_string(kMaxQueueTickets) + " tickets");
    std::set<std::string> seen;
    for (const nlohmann::json& item : *tickets) {
      post.tickets.push_back(read_ticket(item, post.tickets.size()));
      if (!seen.insert(post.tickets.back().id).second)
        bad_request("field \"tickets[" + std::to_string(post.tickets.size() - 1) + "].id\" lists ticket " +
                    post.tickets.back().id + " twice");
    }
    return post;
  } catch (const BadRequest& e) {
    if (e.code() == "bad-request") throw;
    throw BadRequest("bad-request", e.what());
  }
}

// The listed tickets' places on their pages, the day's other pages of the
// store without one.
void write_places(HqDb& db, const std::string& store_id, const QueuePost& post, EpochMs now) {
  db.run(
      "UPDATE ticket_page SET ahead = NULL, wait_min = NULL, queue_at = NULL "
      "WHERE store_id = ?1 AND business_day = ?2 AND queue_at IS NOT NULL",
      {store_id, post.business_day});
  if (post.tickets.empty()) return;
  std::vector<std::vector<SqlParam>> rows;
  rows.reserve(post.tickets.size());
  for (const QueuedTicket& t : post.tickets) rows.push_back({t.id, store_id, t.ahead, t.wait_min, now});
  db.run_each("UPDATE ticket_page SET ahead = ?3, wait_min = ?4, queue_at = ?5 WHERE ticket_id = ?1 AND store_id = ?2",
              rows);
}

// A reminder's phone for each listed ticket that has a page of this store;
// none for a listed ticket whose customer no longer wants one.
void write_phones(HqDb& db, const std::string& store_id, const QueuePost& post, EpochMs now) {
  std::vector<std::vector<SqlParam>> with, without;
  for (const QueuedTicket& t : post.tickets) {
    if (t.phone)
      with.push_back({t.id, store_id, *t.phone, now});
    else
      without.push_back({t.id, store_id});
  }
  if (!with.empty())
    db.run_each(
        "INSERT INTO ticket_phone(ticket_id, store_id, phone, received_at) "
        "SELECT CAST(?1 AS TEXT), CAST(?2 AS TEXT), CAST(?3 AS TEXT), CAST(?4 AS BIGINT) WHERE EXISTS (SELECT 1 FROM "
        "ticket_page WHERE ticket_id = ?1 AND store_id = ?2) "
        "ON CONFLICT(ticket_id) DO UPDATE SET phone = excluded.phone, received_at = excluded.received_at "
        "WHERE ticket_phone.store_id = excluded.store_id",
        with);
  if (!without.empty()) db.run_each("DELETE FROM ticket_phone WHERE ticket_id = ?1 AND store_id = ?2", without);
}

}  // namespace

void note_device_heard(HqDb& db, const Device& device, EpochMs now) {
  try {
    db.run("UPDATE device SET last_seen_at = ?2 WHERE id = ?1 AND (last_seen_at IS NULL OR last_seen_at < ?3)",
           {device.id, now, now - kHeardEveryMs});
  } catch (const StorageFailure& e) {  // busy: heard at its next request
    std::fprintf(stderr, "hq: could not note device %s as heard: %s\n", device.id.c_str(), e.what());
  }
}

std::variant<json, ApiError> apply_queue_post(HqDb& db, const Device& device, const std::string& body, EpochMs now) {
  if (device.technician_id)
    return ApiError{403, "wrong-kind", "a technician's tablet has no queue to post; a store's device posts it", {}};
  const QueuePost post = read_post(body);
  return db.write([&]() -> std::variant<json, ApiError> {
    std::optional<std::pair<std::string, EpochMs>> last;  // the newest post HQ holds: its day and store time
    db.first(std::string("SELECT business_day, store_at FROM store_queue WHERE store_id = ?1") + db.for_update(),
             {device.store_id}, [&](const SqlRow& row) {
               last = {row.text(0), row.int64(1)};
             });
    db.run("UPDATE device SET last_seen_at = ?2 WHERE id = ?1", {device.id, now});
    const json answer{{"tickets", post.tickets.size()}, {"hq_time", now}};
    // A post older than the one HQ holds (a retry that arrived late) changes nothing.
    if (last && (last->first > post.business_day || (last->first == post.business_day && last->second > post.at)))
      return answer;
    db.run(
        "INSERT INTO store_queue(store_id, business_day, waiting, store_at, received_at) VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT(store_id) DO UPDATE SET business_day = excluded.business_day, waiting = excluded.waiting, "
        "store_at = excluded.store_at, received_at = excluded.received_at",
        {device.store_id, post.business_day, std::int64_t(post.tickets.size()), post.at, now});
    write_places(db, device.store_id, post, now);
    write_phones(db, device.store_id, post, now);
    db.run("DELETE FROM ticket_page WHERE store_id = ?1 AND business_day < ?2",
           {device.store_id, days_after(post.business_day, -kKeepPagesDays)});
    return answer;
  });
}

}  // namespace kiosk::hq
