// The customer kiosk's rules with an injected clock, no ImGui, no database:
// screen flow, double taps, the phone field (offered only while HQ sends
// reminders), the idle countdown and wipe (Help's search and article too), and
// one rating per visit from the screen's side.
#include <doctest/doctest.h>

#include "customer/customer_reducer.h"
#include "customer/help_library.h"

using namespace kiosk;
using namespace kiosk::customer;

namespace {

struct Kiosk {
  CustomerState state;
  CustomerTimings timings;
  EpochMs now = 1'000'000;

  Kiosk() {
    state.services = {{"A", "咨询", "Consultation", true, 3, 10},
                      {"G", "预约安装", "Installation booking", false, 0, 0}};
    state.services_loaded_at = now;
    state.reminders = true;  // HQ sends text reminders: the phone is offered
  }
  // A tap a moment later (past the double-tap guard).
  std::vector<Effect> tap(const Action& action) {
    now += 1000;
    return reduce(state, action, now, timings);
  }
  std::vector<Effect> result(const Action& action) { return reduce(state, action, now, timings); }
  std::vector<Effect> wait_ms(EpochMs ms) {
    now += ms;
    return reduce(state, Tick{}, now, timings);
  }
};

// True when `action` changes nothing but the request form's error, to `code`.
bool is_only_error(Kiosk& k, const Action& action, const std::string& code) {
  const FormStep step = k.state.request.step;
  const bool no_effects = k.tap(action).empty();
  return no_effects && k.state.request.step == step && k.state.request.error == code;
}

template <class E>
int count(const std::vector<Effect>& effects) {
  int n = 0;
  for (const Effect& e : effects) n += std::holds_alternative<E>(e);
  return n;
}

TicketView issued_ticket() {
  return TicketView{"id-1", "A004", "A", "TOKEN", "1234", "14:05", "", 3, 10, PrintStatus::Printing};
}

}  // namespace

TEST_CASE("take a number: choose, priority where allowed, confirm once") {
  Kiosk k;
  CHECK(count<LoadServices>(k.tap(OpenTakeNumber{})) == 1);
  CHECK(k.state.screen == Screen::TakeNumber);
  CHECK(k.tap(ConfirmTakeNumber{}).empty());  // nothing chosen yet
  k.tap(ChooseService{"G"});
  k.tap(TogglePriority{});
  CHECK_FALSE(k.state.form.priority);  // G takes no priority tickets
  k.tap(ChooseService{"A"});
  k.tap(TogglePriority{});
  CHECK(k.state.form.priority);
  k.tap(ChooseService{"Q"});  // not in the catalogue
  CHECK(k.state.form.service_code.empty());
  k.tap(ChooseService{"A"});
  k.tap(TogglePriority{});
  const std::vector<Effect> effects = k.tap(ConfirmTakeNumber{});
  REQUIRE(count<IssueTicket>(effects) == 1);
  CHECK(std::get<IssueTicket>(effects[0]).service_code == "A");
  CHECK(std::get<IssueTicket>(effects[0]).priority);
  CHECK(k.state.issuing);
  CHECK(k.tap(ConfirmTakeNumber{}).empty());  // tapped again while the ticket is being written
  k.result(TicketIssued{issued_ticket()});
  CHECK(k.state.screen == Screen::Ticket);
  CHECK_FALSE(k.state.issuing);
  k.result(TicketPrinted{false});
  CHECK(k.state.ticket->print == PrintStatus::Failed);
}

TEST_CASE("a double tap never issues two tickets") {
  Kiosk k;
  k.tap(OpenTakeNumber{});
  k.tap(ChooseService{"A"});
  k.now += 1000;
  CHECK(count<IssueTicket>(reduce(k.state, ConfirmTakeNumber{}, k.now, k.timings)) == 1);
  k.now += 80;  // the second tap of a double tap, before the first ticket is back
  CHECK(reduce(k.state, ConfirmTakeNumber{}, k.now, k.timings).empty());
  k.result(TicketIssued{issued_ticket()});
  k.now += 80;  // or just after it: the ticket screen ignores taps for a moment
  CHECK(reduce(k.state, BackToWelcome{}, k.now, k.timings).empty());
  CHECK(k.state.screen == Screen::Ticket);
  k.now += 1000;
  reduce(k.state, BackToWelcome{}, k.now, k.timings);
  CHECK(k.state.screen == Screen::Welcome);
}

