// Scripts for each named screen: the actions a customer would take, applied
// in order, with the ticket screen showing today's latest real ticket (or the
// ticket the first service would give next, without issuing it), and the
// staff corner with the store's real figures and devices (no PIN is checked,
// no code is made).
#include "customer/scripted_screens.h"

#include <algorithm>

#include "app/screen_names.h"
#include "core/clock.h"
#include "core/phone.h"
#include "customer/admin_effects.h"
#include "customer/device_effects.h"
#include "customer/scripted_help_screens.h"
#include "customer/scripted_request_screens.h"
#include "queue/queue_engine.h"
#include "queue/ticket_label.h"
#include "ratings/rating_check.h"
#include "store/store_db.h"
#include "sync/public_page.h"

namespace kiosk::customer {
namespace {

// A ticket view for the screenshot: today's latest ticket, else a preview.
Result<TicketView> sample_ticket(const CustomerState& state, const std::string& data_dir, EpochMs now) {
  Result<std::unique_ptr<StoreDb>> store = StoreDb::open(data_dir);
  if (!store) return store.error();
  SystemClock clock;
  QueueEngine engine(*store.value(), clock);
  Result<std::optional<Ticket>> latest = engine.latest_ticket_today();
  if (!latest) return latest.error();
  const std::string local_time = store.value()->zone().local_minute(now).substr(11);
  const PublicPage page = public_page_or_none(store.value()->db());
  if (latest.value()) {
    const Ticket& t = *latest.value();
    int ahead = 0;
    std::optional<int> wait;
    for (const ServiceView& s : state.services)
      if (s.code == t.service_code) ahead = std::max(0, s.waiting - 1), wait = s.estimated_wait_min;  // the others
    return TicketView{t.id,
                      t.label,
                      t.service_code,
                      t.token,
                      rating_check_digits(t.token),
                      store.value()->zone().local_minute(t.issued_at).substr(11),
                      t.phone.empty() ? "" : mask_phone(t.phone),
                      ahead,
                      wait,
                      PrintStatus::Printed,
                      t.priority,
                      ticket_page_url(page, t.token)};
  }
  const ServiceView& first = state.services.front();
  const std::string preview_token = "PREVIEW-NOT-ISSUED";
  return TicketView{"preview",
                    format_ticket_label(first.code, 1),
                    first.code,
                    preview_token,
                    "",
                    local_time,
                    "",
                    first.waiting,
                    first.estimated_wait_min,
                    PrintStatus::Printed,
                    false,
                    ticket_page_url(page, preview_token)};
}

// The staff corner: the login a held title opens, a refused PIN, or the admin
// screen with the figures AdminEffects reads from the store. The PIN check is
// shown as a sample answer: nothing is checked, counted or stored.
Result<EpochMs> script_staff_corner(CustomerApp& app, const std::string& name, const std::string& data_dir,
                                    EpochMs now) {
  auto sample = [&](std::initializer_list<Action> actions) {
    for (const Action& a : actions) app.show_sample(a, now += 1000);
  };
  app.show_sample(StaffHold{true}, now);
  now += app.role().config.timings.staff_hold;
  sample({Tick{}, StaffHold{false}});
  for (char c : std::string("Wang Fang")) sample({kit::LoginKey{c}});
  sample({kit::FocusLoginField{kit::LoginField::Pin}});
  for (char c : std::string("2468")) sample({kit::LoginKey{c}});
  if (name == "admin-login") return now;
  sample({kit::SubmitLogin{}});
  if (name == "admin-wrong-pin") {
    sample({StaffPinChecked{"wrong-pin", 0}});
    return now;
  }
  sample({StaffPinChecked{"", 0}});
  Result<std::unique_ptr<StoreDb>> store = StoreDb::open(data_dir);
  if (!store) return store.error();
  SystemClock clock;
  std::vector<Action> read;
  const AdminEffects::Post post = [&](Action a) { read.push_back(std::move(a)); };
  AdminEffects(*store.value(), clock, post).read_figures();
  for (const Action& a : read) app.show_sample(a, now);
  if (name == "admin") return now;
  sample({OpenDevices{}});  // the store's devices and the node's fingerprint
  read.clear();
  DeviceEffects(*store.value(), clock, data_dir, post).read();
  for (const Action& a : read) app.show_sample(a, now);
  if (name == "devices-code") {  // a sample code with 4:32 left: none is made
    sample({EnrolDevice{}});
    app.show_sample(DeviceCodeIssued{{"483920", now + 272'000}}, now);
  }
  const std::optional<DevicesView>& devices = app.state().admin.devices.read;
  if (name == "devices-revoke" && devices)  // "Revoke" tapped on the first enrolled device
    for (const EnrolledDevice& d : devices->devices)
      if (!d.revoked_at) {
        sample({AskRevokeDevice{d.id}});
        break;
      }
  return now;
}

}  // namespace

const std::vector<std::string>& scripted_screen_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all{
        "welcome",    "take",         "phone",         "ticket",      "ticket-print-failed", "rate",
        "rate-score", "rate-thanks",  "idle",          "admin-login", "admin-wrong-pin",     "admin",
        "devices",    "devices-code", "devices-revoke"};
    for (const std::string& name : scripted_request_screen_names()) all.push_back(name);
    for (const std::string& name : scripted_help_screen_names()) all.push_back(name);
    return all;
  }();
  return names;
}

Result<EpochMs> script_screen(CustomerApp& app, const std::string& name, const std::string& data_dir, EpochMs now) {
  const CustomerState& state = app.state();
  if (state.services.empty()) return refused("the store has no services to show");
  const std::string first = state.services.front().code;
  auto run = [&](std::initializer_list<Action> actions) {
    for (const Action& a : actions) app.dispatch(a, now += 1000);
  };
  if (name == "welcome") return now;
  if (name == "admin-login" || name == "admin-wrong-pin" || name == "admin" || name == "devices" ||
      name == "devices-code" || name == "devices-revoke")
    return script_staff_corner(app, name, data_dir, now);
  if (std::optional<Result<EpochMs>> request = script_request_screen(app, name, data_dir, now)) return *request;
  if (std::optional<Result<EpochMs>> help = script_help_screen(app, name, now)) return *help;
  if (name == "take")
    run({OpenTakeNumber{}, ChooseService{first}, TogglePriority{}});
  else if (name == "phone")
    run({OpenTakeNumber{}, ChooseService{first}, OpenPhonePad{}, PhoneKey{'1'}, PhoneKey{'3'}, PhoneKey{'8'}});
  else if (name == "ticket" || name == "ticket-print-failed") {
    Result<TicketView> ticket = sample_ticket(state, data_dir, now);
    if (!ticket) return ticket.error();
    if (name == "ticket-print-failed") ticket.value().print = PrintStatus::Failed;
    run({OpenTakeNumber{}, ChooseService{first}, TicketIssued{ticket.value()}});
  } else if (name == "rate") {
    run({OpenRate{}, RateKey{first[0]}, RateKey{'0'}, RateKey{'0'}, RateKey{'1'}, TypeRateCheck{true}, RateKey{'4'},
         RateKey{'8'}});
  } else if (name == "rate-score") {
    run({OpenRate{}, VisitFound{{"sample", format_ticket_label(first, 1)}}, PickScore{5}, ToggleReason{"fast"}});
  } else if (name == "rate-thanks") {
    run({OpenRate{}, VisitFound{{"sample", format_ticket_label(first, 1)}}, PickScore{5}, RatingSaved{}});
  } else if (name == "idle") {
    run({OpenTakeNumber{}, ChooseService{first}});
    return app.state().last_activity + app.role().config.timings.idle_quiet + 7'500;  // 12.5 s left on the countdown
  } else {  // every listed name is handled above, so this one is not listed
    return app::check_screen_name(scripted_screen_names(), name).error();
  }
  return now;
}

}  // namespace kiosk::customer
