// The queue engine of one store: issuing tickets (each stores the wait estimate
// it showed, queue/wait_estimator.h), calling them to counters and every step
// after, counters opening and pausing, queue status with wait estimates, and
// day statistics. Every operation is one SQLite transaction taken with the
// write lock up front, so any number of processes and threads (each
// with its own StoreDb) can work on one store: no ticket is ever called twice,
// and a ticket number is durable on disk before it is returned. Every call and
// recall also appends a call event (queue/call_events.h) in its transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "model/queue_model.h"
#include "queue/day_stats.h"
#include "queue/wait_estimator.h"
#include "store/store_db.h"

namespace kiosk {

struct IssueRequest {
  std::string service_code;
  bool priority = false;
  std::string phone;       // optional, as typed; validated and stored as digits
  std::string language{};  // the kiosk's, "zh" or "en"; empty: not known
};

struct IssuedTicket {
  Ticket ticket;
  int people_ahead = 0;  // the ticket's wait estimate is ticket.estimated_wait_min
};

struct ServiceQueue {
  Service service;
  int waiting = 0;
  int counters_open = 0;  // open counters that call this service
  // For a customer who takes a ticket now; nullopt when no open counter calls
  // the service (paused and closed counters call nobody): there is no wait to promise.
  std::optional<int> estimated_wait_min;
  // How long the longest-waiting ticket of today has waited so far (whole
  // minutes since it was queued); nullopt when nobody waits.
  std::optional<int> longest_wait_min;
};

class QueueEngine {
 public:
  QueueEngine(StoreDb& store, const Clock& clock) : store_(store), clock_(clock) {}

  // [SECTION] Customers
  Result<IssuedTicket> issue(const IssueRequest& request);
  // Records whether the paper ticket was printed; a failure marks it for reprint.
  Result<Ticket> record_print(const std::string& ticket_id, PrintState state);
  Result<Ticket> cancel(const std::string& label);  // a waiting ticket of today
  // Today's tickets whose print failed, oldest first, and marking one printed
  // again once staff reprinted it (refused for a ticket not waiting for one).
  Result<std::vector<Ticket>> tickets_to_reprint();
  Result<Ticket> mark_reprinted(const std::string& ticket_id);

  // [SECTION] A counter's current ticket
  // staff_id: who is logged in at the counter (recorded on the ticket); empty
  // when nobody is (kioskctl).
  Result<Ticket> call_next(int counter, const std::string& staff_id = {});
  Result<Ticket> recall(int counter);
  Result<Ticket> start(int counter);
  Result<Ticket> finish(int counter, Outcome outcome);
  Result<Ticket> no_show(int counter);
  // Ends the counter's ticket as transferred and returns the ticket that
  // continues it in `to_service`: same label, original queue time.
  Result<Ticket> transfer(int counter, const std::string& to_service);

  // [SECTION] Counters
  Result<Counter> open_counter(int counter, const std::vector<std::string>& service_codes);
  Result<Counter> pause_counter(int counter, const std::string& reason);
  Result<Counter> close_counter(int counter);
  Result<std::vector<Counter>> counters();

  // [SECTION] Reading
  Result<std::vector<ServiceQueue>> queue_status();
  Result<DayStats> day_stats(const std::string& business_day);
  // Today's most recently issued ticket, if any.
  Result<std::optional<Ticket>> latest_ticket_today();
  std::string today() const { return store_.zone().business_day(clock_.now_ms()); }

 private:
  // Runs `change` on the counter's called or serving ticket, in one transaction.
  template <class Change>
  Result<Ticket> with_active_ticket(int counter, Change&& change);

  Result<Counter> load_counter(int number);
  std::optional<Ticket> active_ticket(int counter);
  std::optional<Service> active_service(const std::string& code);
  int waiting_count(const std::string& service_code, const std::string& day, std::optional<EpochMs> queued_before);
  std::optional<int> longest_wait_min(const std::string& service_code, const std::string& day);
  // The queue as it stands now, for wait estimates (queue/wait_estimator.h).
  QueueSnapshot queue_snapshot(const std::vector<Service>& services);
  Ticket reload(std::int64_t seq);

  StoreDb& store_;
  const Clock& clock_;
};

// A ticket by its id, any day and state, as stored (sync uploads it); nullopt
// when there is none. Throws SqliteError.
std::optional<Ticket> find_ticket(Database& db, const std::string& id);

}  // namespace kiosk
