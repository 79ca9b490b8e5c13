// The counter console's reducer: its enrolment with the node, login, opening the counter, the actions on
// the ticket in hand and their pickers, queue refreshes, and the link to the
// store node going down (retries with backoff) and a session ending.
#include "counter/counter_reducer.h"

#include <algorithm>
#include <utility>

#include "core/overloaded.h"
#include "counter/request_form_reducer.h"

namespace kiosk::counter {
namespace {

using Effects = std::vector<Effect>;

bool logged_in(const CounterState& s) { return !s.staff_name.empty(); }
bool counter_working(const CounterState& s) { return s.counter && s.counter->state != "closed"; }

Effects refresh(CounterState& s) {
  if (s.queue_loading) return logged_in(s) ? Effects{LoadReprints{}} : Effects{};
  s.queue_loading = true;
  if (logged_in(s)) return {LoadQueue{}, LoadReprints{}};
  return {LoadQueue{}};
}

// A counter action, unless one is already on its way.
Effects command(CounterState& s, std::string verb, std::string argument = {}, std::vector<std::string> services = {}) {
  if (s.busy || !logged_in(s)) return {};
  s.busy = true;
  s.picker = Picker::None;
  s.error = {};
  return {CounterCommand{std::move(verb), std::move(argument), std::move(services)}};
}

// Back to the login screen with everything of the session forgotten but the
// name (and that the session ended by itself, if it did).
void end_session(CounterState& s, bool ended) {
  CounterState fresh;
  fresh.device = std::move(s.device);
  fresh.language = s.language;
  fresh.services = std::move(s.services);
  fresh.counter = std::move(s.counter);
  fresh.link = s.link;
  fresh.queue_loaded_at = s.queue_loaded_at;
  fresh.queue_loading = s.queue_loading;
  fresh.login = kit::login_form_after(s.staff_name.empty() ? s.login.name : s.staff_name, ended);
  s = std::move(fresh);
}

void choose_counter_services(CounterState& s) {
  s.chosen.clear();
  if (s.counter && !s.counter->services.empty()) {
    s.chosen.insert(s.counter->services.begin(), s.counter->services.end());
  } else {
    for (const ServiceLine& service : s.services) s.chosen.insert(service.code);
  }
}

void link_failed(CounterState& s, bool from_retry_probe, EpochMs now, const CounterTimings& t) {
  if (s.link.down && !from_retry_probe) return;  // the probe's own failure sets the next delay
  app::link_failed(s.link, now, t.first_retry, t.max_retry);
}

Effects on_failure(CounterState& s, const RequestFailed& f, EpochMs now, const CounterTimings& t) {
  const bool is_queue = f.what == "queue", is_login = f.what == "login";
  if (is_queue) s.queue_loading = false;
  if (is_login)
    s.login.busy = false;
  else if (!is_queue && f.what != "reprints")
    s.busy = false;
  switch (f.failure) {
    case Failure::Unreachable:
      link_failed(s, is_queue, now, t);
      if (is_login)
        kit::refuse_login(s.login, kit::LoginRefusal::Unreachable);
      else if (!is_queue && f.what != "reprints")
        s.error = {"counter.error.unreachable", {}, {}};
      return {};
    case Failure::SessionEnded:
      if (logged_in(s)) end_session(s, /*ended=*/true);
      return {};
    case Failure::WrongPin:
      kit::refuse_login(s.login, kit::LoginRefusal::WrongPin);
      return {};
    case Failure::LockedOut:
      kit::refuse_login(s.login, kit::LoginRefusal::LockedOut, f.locked_minutes);
      return {};
    case Failure::UnknownCounter:
      kit::refuse_login(s.login, kit::LoginRefusal::UnknownCounter);
      return {};
    case Failure::Refused:
      if (is_login)
        kit::refuse_login(s.login, kit::LoginRefusal::Refused);
      else
        s.error = {"counter.refused." + f.what, {}, {}};
      return {};
    case Failure::DiskFull:  // the node's disk refused the write: the clerk is told what to do
    case Failure::ReadOnly:
    case Failure::Other:
      if (is_login)
        kit::refuse_login(s.login, kit::LoginRefusal::Other);
      else if (!is_queue && f.what != "reprints")
        s.error = {f.failure == Failure::DiskFull   ? "counter.error.disk-full"
                   : f.failure == Failure::ReadOnly ? "counter.error.read-only"
                                                    : "counter.error.other",
                   {},
                   {}};
      return {};
  }
  return {};
}

Effects on_ticket(CounterState& s, const TicketAnswered& a) {
  s.busy = false;
  s.error = {};
  s.note = {};
  if (a.verb == "call" || a.verb == "recall" || a.verb == "start") {
    s.ticket = a.ticket;
  } else {
    s.ticket.reset();
    if (a.verb == "finish")
      s.note = {"counter.note.finished", a.ticket.label, {}};
    else if (a.verb == "no-show")
      s.note = {"counter.note.no_show", a.ticket.label, {}};
    else if (a.verb == "transfer")
      s.note = {"counter.note.transferred", a.ticket.label, a.ticket.service};
  }
  return refresh(s);
}

Effects on_counter(CounterState& s, const CounterAnswered& a) {
  s.busy = false;
  s.error = {};
  s.note = {};
  s.counter = a.counter;
  if (a.verb == "open") s.screen = Screen::Console;
  if (a.verb == "close") {
    s.ticket.reset();
    choose_counter_services(s);
    s.screen = Screen::OpenCounter;
  }
  return refresh(s);
}

Effects on_queue(CounterState& s, const QueueLoaded& a, EpochMs now) {
  s.services = a.services;
  if (a.counter) s.counter = a.counter;
  s.queue_loaded_at = now;
  s.queue_loading = false;
  if (s.link.down && s.error.key == "counter.error.unreachable") s.error = {};  // the node is back
  s.link = {};
  if (s.screen == Screen::Console && !counter_working(s)) {
    s.ticket.reset();
    choose_counter_services(s);
    s.screen = Screen::OpenCounter;
  }
  return {};
}

// The enrol screens' answers: a new enrolment loads the queue; a refusal of
// this device stops everything in flight (its session went with it).
Effects on_enrol_answer(CounterState& s, const EnrolAnswer& a, EpochMs now) {
  kit::apply_enrol_answer(s.device, a, now);
  if (std::holds_alternative<kit::DeviceEnrolled>(a)) return refresh(s);
  if (!std::holds_alternative<kit::DeviceRefused>(a)) return {};
  if (logged_in(s)) end_session(s, /*ended=*/true);
  s.queue_loading = false;
  s.busy = false;
  s.login.busy = false;
  s.request.busy = false;
  s.link = {};
  return {};
}

Effects on_tick(CounterState& s, EpochMs now, const CounterTimings& t) {
  if (s.queue_loading || !kit::enrolled(s.device)) return {};
  if (s.link.down) return now >= s.link.retry_at ? refresh(s) : Effects{};
  if (now - s.queue_loaded_at >= t.queue_refresh) return refresh(s);
  return {};
}

}  // namespace

const ServiceLine* find_service(const CounterState& s, std::string_view code) {
  for (const ServiceLine& service : s.services)
    if (service.code == code) return &service;
  return nullptr;
}

bool over_target(const ServiceLine& service) {
  if (service.waiting == 0) return false;
  if (!service.estimated_wait_min) return true;  // people waiting and no counter open to call them
  if (service.wait_target_min <= 0) return false;
  const bool someone_over = service.longest_wait_min && *service.longest_wait_min > service.wait_target_min;
  return someone_over || *service.estimated_wait_min > service.wait_target_min;
}

int retry_seconds_left(const CounterState& s, EpochMs now) {
  return static_cast<int>(std::max<EpochMs>(0, (s.link.retry_at - now + 999) / 1000));
}

std::vector<Effect> reduce(CounterState& s, const Action& action, EpochMs now, const CounterTimings& t) {
  if (std::optional<Effects> effects = reduce_request_form(s, action)) return *effects;
  return std::visit(
      Overloaded{
          [&](const SwitchLanguage&) -> Effects {
            s.language = s.language == Language::Zh ? Language::En : Language::Zh;
            return {};
          },
          [&](const EnrolInput& a) -> Effects {
            if (std::optional<kit::EnrolDevice> enrol = kit::apply_enrol_input(s.device, a)) return {*enrol};
            return {};
          },
          [&](const EnrolAnswer& a) -> Effects { return on_enrol_answer(s, a, now); },
          [&](const LoginInput& a) -> Effects {
            if (s.screen != Screen::Login) return {};
            std::optional<kit::LoginAttempt> attempt = kit::apply_login_input(s.login, a);
            if (!attempt) return {};
            return {LogIn{std::move(attempt->name), std::move(attempt->pin)}};
          },
          [&](const ToggleService& a) -> Effects {
            if (!find_service(s, a.code)) return {};
            if (!s.chosen.erase(a.code)) s.chosen.insert(a.code);
            s.error = {};
            return {};
          },
          [&](const OpenCounter&) -> Effects {
            if (s.chosen.empty()) {
              s.error = {"counter.error.no_services", {}, {}};
              return {};
            }
            return command(s, "open", {}, std::vector<std::string>(s.chosen.begin(), s.chosen.end()));
          },
          [&](const ChangeServices&) -> Effects {
            if (!logged_in(s)) return {};
            choose_counter_services(s);
            s.picker = Picker::None;
            s.error = {};
            s.screen = Screen::OpenCounter;
            return {};
          },
          [&](const BackToConsole&) -> Effects {
            if (logged_in(s) && counter_working(s)) s.screen = Screen::Console;
            s.error = {};
            return {};
          },
          [&](const CallNext&) -> Effects { return command(s, "call"); },
          [&](const Recall&) -> Effects { return command(s, "recall"); },
          [&](const StartService&) -> Effects { return command(s, "start"); },
          [&](const OpenPicker& a) -> Effects {
            if (s.screen == Screen::Console && !s.busy) s.picker = a.picker;
            s.error = {};
            return {};
          },
          [&](const ClosePicker&) -> Effects {
            s.picker = Picker::None;
            return {};
          },
          [&](const Finish& a) -> Effects {
            if (s.busy) return {};
            // "request": the form opens with the ticket still in hand; the node
            // finishes it when the request is stored, and a cancelled form leaves it served.
            if (a.outcome == "request" && s.ticket) return open_request_form(s, s.ticket->id, s.ticket->label);
            return command(s, "finish", a.outcome);
          },
          [&](const NoShow&) -> Effects { return command(s, "no-show"); },
          [&](const Transfer& a) -> Effects { return command(s, "transfer", a.to_service); },
          [&](const Pause& a) -> Effects { return command(s, "pause", a.reason); },
          [&](const Resume&) -> Effects {
            if (!s.counter || s.counter->services.empty()) return {};
            return command(s, "open", {}, s.counter->services);
          },
          [&](const CloseCounter&) -> Effects { return command(s, "close"); },
          [&](const Logout&) -> Effects {
            if (!logged_in(s)) return {};
            end_session(s, /*ended=*/false);
            s.login = {};
            return {LogOut{}};
          },
          [&](const MarkReprinted& a) -> Effects {
            if (s.busy || !logged_in(s)) return {};
            s.busy = true;
            s.error = {};
            return {ReprintDone{a.ticket_id}};
          },
          [&](const Tick&) -> Effects { return on_tick(s, now, t); },
          [&](const QueueLoaded& a) -> Effects { return on_queue(s, a, now); },
          [&](const ReprintsLoaded& a) -> Effects {
            if (logged_in(s)) s.reprints = a.tickets;
            return {};
          },
          [&](const LoggedIn& a) -> Effects {
            s.login = {};  // the PIN is forgotten at once
            s.staff_name = a.staff_name;
            choose_counter_services(s);
            s.screen = counter_working(s) ? Screen::Console : Screen::OpenCounter;
            return refresh(s);
          },
          [&](const TicketAnswered& a) -> Effects { return on_ticket(s, a); },
          [&](const CounterAnswered& a) -> Effects { return on_counter(s, a); },
          [&](const Reprinted& a) -> Effects {
            s.busy = false;
            for (auto it = s.reprints.begin(); it != s.reprints.end(); ++it)
              if (it->id == a.ticket_id) {
                s.note = {"counter.note.reprinted", it->label, {}};
                s.reprints.erase(it);
                break;
              }
            return {};
          },
          [&](const RequestFailed& a) -> Effects { return on_failure(s, a, now, t); },
          [&](const StaffRequestCreated&) -> Effects { return refresh(s); },  // its ticket left the counter
          [](const auto&) -> Effects { return {}; },  // the request form's own (request_form_reducer.h)
      },
      action);
}

std::optional<EpochMs> next_deadline(const CounterState& s, EpochMs now, const CounterTimings& t) {
  if (s.device.fingerprint_until > now) return s.device.fingerprint_until;  // then the console's own screen
  if (!kit::enrolled(s.device)) return std::nullopt;                        // the enrol screens wait for taps
  if (s.queue_loading) return std::nullopt;                                 // the worker's answer wakes the loop
  if (s.link.down) {
    const EpochMs left = s.link.retry_at - now;
    if (left <= 0) return now;
    return now + (left % 1000 == 0 ? 1000 : left % 1000);  // each second of the countdown
  }
  return s.queue_loaded_at + t.queue_refresh;
}

}  // namespace kiosk::counter