TEST_CASE("an issue that fails says why and allows another try") {
  Kiosk k;
  k.tap(OpenTakeNumber{});
  k.tap(ChooseService{"A"});
  k.tap(ConfirmTakeNumber{});
  k.result(IssueFailed{"storage"});
  CHECK(k.state.issue_error == "storage");
  CHECK_FALSE(k.state.issuing);
  CHECK(count<IssueTicket>(k.tap(ConfirmTakeNumber{})) == 1);
}

TEST_CASE("an issue refused by a full disk keeps the code for its words, and allows another try") {
  Kiosk k;
  k.tap(OpenTakeNumber{});
  k.tap(ChooseService{"A"});
  k.tap(ConfirmTakeNumber{});
  k.result(IssueFailed{"disk-full"});
  CHECK(k.state.issue_error == "disk-full");    // error.disk-full on the screen
  CHECK(k.state.screen == Screen::TakeNumber);  // no ticket screen: no number was issued
  CHECK(count<IssueTicket>(k.tap(ConfirmTakeNumber{})) == 1);
}

TEST_CASE("the phone pad validates, masks once accepted, and can be cleared") {
  Kiosk k;
  k.tap(OpenTakeNumber{});
  k.tap(ChooseService{"A"});
  k.tap(OpenPhonePad{});
  for (char c : std::string("1381234567")) k.tap(PhoneKey{c});
  k.tap(AcceptPhone{});
  CHECK(k.state.form.phone_error == "phone-not-mobile");  // the pad asks for a mobile, and says so
  CHECK(k.state.form.phone_pad_open);
  k.tap(PhoneKey{'8'});
  CHECK(k.state.form.phone_error.empty());
  k.tap(PhoneKey{'x'});                              // not a key of the pad
  for (int i = 0; i < 5; ++i) k.tap(PhoneKey{'9'});  // at most 12 digits
  CHECK(k.state.form.phone_typed == "138123456789");
  k.tap(PhoneKey{'<'});
  k.tap(AcceptPhone{});
  CHECK(k.state.form.phone_accepted == "13812345678");
  CHECK(k.state.form.phone_typed.empty());
  CHECK_FALSE(k.state.form.phone_pad_open);
  const std::vector<Effect> effects = k.tap(ConfirmTakeNumber{});
  CHECK(std::get<IssueTicket>(effects.at(0)).phone == "13812345678");
  k.result(IssueFailed{"storage"});
  k.tap(OpenPhonePad{});
  k.tap(PhoneKey{'5'});
  k.tap(ClosePhonePad{});  // cancel keeps the accepted number
  CHECK(k.state.form.phone_accepted == "13812345678");
  CHECK_FALSE(k.state.form.phone_pad_open);
  k.tap(RemovePhone{});
  CHECK(k.state.form.phone_accepted.empty());
}

TEST_CASE("a reminder number must be a mobile: a text cannot reach a landline") {
  Kiosk k;
  k.tap(OpenTakeNumber{});
  k.tap(ChooseService{"A"});
  k.tap(OpenPhonePad{});
  for (char c : std::string("01012345678")) k.tap(PhoneKey{c});  // a Beijing landline
  k.tap(AcceptPhone{});
  CHECK(k.state.form.phone_error == "phone-not-mobile");
  CHECK(k.state.form.phone_pad_open);
  CHECK(k.state.form.phone_accepted.empty());
}

