// The queue engine: SQL for numbering, calling and every ticket transition.
// Each public operation is one BEGIN IMMEDIATE transaction (see sqlite.h).
#include "queue/queue_engine.h"

#include <algorithm>
#include <set>

#include "core/comma_list.h"
#include "core/phone.h"
#include "core/random_id.h"
#include "core/text.h"
#include "queue/call_events.h"
#include "queue/calling_policy.h"
#include "queue/queue_snapshot.h"
#include "queue/ticket_label.h"
#include "store/catalog.h"
#include "store/storage_guard.h"

namespace kiosk {
namespace {

constexpr const char* kTicketColumns =
    "seq, id, business_day, service_code, prefix, number, priority, state, counter, outcome, recalls, "
    "issued_at, queued_since, called_at, started_at, finished_at, transferred_from, transferred_to, phone, token, "
    "print_state, estimated_wait_min, staff_id, language";

// Length of the QR token: 31^20, about 2^99 possibilities, cannot be guessed.
constexpr std::size_t kTokenLength = 20;

Ticket ticket_from_row(const Statement& row) {
  Ticket t;
  t.id = row.text(1);
  t.business_day = row.text(2);
  t.service_code = row.text(3);
  t.label = format_ticket_label(row.text(4), row.int32(5));
  t.priority = row.int64(6) != 0;
  t.state = ticket_state_from(row.text(7)).value_or(TicketState::Waiting);
  if (!row.is_null(8)) t.counter = row.int32(8);
  if (!row.is_null(9)) t.outcome = outcome_from(row.text(9));
  t.recalls = row.int32(10);
  t.issued_at = row.int64(11);
  t.queued_since = row.int64(12);
  t.called_at = row.optional_int64(13);
  t.started_at = row.optional_int64(14);
  t.finished_at = row.optional_int64(15);
  t.transferred_from = row.text(16);
  t.transferred_to = row.text(17);
  t.phone = row.text(18);
  t.token = row.text(19);
  t.print_state = print_state_from(row.text(20)).value_or(PrintState::NotPrinted);
  if (!row.is_null(21)) t.estimated_wait_min = row.int32(21);
  t.staff_id = row.text(22);
  t.language = row.text(23);
  return t;
}

std::string counter_name(int counter) { return "counter " + std::to_string(counter); }

}  // namespace

std::optional<Ticket> find_ticket(Database& db, const std::string& id) {
  Statement& q = db.prepare(std::string("SELECT ") + kTicketColumns + " FROM ticket WHERE id = ?1");
  q.bind(1, id);
  std::optional<Ticket> found;
  if (q.step()) found = ticket_from_row(q);
  q.reset();
  return found;
}

// [SECTION] Plumbing

template <class Change>
Result<Ticket> QueueEngine::with_active_ticket(int counter, Change&& change) {
  return storage_transaction(store_.db(), [&]() -> Result<Ticket> {
    Result<Counter> c = load_counter(counter);
    if (!c) return c.error();
    std::optional<Ticket> ticket = active_ticket(counter);
    if (!ticket) return refused(counter_name(counter) + " has no called or serving ticket");
    return change(*ticket);
  });
}

Result<Counter> QueueEngine::load_counter(int number) {
  Statement& q = store_.db().prepare("SELECT state, pause_reason, services FROM counter WHERE number = ?1");
  q.bind(1, number);
  if (!q.step()) return invalid_argument("unknown counter " + std::to_string(number));
  Counter c;
  c.number = number;
  c.state = counter_state_from(q.text(0)).value_or(CounterState::Closed);
  c.pause_reason = q.text(1);
  c.service_codes = split_comma_list(q.text(2));
  q.reset();
  return c;
}

std::optional<Ticket> QueueEngine::active_ticket(int counter) {
  Statement& q = store_.db().prepare(std::string("SELECT ") + kTicketColumns +
                                     " FROM ticket WHERE counter = ?1 AND state IN ('called', 'serving')");
  q.bind(1, counter);
  std::optional<Ticket> ticket;
  if (q.step()) ticket = ticket_from_row(q);
  q.reset();
  return ticket;
}

std::optional<Service> QueueEngine::active_service(const std::string& code) {
  for (Service& s : load_active_services(store_.db()))
    if (s.code == code) return std::move(s);
  return std::nullopt;
}

Ticket QueueEngine::reload(std::int64_t seq) {
  Statement& q = store_.db().prepare(std::string("SELECT ") + kTicketColumns + " FROM ticket WHERE seq = ?1");
  q.bind(1, seq);
  q.step();
  Ticket t = ticket_from_row(q);
  q.reset();
  return t;
}

int QueueEngine::waiting_count(const std::string& service_code, const std::string& day,
                               std::optional<EpochMs> queued_before) {
  Statement& q = store_.db().prepare(
      "SELECT count(*) FROM ticket WHERE state = 'waiting' AND business_day = ?1 AND service_code = ?2 "
      "AND (?3 IS NULL OR queued_since < ?3)");
  q.bind(1, day).bind(2, service_code).bind(3, queued_before);
  q.step();
  const int count = q.int32(0);
  q.reset();
  return count;
}

std::optional<int> QueueEngine::longest_wait_min(const std::string& service_code, const std::string& day) {
  Statement& q = store_.db().prepare(
      "SELECT min(queued_since) FROM ticket WHERE state = 'waiting' AND business_day = ?1 AND service_code = ?2");
  q.bind(1, day).bind(2, service_code);
  q.step();
  const std::optional<EpochMs> since = q.optional_int64(0);
  q.reset();
  if (!since) return std::nullopt;
  return static_cast<int>(std::max<EpochMs>(0, clock_.now_ms() - *since) / 60'000);
}

QueueSnapshot QueueEngine::queue_snapshot(const std::vector<Service>& services) {
  const EpochMs now = clock_.now_ms();
  return read_queue_snapshot(store_.db(), store_.zone().business_day(now), now, services, store_.priority_interleave());
}

// [SECTION] Customers

Result<IssuedTicket> QueueEngine::issue(const IssueRequest& request) {
  std::string phone;
  if (!request.phone.empty()) {
    Result<std::string> normalized = normalize_phone(request.phone);
    if (!normalized) return normalized.error();
    phone = normalized.value();
  }
  if (!request.language.empty() && request.language != "zh" && request.language != "en")
    return invalid_argument("language \"" + request.language + "\" is not zh or en", "bad-language");
  return storage_transaction(store_.db(), [&]() -> Result<IssuedTicket> {
    std::optional<Service> service = active_service(request.service_code);
    if (!service) return invalid_argument("unknown service \"" + request.service_code + "\"", "unknown-service");
    if (request.priority && !service->priority_allowed)
      return refused("service " + service->code + " (" + service->name_en + ") does not take priority tickets",
                     "no-priority");

    Database& db = store_.db();
    const EpochMs now = clock_.now_ms();
    const std::string day = store_.zone().business_day(now);
    Statement& next = db.prepare(
        "INSERT INTO number_sequence(business_day, prefix, last_number) VALUES (?1, ?2, 1) "
        "ON CONFLICT(business_day, prefix) DO UPDATE SET last_number = last_number + 1 RETURNING last_number");
    next.bind(1, day).bind(2, service->code);
    next.step();
    const int number = next.int32(0);
    next.reset();

    const int ahead = waiting_count(service->code, day, std::nullopt);
    const std::optional<int> estimate =
        estimate_wait_min(queue_snapshot(load_active_services(db)), {service->code, request.priority});
    Statement& insert = db.prepare(
        "INSERT INTO ticket(id, business_day, service_code, prefix, number, priority, state, issued_at, queued_since, "
        "phone, token, estimated_wait_min, language) VALUES (?1, ?2, ?3, ?3, ?4, ?5, 'waiting', ?6, ?6, ?7, ?8, ?9, "
        "NULLIF(?10, ''))");
    insert.bind(1, new_uuid()).bind(2, day).bind(3, service->code).bind(4, number).bind(5, request.priority ? 1 : 0);
    insert.bind(6, now)
        .bind(7, phone.empty() ? std::optional<std::string>() : phone)
        .bind(8, random_token(kTokenLength));
    insert.bind(9, estimate).bind(10, request.language);
    insert.run();
    return IssuedTicket{reload(sqlite3_last_insert_rowid(db.handle())), ahead};
  });
}

Result<Ticket> QueueEngine::record_print(const std::string& ticket_id, PrintState state) {
  return storage_transaction(store_.db(), [&]() -> Result<Ticket> {
    Statement& update = store_.db().prepare("UPDATE ticket SET print_state = ?2 WHERE id = ?1 RETURNING seq");
    update.bind(1, ticket_id).bind(2, to_string(state));
    if (!update.step()) return invalid_argument("no ticket with id " + ticket_id);
    const std::int64_t seq = update.int64(0);
    update.reset();
    return reload(seq);
  });
}

Result<std::vector<Ticket>> QueueEngine::tickets_to_reprint() {
  return storage_guarded([&]() -> Result<std::vector<Ticket>> {
    Statement& q = store_.db().prepare(std::string("SELECT ") + kTicketColumns +
                                       " FROM ticket WHERE business_day = ?1 AND print_state = 'failed' ORDER BY seq");
    q.bind(1, today());
    std::vector<Ticket> tickets;
    while (q.step()) tickets.push_back(ticket_from_row(q));
    q.reset();
    return tickets;
  });
}

Result<Ticket> QueueEngine::mark_reprinted(const std::string& ticket_id) {
  return storage_transaction(store_.db(), [&]() -> Result<Ticket> {
    Statement& update = store_.db().prepare(
        "UPDATE ticket SET print_state = 'printed' WHERE id = ?1 AND print_state = 'failed' RETURNING seq");
    update.bind(1, ticket_id);
    const bool updated = update.step();
    const std::int64_t seq = updated ? update.int64(0) : 0;
    update.reset();
    if (!updated) return invalid_argument("no ticket " + ticket_id + " waiting for a reprint", "unknown-ticket");
    return reload(seq);
  });
}

Result<Ticket> QueueEngine::cancel(const std::string& label) {
  const std::optional<ParsedLabel> parsed = parse_ticket_label(label);
  if (!parsed)
    return invalid_argument("\"" + label + "\" is not a ticket number (expected a letter and digits, e.g. A012)");
  return storage_transaction(store_.db(), [&]() -> Result<Ticket> {
    Statement& q = store_.db().prepare(
        "SELECT seq, state FROM ticket WHERE business_day = ?1 AND prefix = ?2 AND number = ?3 AND transferred_to IS "
        "NULL "
        "ORDER BY seq DESC LIMIT 1");
    q.bind(1, today()).bind(2, parsed->prefix).bind(3, parsed->number);
    if (!q.step()) return invalid_argument("no ticket " + label + " today");
    const std::int64_t seq = q.int64(0);
    const std::string state = q.text(1);
    q.reset();
    if (state != "waiting")
      return refused("ticket " + label + " is " + state + ", only a waiting ticket can be cancelled");
    store_.db()
        .prepare("UPDATE ticket SET state = 'cancelled', finished_at = ?2 WHERE seq = ?1")
        .bind(1, seq)
        .bind(2, clock_.now_ms())
        .run();
    return reload(seq);
  });
}

// [SECTION] A counter's current ticket

Result<Ticket> QueueEngine::call_next(int counter, const std::string& staff_id) {
  return storage_transaction(store_.db(), [&]() -> Result<Ticket> {
    Result<Counter> c = load_counter(counter);
    if (!c) return c.error();
    if (c.value().state == CounterState::Closed) return refused(counter_name(counter) + " is closed; open it first");
    if (c.value().state == CounterState::Paused)
      return refused(counter_name(counter) + " is paused (" + c.value().pause_reason + "); open it first");
    if (std::optional<Ticket> current = active_ticket(counter))
      return refused(counter_name(counter) + " still has " + current->label + " (" + to_string(current->state) +
                     "); finish, mark no-show or transfer it first");

    Database& db = store_.db();
    const EpochMs now = clock_.now_ms();
    const std::string day = store_.zone().business_day(now);
    // Tickets still waiting from an earlier business day are over: the store closed.
    db.prepare("UPDATE ticket SET state = 'cancelled', finished_at = ?2 WHERE state = 'waiting' AND business_day < ?1")
        .bind(1, day)
        .bind(2, now)
        .run();

    const std::string services = "," + join_comma_list(c.value().service_codes) + ",";
    Statement& oldest = db.prepare(
        "SELECT seq FROM ticket WHERE state = 'waiting' AND business_day = ?1 AND priority = ?2 "
        "AND instr(?3, ',' || service_code || ',') > 0 ORDER BY queued_since, seq LIMIT 1");
    auto oldest_of = [&](bool priority) -> std::optional<std::int64_t> {
      oldest.bind(1, day).bind(2, priority ? 1 : 0).bind(3, services);
      std::optional<std::int64_t> seq;
      if (oldest.step()) seq = oldest.int64(0);
      oldest.reset();
      return seq;
    };
    const std::optional<std::int64_t> priority_seq = oldest_of(true), normal_seq = oldest_of(false);

    Statement& streak = db.prepare("SELECT priority_streak FROM counter WHERE number = ?1");
    streak.bind(1, counter);
    streak.step();
    const int priority_streak = streak.int32(0);
    streak.reset();

    const CallDecision decision = decide_next_call(priority_seq.has_value(), normal_seq.has_value(), priority_streak,
                                                   store_.priority_interleave());
    if (decision.pick == NextPick::Nobody)
      return refused("no one is waiting for " + join_comma_list(c.value().service_codes) + " at " +
                     counter_name(counter));
    const std::int64_t seq = decision.pick == NextPick::Priority ? *priority_seq : *normal_seq;
    db.prepare(
          "UPDATE ticket SET state = 'called', counter = ?2, called_at = ?3, staff_id = NULLIF(?4, '') WHERE seq = ?1")
        .bind(1, seq)
        .bind(2, counter)
        .bind(3, now)
        .bind(4, staff_id)
        .run();
    db.prepare("UPDATE counter SET priority_streak = ?2 WHERE number = ?1")
        .bind(1, counter)
        .bind(2, decision.priority_streak_after)
        .run();
    Ticket called = reload(seq);
    record_call_event(db, CallKind::Call, called.label, called.service_code, counter, now);
    return called;
  });
}

Result<Ticket> QueueEngine::recall(int counter) {
  return with_active_ticket(counter, [&](const Ticket& t) -> Result<Ticket> {
    if (t.state != TicketState::Called)
      return refused(t.label + " is already being served at " + counter_name(counter));
    store_.db().prepare("UPDATE ticket SET recalls = recalls + 1 WHERE id = ?1").bind(1, t.id).run();
    record_call_event(store_.db(), CallKind::Recall, t.label, t.service_code, counter, clock_.now_ms());
    Ticket recalled = t;
    ++recalled.recalls;
    return recalled;
  });
}

Result<Ticket> QueueEngine::start(int counter) {
  return with_active_ticket(counter, [&](const Ticket& t) -> Result<Ticket> {
    if (t.state != TicketState::Called)
      return refused(t.label + " is already being served at " + counter_name(counter));
    Ticket started = t;
    started.state = TicketState::Serving;
    started.started_at = clock_.now_ms();
    store_.db()
        .prepare("UPDATE ticket SET state = 'serving', started_at = ?2 WHERE id = ?1")
        .bind(1, t.id)
        .bind(2, *started.started_at)
        .run();
    return started;
  });
}

// Finishing a ticket that was called but never started counts its service
// from the call: staff often skip "start" for short visits.
Result<Ticket> QueueEngine::finish(int counter, Outcome outcome) {
  return with_active_ticket(counter, [&](const Ticket& t) -> Result<Ticket> {
    Ticket done = t;
    done.state = TicketState::Done;
    done.outcome = outcome;
    done.started_at = t.started_at.value_or(*t.called_at);
    done.finished_at = clock_.now_ms();
    store_.db()
        .prepare("UPDATE ticket SET state = 'done', outcome = ?2, started_at = ?3, finished_at = ?4 WHERE id = ?1")
        .bind(1, t.id)
        .bind(2, to_string(outcome))
        .bind(3, *done.started_at)
        .bind(4, *done.finished_at)
        .run();
    return done;
  });
}

Result<Ticket> QueueEngine::no_show(int counter) {
  return with_active_ticket(counter, [&](const Ticket& t) -> Result<Ticket> {
    if (t.state != TicketState::Called)
      return refused(t.label + " is being served at " + counter_name(counter) + "; it cannot be a no-show");
    Ticket missed = t;
    missed.state = TicketState::NoShow;
    missed.finished_at = clock_.now_ms();
    store_.db()
        .prepare("UPDATE ticket SET state = 'no-show', finished_at = ?2 WHERE id = ?1")
        .bind(1, t.id)
        .bind(2, *missed.finished_at)
        .run();
    record_call_event(store_.db(), CallKind::NoShow, t.label, t.service_code, counter, *missed.finished_at);
    return missed;
  });
}

Result<Ticket> QueueEngine::transfer(int counter, const std::string& to_service) {
  return with_active_ticket(counter, [&](const Ticket& t) -> Result<Ticket> {
    const std::optional<Service> target = active_service(to_service);
    if (!target) return invalid_argument("unknown service \"" + to_service + "\"");
    if (target->code == t.service_code) return refused(t.label + " is already in service " + to_service);
    Database& db = store_.db();
    const EpochMs now = clock_.now_ms();
    const std::string new_id = new_uuid();
    const ParsedLabel label = parse_ticket_label(t.label).value();
    db.prepare(
          "INSERT INTO ticket(id, business_day, service_code, prefix, number, priority, state, issued_at, "
          "queued_since, "
          "transferred_from, phone, print_state, language) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'waiting', ?7, ?8, ?9, ?10, "
          "?11, NULLIF(?12, ''))")
        .bind(1, new_id)
        .bind(2, t.business_day)
        .bind(3, target->code)
        .bind(4, label.prefix)
        .bind(5, label.number)
        .bind(6, t.priority ? 1 : 0)
        .bind(7, now)
        .bind(8, t.queued_since)
        .bind(9, t.id)
        .bind(10, t.phone.empty() ? std::optional<std::string>() : t.phone)
        .bind(11, to_string(t.print_state))
        .bind(12, t.language)
        .run();
    const std::int64_t new_seq = sqlite3_last_insert_rowid(db.handle());
    db.prepare(
          "UPDATE ticket SET state = 'transferred', finished_at = ?2, transferred_to = ?3, "
          "started_at = coalesce(started_at, called_at) WHERE id = ?1")
        .bind(1, t.id)
        .bind(2, now)
        .bind(3, new_id)
        .run();
    record_call_event(db, CallKind::Transfer, t.label, t.service_code, counter, now);
    return reload(new_seq);
  });
}

// [SECTION] Counters

Result<Counter> QueueEngine::open_counter(int counter, const std::vector<std::string>& service_codes) {
  return storage_transaction(store_.db(), [&]() -> Result<Counter> {
    Result<Counter> c = load_counter(counter);
    if (!c) return c.error();
    if (service_codes.empty()) return invalid_argument("a counter must serve at least one service");
    std::set<std::string> known;
    for (const Service& s : load_active_services(store_.db())) known.insert(s.code);
    for (const std::string& code : service_codes)
      if (!known.count(code)) return invalid_argument("unknown service \"" + code + "\"");
    store_.db()
        .prepare("UPDATE counter SET state = 'open', pause_reason = '', services = ?2 WHERE number = ?1")
        .bind(1, counter)
        .bind(2, join_comma_list(service_codes))
        .run();
    return load_counter(counter);
  });
}

Result<Counter> QueueEngine::pause_counter(int counter, const std::string& reason) {
  if (auto problem = check_single_line("pause reason", reason, 80)) return invalid_argument(*problem);
  return storage_transaction(store_.db(), [&]() -> Result<Counter> {
    Result<Counter> c = load_counter(counter);
    if (!c) return c.error();
    if (c.value().state == CounterState::Closed) return refused(counter_name(counter) + " is closed");
    if (std::optional<Ticket> current = active_ticket(counter))
      return refused(counter_name(counter) + " still has " + current->label + "; finish it before pausing");
    store_.db()
        .prepare("UPDATE counter SET state = 'paused', pause_reason = ?2 WHERE number = ?1")
        .bind(1, counter)
        .bind(2, reason)
        .run();
    return load_counter(counter);
  });
}

Result<Counter> QueueEngine::close_counter(int counter) {
  return storage_transaction(store_.db(), [&]() -> Result<Counter> {
    Result<Counter> c = load_counter(counter);
    if (!c) return c.error();
    if (std::optional<Ticket> current = active_ticket(counter))
      return refused(counter_name(counter) + " still has " + current->label + "; finish it before closing");
    store_.db()
        .prepare("UPDATE counter SET state = 'closed', pause_reason = '' WHERE number = ?1")
        .bind(1, counter)
        .run();
    return load_counter(counter);
  });
}

Result<std::vector<Counter>> QueueEngine::counters() {
  return storage_guarded([&]() -> Result<std::vector<Counter>> {
    Statement& q = store_.db().prepare("SELECT number FROM counter ORDER BY number");
    std::vector<int> numbers;
    while (q.step()) numbers.push_back(q.int32(0));
    q.reset();
    std::vector<Counter> all;
    for (int n : numbers) all.push_back(load_counter(n).value());
    return all;
  });
}

// [SECTION] Reading

Result<std::vector<ServiceQueue>> QueueEngine::queue_status() {
  return storage_guarded([&]() -> Result<std::vector<ServiceQueue>> {
    const std::string day = today();
    std::vector<Service> services = load_active_services(store_.db());
    const QueueSnapshot snapshot = queue_snapshot(services);
    std::vector<ServiceQueue> queues;
    for (Service& s : services) {
      ServiceQueue q;
      q.waiting = waiting_count(s.code, day, std::nullopt);
      q.counters_open = static_cast<int>(
          std::count_if(snapshot.open_counters.begin(), snapshot.open_counters.end(), [&](const OpenCounter& c) {
            return std::find(c.service_codes.begin(), c.service_codes.end(), s.code) != c.service_codes.end();
          }));
      q.estimated_wait_min = estimate_wait_min(snapshot, {s.code, false});
      q.longest_wait_min = longest_wait_min(s.code, day);
      q.service = std::move(s);
      queues.push_back(std::move(q));
    }
    return queues;
  });
}

Result<std::optional<Ticket>> QueueEngine::latest_ticket_today() {
  return storage_guarded([&]() -> Result<std::optional<Ticket>> {
    Statement& q = store_.db().prepare(std::string("SELECT ") + kTicketColumns +
                                       " FROM ticket WHERE business_day = ?1 AND transferred_from IS NULL "
                                       "ORDER BY seq DESC LIMIT 1");
    q.bind(1, today());
    std::optional<Ticket> ticket;
    if (q.step()) ticket = ticket_from_row(q);
    q.reset();
    return ticket;
  });
}

Result<DayStats> QueueEngine::day_stats(const std::string& business_day) {
  if (!is_calendar_date(business_day))
    return invalid_argument("\"" + business_day + "\" is not a date (expected YYYY-MM-DD)");
  return storage_guarded([&]() -> Result<DayStats> {
    Database& db = store_.db();
    std::map<std::string, int> targets;
    Statement& services = db.prepare("SELECT code, wait_target_min FROM service");
    while (services.step()) targets[services.text(0)] = services.int32(1) * 60;
    services.reset();
    Statement& q = db.prepare(
        "SELECT service_code, state, transferred_from IS NOT NULL, issued_at, called_at, started_at, finished_at, "
        "estimated_wait_min FROM ticket WHERE business_day = ?1");
    q.bind(1, business_day);
    std::vector<TicketTimes> times;
    while (q.step()) {
      times.push_back(TicketTimes{q.text(0), ticket_state_from(q.text(1)).value_or(TicketState::Waiting),
                                  q.int64(2) != 0, q.int64(3), q.optional_int64(4), q.optional_int64(5),
                                  q.optional_int64(6), q.is_null(7) ? std::nullopt : std::optional<int>(q.int32(7))});
    }
    q.reset();
    return compute_day_stats(business_day, times, targets, clock_.now_ms());
  });
}

}  // namespace kiosk
