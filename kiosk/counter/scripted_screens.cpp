// Scripts for each named screen of the counter console: the worker results
// (and taps) that lead there, applied without running their effects.
#include "counter/scripted_screens.h"

#include <algorithm>

#include "app/screen_names.h"
#include "kit/enrol_samples.h"
#include "queue/ticket_label.h"
#include "store/product_catalog.h"

namespace kiosk::counter {
namespace {

std::vector<std::string> all_codes(const CounterState& s) {
  std::vector<std::string> codes;
  for (const ServiceLine& service : s.services) codes.push_back(service.code);
  return codes;
}

// The staff's request form filled in, on the page `name` shows (request-product,
// -details, -customer, -visit), refused or stored (request-refused, -created
// with its receipt printed, -created-no-printer), pinyin being typed on the
// physical keyboard (request-pinyin) or the on-screen keys (request-keys).
void script_request_form(CounterApp& app, const std::string& name, EpochMs& now) {
  auto run = [&](std::initializer_list<Action> actions) {
    for (const Action& a : actions) app.show_sample(a, now += 1000);
  };
  const bool zh = app.state().language == Language::Zh;
  const app::SampleDays days = app::sample_days(now);
  Result<std::vector<ProductCategory>> products = read_product_catalog_file(KIOSK_ASSETS_DIR "/products-default.jsonl");
  run({OpenRequestForm{},
       RequestOptionsLoaded{products ? products.value() : std::vector<ProductCategory>{}, days.today,
                            days.last_visit_day},
       ChooseRequestProduct{"air-conditioner"}, ChooseRequestProblem{"not-cooling"},
       FocusRequestField{RequestField::Model}, RequestTyped{"KFR-35GW"}, FocusRequestField{RequestField::Serial},
       RequestTyped{"SN20240601"}, SetRequestPurchaseDate{"2024-06-01"}, ChooseRequestUrgency{Urgency::Urgent}});
  if (!zh) run({SwitchRequestLayout{}});  // letters: a sample shows no IME's answers
  run({FocusRequestField{RequestField::Name}, RequestTyped{zh ? "王小明" : "Wang Xiaoming"},
       FocusRequestField{RequestField::Phone}, RequestTyped{"13812345678"},
       FocusRequestField{RequestField::Description},
       RequestTyped{zh ? "客厅空调不制冷" : "Living room unit blows warm air"},
       FocusRequestField{RequestField::Address},
       RequestTyped{zh ? "世纪大道100号 8楼" : "100 Century Avenue, 8th floor"}, SetRequestVisitDate{days.tomorrow},
       ChooseRequestWindow{TimeWindow::Afternoon}, ToggleRequestConsent{}});
  if (!zh) run({SwitchRequestLayout{}});  // pinyin again, as the clerk had it
  if (name == "request-refused")
    run({SubmitStaffRequest{}, StaffRequestRefused{"address-too-long", "the address is too long"}});
  if (name == "request-created")
    run({SubmitStaffRequest{}, StaffRequestCreated{"R7K2-9QX", true}, StaffReceiptPrinted{true}});
  if (name == "request-created-no-printer") run({SubmitStaffRequest{}, StaffRequestCreated{"R7K2-9QX", false}});
  const char* const pages[] = {"request-product", "request-details", "request-customer", "request-visit"};
  for (int page = 0; page < 4; ++page)
    if (name == pages[page]) run({ShowRequestPage{page}});
  if (name == "request-pinyin" || name == "request-keys") {  // a second contact being typed: the IME's sample answer
    run({ShowRequestPage{2}, FocusRequestField{RequestField::Description}});
    if (name == "request-keys") run({ToggleScreenKeys{}});
    const std::vector<app::CandidateView> candidates{{"张伟", 0}, {"章伟", 1}, {"张维", 2},
                                                     {"张威", 3}, {"张", 4},   {"章", 5}};
    run({ImeAnswered{app.state().ime.generation, 'i', true, "", "zhang wei", candidates}});
  }
}

}  // namespace

const std::vector<std::string>& scripted_screen_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all = kit::enrol_screen_names();
    for (const char* name :
         {"login", "login-error", "open", "console", "serving", "finish", "transfer", "paused", "unreachable",
          "disk-full", "request-product", "request-details", "request-customer", "request-visit", "request-refused",
          "request-created", "request-created-no-printer", "request-pinyin", "request-keys"})
      all.push_back(name);
    return all;
  }();
  return names;
}

Result<EpochMs> script_screen(CounterApp& app, const std::string& name, EpochMs now) {
  const CounterState& s = app.state();
  if (Result<Done> known = app::check_screen_name(scripted_screen_names(), name); !known) return known.error();
  const std::vector<std::string>& enrol_names = kit::enrol_screen_names();
  if (std::find(enrol_names.begin(), enrol_names.end(), name) != enrol_names.end()) {
    const std::string fingerprint = s.device.fingerprint.empty() ? "AB12-CD34" : s.device.fingerprint;
    kit::play_enrol_samples(name, fingerprint,
                            {[&](const kit::EnrolInput& a) { app.show_sample(Action(a), now += 10); },
                             [&](const kit::EnrolAnswer& a) { app.show_sample(Action(a), now += 10); }});
    return now;
  }
  if (name != "unreachable" && s.services.empty()) return refused("the store node has no services to show");
  auto run = [&](std::initializer_list<Action> actions) {
    for (const Action& a : actions) app.show_sample(a, now += 1000);
  };
  if (name == "login") return now;
  if (name == "login-error") {
    for (char c : std::string("Li Na")) run({kit::LoginKey{c}});
    run({RequestFailed{"login", Failure::LockedOut, 5}});
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
  if (name.rfind("request-", 0) == 0) {
    script_request_form(app, name, now);
    return now;
  }
  if (name == "disk-full") {  // the node's disk refused the call
    run({CallNext{}, RequestFailed{"call", Failure::DiskFull, 0}});
    return now;
  }
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
         ReprintsLoaded{
             {TicketLine{"sample-reprint", format_ticket_label(codes.back(), 7), codes.back(), "waiting", 0}}}});
  }
  if (name == "finish") run({OpenPicker{Picker::Outcome}});
  if (name == "transfer") run({OpenPicker{Picker::Transfer}});
  return now;
}

}  // namespace kiosk::counter