TEST_CASE("without reminders from HQ no number is asked for, and one typed before they stopped is dropped") {
  Kiosk k;
  k.state.reminders = false;
  k.tap(OpenTakeNumber{});
  k.tap(ChooseService{"A"});
  k.tap(OpenPhonePad{});
  CHECK_FALSE(k.state.form.phone_pad_open);
  CHECK(std::get<IssueTicket>(k.tap(ConfirmTakeNumber{}).at(0)).phone.empty());
  k.result(IssueFailed{"storage"});

  // Offered while HQ sends them; the services' refresh says they stopped: the number goes.
  k.result(ServicesLoaded{k.state.services, true});
  k.tap(OpenPhonePad{});
  REQUIRE(k.state.form.phone_pad_open);
  for (char c : std::string("13812345678")) k.tap(PhoneKey{c});
  k.tap(AcceptPhone{});
  REQUIRE(k.state.form.phone_accepted == "13812345678");
  k.result(ServicesLoaded{k.state.services, false});
  CHECK(k.state.form.phone_accepted.empty());
  CHECK_FALSE(k.state.reminders);
  CHECK(k.state.form.service_code == "A");  // the rest of the form stays
  CHECK(std::get<IssueTicket>(k.tap(ConfirmTakeNumber{}).at(0)).phone.empty());
  k.result(IssueFailed{"storage"});
  k.tap(BackToWelcome{});
  CHECK_FALSE(k.state.reminders);  // the store's settings survive the wipe, like its services
}

