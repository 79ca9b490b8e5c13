// The calling display's reducer: calls in seq order, one entry per ticket,
// the current call and five earlier ones; connection state; the enrolment; time-driven looks.
#include "display/display_reducer.h"

#include <algorithm>

#include "core/overloaded.h"

namespace kiosk::display {
namespace {

void add_call(DisplayState& state, const CallEvent& event, EpochMs arrived_at) {
  std::erase_if(state.calls, [&](const BoardCall& call) { return call.event.ticket == event.ticket; });
  state.calls.insert(state.calls.begin(), BoardCall{event, arrived_at});
  if (state.calls.size() > kKeptCalls) state.calls.resize(kKeptCalls);
}

}  // namespace

std::vector<Effect> reduce(DisplayState& state, const Action& action, EpochMs now) {
  std::vector<Effect> effects;
  std::visit(Overloaded{
                 [&](const EventsArrived& a) {
                   for (const CallEvent& event : a.events) {
                     if (event.seq <= state.last_seq) continue;  // seen before a reconnect
                     state.last_seq = event.seq;
                     if (event.ends_call)  // a no-show or a transfer: nobody is to go to that counter now
                       std::erase_if(state.calls,
                                     [&](const BoardCall& call) { return call.event.ticket == event.ticket; });
                     else
                       add_call(state, event, a.live ? now : 0);
                   }
                   if (!a.live) state.history_loaded = true;
                   state.connection = Connection::Online;
                 },
                 [&](const QueueLoaded& a) {
                   state.services = a.services;
                   state.queue_loaded = true;
                   if (!a.time_zone.empty() && (!state.zone || state.zone->name() != a.time_zone)) {
                     Result<StoreTimeZone> zone = StoreTimeZone::load(a.time_zone);
                     if (zone) state.zone = zone.value();  // an unknown zone: the device's own time, as before
                   }
                   state.connection = Connection::Online;
                 },
                 [&](const NodeUnreachable&) {
                   if (state.connection != Connection::Offline) state.offline_since = now;
                   state.connection = Connection::Offline;
                 },
                 [&](const EnrolInput& a) {
                   if (std::optional<Effect> enrol = kit::apply_enrol_input(state.device, a)) effects.push_back(*enrol);
                 },
                 [&](const EnrolAnswer& a) { kit::apply_enrol_answer(state.device, a, now); },
             },
             action);
  return effects;
}

bool is_highlighted(const BoardCall& call, EpochMs now, const DisplayTimings& timings) {
  return call.arrived_at > 0 && now >= call.arrived_at && now - call.arrived_at < timings.highlight;
}

bool blink_on(const BoardCall& call, EpochMs now, const DisplayTimings& timings) {
  return is_highlighted(call, now, timings) && ((now - call.arrived_at) / timings.blink_period) % 2 == 0;
}

app::Language leading_language(const DisplayState& state, EpochMs now, const DisplayTimings& timings) {
  switch (state.language) {
    case LanguageChoice::Zh:
      return app::Language::Zh;
    case LanguageChoice::En:
      return app::Language::En;
    case LanguageChoice::Both:
      break;
  }
  const EpochMs turn = std::max<EpochMs>(0, now - state.started_at) / timings.language_turn;
  return turn % 2 == 0 ? app::Language::Zh : app::Language::En;
}

EpochMs next_change(const DisplayState& state, EpochMs now, const DisplayTimings& timings) {
  EpochMs next = (now / 60000 + 1) * 60000;  // the clock's next minute
  if (state.device.fingerprint_until > now) next = std::min(next, state.device.fingerprint_until);
  for (const BoardCall& call : state.calls) {
    if (!is_highlighted(call, now, timings)) continue;
    const EpochMs age = now - call.arrived_at;
    next = std::min({next, call.arrived_at + (age / timings.blink_period + 1) * timings.blink_period,
                     call.arrived_at + timings.highlight});
  }
  if (state.language == LanguageChoice::Both) {
    const EpochMs since = std::max<EpochMs>(0, now - state.started_at);
    next = std::min(next, state.started_at + (since / timings.language_turn + 1) * timings.language_turn);
  }
  return next;
}

}  // namespace kiosk::display
