// A ticket turned into a request (see request_from_ticket.h).
#include "requests/request_from_ticket.h"

#include "requests/request_book.h"
#include "requests/request_validation.h"
#include "store/product_catalog.h"
#include "store/storage_guard.h"

namespace kiosk {
namespace {

struct TicketFacts {
  std::string label;  // "A012"
  std::string state;
  std::string business_day;
  std::string phone;  // digits or empty
};

std::optional<TicketFacts> find_ticket(Database& db, const std::string& id) {
  Statement& q = db.prepare(
      "SELECT prefix || printf('%03d', number), state, business_day, COALESCE(phone, '') "
      "FROM ticket WHERE id = ?1");
  q.bind(1, id);
  std::optional<TicketFacts> found;
  if (q.step()) found = TicketFacts{q.text(0), q.text(1), q.text(2), q.text(3)};
  q.reset();
  return found;
}

bool at_counter(const TicketFacts& ticket) { return ticket.state == "called" || ticket.state == "serving"; }

// The ticket at the counter finished as done with the outcome "request", as
// QueueEngine::finish does (started when called if service never started).
void finish_as_request(Database& db, const std::string& ticket_id, EpochMs now) {
  db.prepare(
        "UPDATE ticket SET state = 'done', outcome = 'request', started_at = COALESCE(started_at, called_at), "
        "finished_at = ?2 WHERE id = ?1")
      .bind(1, ticket_id)
      .bind(2, now)
      .run();
}

std::optional<std::string> request_of_ticket(Database& db, const std::string& ticket_id) {
  Statement& q = db.prepare("SELECT code FROM request WHERE source_ticket_id = ?1");
  q.bind(1, ticket_id);
  std::optional<std::string> code;
  if (q.step()) code = q.text(0);
  q.reset();
  return code;
}

std::optional<Error> check_ticket(Database& db, const std::string& ticket_id, const std::optional<TicketFacts>& ticket,
                                  const std::string& today) {
  if (!ticket) return invalid_argument("no ticket " + ticket_id + " in this store", "unknown-ticket");
  if (ticket->state != "done" && !at_counter(*ticket))
    return refused("ticket " + ticket->label + " is " + ticket->state +
                       "; only a ticket at a counter or finished becomes a request",
                   "ticket-not-done");
  if (ticket->business_day != today)
    return refused("ticket " + ticket->label + " is of " + ticket->business_day + ", not of today (" + today + ")",
                   "ticket-not-today");
  if (std::optional<std::string> code = request_of_ticket(db, ticket_id))
    return refused("ticket " + ticket->label + " is already request " + *code, "ticket-already-requested");
  return std::nullopt;
}

}  // namespace

Result<Request> request_from_ticket(StoreDb& store, const Clock& clock, const std::string& ticket_id, RequestForm form,
                                    const std::string& actor, const RequestCodeSource& codes) {
  return storage_guarded([&]() -> Result<Request> {
    Database& db = store.db();
    const EpochMs now = clock.now_ms();
    Transaction tx(db);
    const std::optional<TicketFacts> ticket = find_ticket(db, ticket_id);
    if (auto problem = check_ticket(db, ticket_id, ticket, store.zone().business_day(now))) return *problem;
    if (form.phone.empty()) form.phone = ticket->phone;
    Result<Request> draft = validate_request(form, load_product_catalog(db), store.zone(), now);
    if (!draft) return draft.error();
    Request created = insert_request(db, std::move(draft).value(), actor, now, codes);
    db.prepare("UPDATE request SET source_ticket_id = ?2 WHERE id = ?1").bind(1, created.id).bind(2, ticket_id).run();
    if (at_counter(*ticket)) finish_as_request(db, ticket_id, now);
    tx.commit();
    return created;
  });
}

}  // namespace kiosk