TEST_CASE("idle: a visible countdown of 20 s after the quiet period, then a wipe back to Welcome in Chinese") {
  Kiosk k;
  // Help first: a category, "k" composing in the search, an article, "still need help".
  KbArticle hours{"opening-hours",
                  "A",
                  std::nullopt,
                  10,
                  {"营业时间", "每天 9:00 至 21:00。", {}},
                  {"Opening hours", "Every day from 9:00 to 21:00.", {}},
                  true};
  k.state.help_library = make_help_library(1, {hours}, {});
  k.tap(OpenHelp{});
  k.tap(OpenHelpCategory{kHelpGeneral});
  k.tap(FocusHelpSearch{});
  k.tap(TextKey{'k'});
  k.result(ImeAnswered{k.state.ime.generation, 'k', true, "", "k", {{"看", 0}}});
  REQUIRE(k.state.ime.preedit == "k");
  k.tap(OpenHelpArticle{"opening-hours"});
  REQUIRE(k.state.help.article);
  k.tap(AnswerHelp{false});
  k.tap(SwitchLanguage{});
  CHECK(k.state.screen == Screen::TakeNumber);
  k.tap(ChooseService{"A"});
  k.tap(OpenPhonePad{});
  k.tap(PhoneKey{'1'});
  CHECK_FALSE(idle_countdown_left(k.state, k.now, k.timings));
  k.wait_ms(k.timings.idle_quiet - 1);
  CHECK_FALSE(idle_countdown_left(k.state, k.now, k.timings));
  k.wait_ms(1);
  REQUIRE(idle_countdown_left(k.state, k.now, k.timings));
  CHECK(*idle_countdown_left(k.state, k.now, k.timings) == 20'000);
  CHECK(k.timings.idle_countdown >= 20'000);
  CHECK(*next_deadline(k.state, k.now, k.timings) == k.now + 1000);  // wake for each second shown
  k.wait_ms(19'999);
  CHECK(k.state.screen == Screen::TakeNumber);  // still counting down
  k.wait_ms(1);
  CHECK(k.state.screen == Screen::Welcome);
  CHECK(k.state.language == Language::Zh);
  CHECK(k.state.form.service_code.empty());
  CHECK(k.state.form.phone_typed.empty());
  CHECK(k.state.help.category.empty());  // Help's too: the category, the search, the composition, the article
  CHECK(k.state.help.query.empty());
  CHECK(k.state.ime.preedit.empty());
  CHECK(k.state.ime.candidates.empty());
  CHECK_FALSE(k.state.help.article);
  CHECK(k.state.help_uses.empty());
  CHECK_FALSE(k.state.services.empty());  // the store's data stays
  CHECK(k.state.help_library);
}

TEST_CASE("a tap during the countdown keeps everything") {
  Kiosk k;
  k.tap(OpenRate{});
  k.tap(RateKey{'A'});
  k.wait_ms(k.timings.idle_quiet + 5'000);
  REQUIRE(idle_countdown_left(k.state, k.now, k.timings));
  k.tap(StillHere{});
  CHECK_FALSE(idle_countdown_left(k.state, k.now, k.timings));
  k.wait_ms(k.timings.idle_quiet - 1000);
  CHECK(k.state.screen == Screen::RateFind);
  CHECK(k.state.rate.typed_label == "A");
}

TEST_CASE("English on the Welcome screen goes back to Chinese for the next customer") {
  Kiosk k;
  k.tap(SwitchLanguage{});
  CHECK(k.state.language == Language::En);
  k.wait_ms(k.timings.idle_quiet + k.timings.idle_countdown);
  CHECK(k.state.language == Language::Zh);
}

TEST_CASE("rating: find by number and check digits, pick a face, save once; refusals keep the screen") {
  Kiosk k;
  CHECK(k.tap(OpenRate{}).empty());  // nothing is listed: a visit is found by what the customer holds
  k.tap(RateKey{'A'});
  k.tap(RateKey{'0'});
  k.tap(RateKey{'1'});
  k.tap(RateKey{'2'});
  CHECK(k.state.rate.typed_label == "A012");
  k.tap(RateKey{'B'});  // a letter starts a new number
  CHECK(k.state.rate.typed_label == "B");
  k.tap(RateKey{'*'});  // clear
  CHECK(k.state.rate.typed_label.empty());
  for (char c : std::string("C011")) k.tap(RateKey{c});  // C is a service letter, not "clear"
  CHECK(k.state.rate.typed_label == "C011");
  k.tap(RateKey{'*'});
  for (char c : std::string("A012")) k.tap(RateKey{c});
  CHECK(k.tap(LookUpVisit{}).empty());  // no check digits yet: said here, the keys move to them
  CHECK(k.state.rate.error == "check-missing");
  CHECK(k.state.rate.typing_check);
  for (char c : std::string("4B8")) k.tap(RateKey{c});  // letters do not go into the check digits
  CHECK(k.state.rate.typed_check == "48");
  CHECK(k.state.rate.typed_label == "A012");
  k.tap(RateKey{'2'});
  k.tap(RateKey{'0'});
  k.tap(RateKey{'9'});  // four digits at most
  CHECK(k.state.rate.typed_check == "4820");
  const std::vector<Effect> find = k.tap(LookUpVisit{});
  REQUIRE(count<FindVisit>(find) == 1);
  CHECK(std::get<FindVisit>(find[0]).label == "A012");
  CHECK(std::get<FindVisit>(find[0]).check == "4820");
  CHECK(k.tap(LookUpVisit{}).empty());  // already looking
  k.result(VisitRefused{"not-finished"});
  CHECK(k.state.rate.error == "not-finished");
  CHECK(k.state.screen == Screen::RateFind);
  k.tap(TypeRateCheck{false});
  k.tap(RateKey{'<'});
  CHECK(k.state.rate.typed_label == "A01");  // the keys went back to the number
  k.result(VisitFound{{"id-9", "A012"}});
  CHECK(k.state.screen == Screen::RateScore);
  CHECK(k.tap(SubmitRating{}).empty());  // no face picked yet
  k.tap(PickScore{9});
  CHECK(k.state.rate.score == 0);
  k.tap(PickScore{4});
  k.tap(ToggleReason{"fast"});
  k.tap(ToggleReason{"friendly"});
  k.tap(ToggleReason{"fast"});
  const std::vector<Effect> save = k.tap(SubmitRating{});
  REQUIRE(count<SaveRating>(save) == 1);
  CHECK(std::get<SaveRating>(save[0]).score == 4);
  CHECK(std::get<SaveRating>(save[0]).reasons == std::vector<std::string>{"friendly"});
  CHECK(k.tap(SubmitRating{}).empty());  // one save at a time
  k.result(RatingRefused{"already-rated"});
  CHECK(k.state.rate.error == "already-rated");
  k.result(RatingSaved{});
  CHECK(k.state.screen == Screen::RateThanks);
  k.wait_ms(k.timings.thanks_shown);
  CHECK(k.state.screen == Screen::Welcome);
}

TEST_CASE("the queue on Welcome refreshes every 10 s, one load at a time") {
  Kiosk k;
  CHECK(k.wait_ms(k.timings.services_refresh - 1).empty());
  CHECK(count<LoadServices>(k.wait_ms(1)) == 1);
  CHECK(k.wait_ms(k.timings.services_refresh).empty());  // the first is still loading
  k.result(ServicesLoaded{k.state.services, k.state.reminders});
  CHECK(*next_deadline(k.state, k.now, k.timings) == k.now + k.timings.services_refresh);
}

TEST_CASE("the request form: opening asks for the catalogue and a fresh IME session; tiles choose and move on") {
  Kiosk k;
  const std::vector<Effect> opened = k.tap(OpenRequest{});
  CHECK(k.state.screen == Screen::Request);
  CHECK(count<LoadRequestOptions>(opened) == 1);
  CHECK(count<ImeEffect>(opened) == 1);
  CHECK(k.state.request.layout == KeyLayout::Pinyin);
  k.tap(ChooseKind{RequestKind::Installation});
  k.tap(ChooseProduct{"tv"});
  k.tap(ChooseProblem{"install-relocate"});
  CHECK(k.state.request.step == FormStep::Model);
  CHECK(k.state.request.layout == KeyLayout::Letters);  // model and serial numbers are letters and digits
  k.tap(NextStep{});
  CHECK(k.state.request.step == FormStep::Details);
  k.tap(NextStep{});
  CHECK(k.state.request.step == FormStep::Description);
  CHECK(k.state.request.layout == KeyLayout::Pinyin);
  // Pinyin keys go to the IME; its answer commits into the field.
  const std::vector<Effect> key = k.tap(TextKey{'w'});
  REQUIRE(count<ImeEffect>(key) == 1);
  k.result(ImeAnswered{k.state.ime.generation, 'w', true, "", "w", {{"我", 0}}});
  CHECK(k.state.ime.preedit == "w");
  CHECK(is_only_error(k, NextStep{}, "ime-composing"));
  k.result(ImeAnswered{k.state.ime.generation, 0, true, "我", "", {}});
  CHECK(k.state.request.draft.description == "我");
  // A key the IME did not use (delete with nothing composed) edits the field.
  k.result(ImeAnswered{k.state.ime.generation, '<', false, "", "", {}});
  CHECK(k.state.request.draft.description.empty());
  k.tap(NextStep{});
  CHECK(k.state.request.step == FormStep::Contact);
  CHECK(is_only_error(k, NextStep{}, "name-empty"));
  k.tap(PreviousStep{});
  CHECK(k.state.request.step == FormStep::Description);
}

TEST_CASE("an IME answer from before a reset is dropped: nothing typed comes back after the wipe") {
  Kiosk k;
  k.tap(OpenRequest{});
  k.tap(ChooseKind{RequestKind::Repair});
  k.tap(ChooseProduct{"tv"});
  k.tap(ChooseProblem{"other"});
  const unsigned before = k.state.ime.generation;
  k.tap(TextKey{'z'});
  const std::vector<Effect> wiped = k.wait_ms(k.timings.idle_quiet + k.timings.idle_countdown);
  CHECK(k.state.screen == Screen::Welcome);
  CHECK(count<ImeEffect>(wiped) == 1);
  k.result(ImeAnswered{before, 'z', true, "", "z", {{"在", 0}}});  // on its way during the wipe
  CHECK(k.state.ime.preedit.empty());
  CHECK(k.state.ime.candidates.empty());
  CHECK(k.state.request.draft.description.empty());
}

TEST_CASE("check my request: a slowed-down lookup waits, visibly, before the next try") {
  Kiosk k;
  k.tap(OpenCheck{});
  CHECK(k.state.screen == Screen::Check);
  for (char c : std::string("R7K29QX")) k.tap(CheckKey{c});
  CHECK(k.tap(LookUpRequest{}).empty());
  CHECK(k.state.check.error == "last-four-format");
  CHECK(k.state.check.typing_digits);
  for (char c : std::string("5678")) k.tap(CheckKey{c});
  CHECK(count<LookUpStatus>(k.tap(LookUpRequest{})) == 1);
  k.result(RequestLookupRefused{"lookup-slowed-down", 30'000});
  CHECK(k.state.check.retry_at == k.now + 30'000);
  CHECK(*next_deadline(k.state, k.now, k.timings) <= k.now + 1000);  // the countdown is redrawn each second
  for (char c : std::string("5678")) k.tap(CheckKey{c});
  CHECK(k.tap(LookUpRequest{}).empty());  // still waiting
  k.now += 30'000;
  CHECK(count<LookUpStatus>(k.tap(LookUpRequest{})) == 1);
}
