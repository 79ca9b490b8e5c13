// Scripts for each named screen of the counter console: the worker results
// (and taps) that lead there, applied without running their effects.
#include "counter/scripted_screens.h"

#include "queue/ticket_label.h"

namespace kiosk::counter {
namespace {

std::vector<std::string> all_codes(const CounterState& s) {
  std::vector<std::string> codes;
  for (const ServiceLine& service : s.services) codes.push_back(service.code);
  return codes;
}

}  // namespace

const std::vector<std::string>& scripted_screen_names() {
  static const std::vector<std::string> names{"login",  "login-error", "open",   "console",    "serving",
                                              "finish", "transfer",    "paused", "unreachable"};
  return names;
}

Result<EpochMs> script_screen(CounterApp& app, const std::string& name, EpochMs now) {
  const CounterState& s = app.state();
  bool known = false;
  for (const std::string& n : scripted_screen_names()) known = known || n == name;
  if (!known) {
    std::string list;
    for (const std::string& n : scripted_screen_names()) list += (list.empty() ? "" : ", ") + n;
    return invalid_argument("unknown screen \"" + name + "\" (expected one of: " + list + ")");
  }
  if (name != "unreachable" && s.services.empty()) return refused("the store node has no services to show");
  auto run = [&](std::initializer_list<Action> actions) {
    for (const Action& a : actions) app.show_sample(a, now += 1000);
  };
  if (name == "login") return now;
  if (name == "login-error") {
    run({TypeKey{'L'}, TypeKey{'i'}, TypeKey{' '}, TypeKey{'N'}, TypeKey{'a'}, RequestFailed{"login", Failure::LockedOut, 5}});
    return now;
  }
  if (name == "unreachable") {
    for (int i = 0; i < 3; ++i) run({RequestFailed{"queue", Failure::Unreachable, 0}});  // 1 s, 2 s, then 4 s
    return now;
  }
  run({LoggedIn{"Li Na"}});
  if (name == "open") {
    run({ChangeServices{}});
    return now;
  }
  // The counter's own services if it has some, else all of them.
  const std::vector<std::string> codes = s.counter && !s.counter->services.empty() ? s.counter->services : all_codes(s);
  run({CounterAnswered{"open", CounterLine{"open", "", codes}}});
  const std::string& first = codes.front();
  const TicketLine sample{"sample", format_ticket_label(first, 12), first, "called", 0};
  if (name == "paused") {
    run({CounterAnswered{"pause", CounterLine{"paused", "lunch", codes}}});
    return now;
  }
  run({TicketAnswered{"call", sample}});
  if (name == "serving" || name == "finish") {
    TicketLine serving = sample;
    serving.state = "serving";
    serving.recalls = 1;
    run({TicketAnswered{"start", serving},
         ReprintsLoaded{{TicketLine{"sample-reprint", format_ticket_label(codes.back(), 7), codes.back(), "waiting", 0}}}});
  }
  if (name == "finish") run({OpenPicker{Picker::Outcome}});
  if (name == "transfer") run({OpenPicker{Picker::Transfer}});
  return now;
}

}  // namespace kiosk::counter
