// The request form on the real screens, the real IME (librime on the schema
// deployed at build time), the real worker and a real store file, tapped by
// widget id: pinyin into the description, the English and numeric pads, the
// whole form in Chinese and in English stored in SQLite, the idle wipe
// leaving nothing typed in the state or the IME, the domain's refusals shown.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "customer/customer_reducer.h"
#include "printer/printer_port.h"
#include "request_steps.h"
#include "requests/request_book.h"
#include "requests/request_validation.h"

using namespace kiosk;
using namespace kiosk::customer;
using test::CustomerHarness;

namespace {

// The one request in the store (REQUIREs there is exactly one).
Request only_request(CustomerHarness& k) {
  SystemClock clock;
  RequestBook book(*k.store.store, clock);
  Result<std::vector<Request>> all = book.list({});
  REQUIRE(all);
  REQUIRE(all.value().size() == 1);
  Result<Request> found = book.find(all.value().front().code);
  REQUIRE(found);
  return found.value();
}

std::size_t request_count(CustomerHarness& k) {
  SystemClock clock;
  Result<std::vector<Request>> all = RequestBook(*k.store.store, clock).list({});
  REQUIRE(all);
  return all.value().size();
}

}  // namespace

TEST_CASE("typing weixiu kongtiao on the on-screen keys and picking candidates puts 维修空调 in the description") {
  CustomerHarness k;
  test::open_form_to_description(k);
  REQUIRE(k.state().request.step == FormStep::Description);
  REQUIRE(k.state().request.layout == KeyLayout::Pinyin);
  REQUIRE(k.state().ime.available);
  test::type_keys(k, "weixiu");
  CHECK(k.state().ime.preedit == "wei xiu");
  CHECK(k.state().request.draft.description.empty());
  test::pick_candidate(k, "维修");
  CHECK(k.state().request.draft.description == "维修");
  CHECK(k.state().ime.preedit.empty());
  test::type_keys(k, "kongtiao");
  test::pick_candidate(k, "空调");
  CHECK(k.state().request.draft.description == "维修空调");
  CHECK(k.state().ime.candidates.empty());
  // Delete with nothing composed takes a character off the field; with pinyin composed, a letter off the pinyin.
  test::type_keys(k, "bu");
  k.tap("kb.del");
  CHECK(k.state().ime.preedit == "b");
  k.tap("kb.del");
  k.tap("kb.del");
  CHECK(k.state().request.draft.description == "维修空");
  // Every candidate drawn has its glyphs: none was drawn as '?'.
  CHECK(k.ui.fonts().missing_characters().empty());
}

TEST_CASE("the English letter keys type straight into the field; the layout key switches") {
  CustomerHarness k(Language::En);
  test::open_form_to_description(k);
  REQUIRE(k.state().request.layout == KeyLayout::Letters);
  test::type_keys(k, "noisy fan");
  k.tap("kb.comma");
  k.tap("kb.del");
  k.tap("kb.period");
  CHECK(k.state().request.draft.description == "noisy fan.");
  CHECK(k.state().ime.preedit.empty());
  k.tap("kb.layout");
  CHECK(k.state().request.layout == KeyLayout::Pinyin);
  test::type_keys(k, "kongtiao");
  test::pick_candidate(k, "空调");
  CHECK(k.state().request.draft.description == "noisy fan.空调");
}

TEST_CASE("the numeric pad takes the phone, refuses a wrong one in words, and shows it masked") {
  CustomerHarness k;
  test::open_form_to_description(k);
  k.tap("request.next");
  REQUIRE(k.state().request.step == FormStep::Contact);
  test::enter_phone(k, "12345");
  CHECK(k.state().request.phone_pad_open);
  CHECK(k.state().request.phone_error == "phone-format");
  for (int i = 0; i < 5; ++i) k.tap("pad.del");
  for (char d : std::string("13812345678")) k.tap(std::string("pad.") + d);
  k.tap("pad.ok");
  CHECK_FALSE(k.state().request.phone_pad_open);
  CHECK(k.state().request.draft.phone == "13812345678");
}

namespace {

// Description, contact, address, visit, consent, review and submit, from the
// description step. Returns the day chosen (tomorrow).
std::string fill_rest_and_submit(CustomerHarness& k, bool chinese) {
  if (chinese) {
    test::type_keys(k, "weixiu");
    test::pick_candidate(k, "维修");
  } else {
    test::type_keys(k, "it drips");
  }
  k.tap("request.next");
  REQUIRE(k.state().request.step == FormStep::Contact);
  if (chinese) {
    test::type_keys(k, "zhangwei");
    test::pick_candidate(k, "张伟");
  } else {
    test::type_keys(k, "li na");
  }
  test::enter_phone(k, "13812345678");
  k.tap("request.next");
  REQUIRE(k.state().request.step == FormStep::Address);
  if (chinese) {
    test::type_keys(k, "zhongshanlu");
    test::pick_candidate(k, "中山路");
    test::type_keys(k, "88");
    test::type_keys(k, "hao");
    test::pick_candidate(k, "号");
  } else {
    test::type_keys(k, "88 zhongshan road");
  }
  k.tap("request.next");
  REQUIRE(k.state().request.step == FormStep::When);
  REQUIRE(k.state().request.days.size() > 1);
  const std::string day = k.state().request.days[1].date;
  k.tap("day." + day);
  k.tap("window.afternoon");
  k.tap("request.next");
  REQUIRE(k.state().request.step == FormStep::Consent);
  k.tap("request.next");
  CHECK(k.state().request.error == "consent-required");
  k.tap("request.consent");
  k.tap("request.next");
  REQUIRE(k.state().request.step == FormStep::Review);
  k.tap("request.submit");
  return day;
}

// From Welcome through the model step (typed on the letter keys, as capitals)
// and the details step (two years back on the date picker, urgent) to the description.
std::string fill_details(CustomerHarness& k, const test::FormAnswers& answers) {
  test::load_default_products(k);
  k.tap("welcome.request");
  k.tap("kind." + answers.kind);
  k.tap("product." + answers.product);
  k.tap("problem." + answers.problem);
  REQUIRE(k.state().request.step == FormStep::Model);
  CHECK(k.state().request.layout == KeyLayout::Letters);
  test::type_keys(k, "kfr35gw");
  k.tap("field.serial");
  test::type_keys(k, "sn2024a");
  CHECK(k.state().request.draft.model == "KFR35GW");
  k.tap("request.next");
  REQUIRE(k.state().request.step == FormStep::Details);
  const std::string today = k.state().request.days.front().date;
  k.tap("purchase.day.more");  // starts from today and stays there: never after today
  CHECK(k.state().request.draft.purchase_date == today);
  k.tap("purchase.year.less");
  k.tap("purchase.year.less");
  k.tap("urgency.urgent");
  k.tap("request.next");
  REQUIRE(k.state().request.step == FormStep::Description);
  return std::to_string(std::stoi(today.substr(0, 4)) - 2) + today.substr(4);
}

}  // namespace

TEST_CASE("the whole form in Chinese creates the request in SQLite") {
  CustomerHarness k;
  test::open_form_to_description(k);
  const std::string day = fill_rest_and_submit(k, true);
  REQUIRE(k.state().screen == Screen::RequestDone);
  const Request stored = only_request(k);
  CHECK(k.state().request.code == stored.code);
  CHECK(stored.kind == RequestKind::Repair);
  CHECK(stored.product == "air-conditioner");
  CHECK(stored.problem == "not-cooling");
  CHECK(stored.description == "维修");
  CHECK(stored.contact_name == "张伟");
  CHECK(stored.phone == "13812345678");
  CHECK(stored.address == "中山路88号");
  CHECK(stored.preferred_date == day);
  CHECK(stored.time_window == TimeWindow::Afternoon);
  CHECK(stored.consent_at > 0);
  CHECK(stored.events.size() == 1);
  // Nothing personal stays on screen once stored.
  CHECK(k.state().request.draft.name.empty());
  CHECK(k.state().request.draft.phone.empty());
  k.tap("done.finish");
  CHECK(k.state().screen == Screen::Welcome);
}

TEST_CASE("the whole form in English creates the request in SQLite") {
  CustomerHarness k(Language::En);
  test::open_form_to_description(k, {"installation", "tv", "install-relocate"});
  fill_rest_and_submit(k, false);
  REQUIRE(k.state().screen == Screen::RequestDone);
  const Request stored = only_request(k);
  CHECK(stored.kind == RequestKind::Installation);
  CHECK(stored.product == "tv");
  CHECK(stored.problem == "install-relocate");
  CHECK(stored.description == "it drips");
  CHECK(stored.contact_name == "Li Na");
  CHECK(stored.address == "88 zhongshan road");
  CHECK(stored.time_window == TimeWindow::Afternoon);
}

TEST_CASE("the whole form with model, serial, purchase date and urgency, in Chinese and English, creates the request") {
  for (const Language language : {Language::Zh, Language::En}) {
    CAPTURE(static_cast<int>(language));
    CustomerHarness k(language);
    const std::string bought = fill_details(k, {});
    fill_rest_and_submit(k, language == Language::Zh);
    INFO("refused: " << k.state().request.error << " on step " << static_cast<int>(k.state().request.step));
    REQUIRE(k.state().screen == Screen::RequestDone);
    const Request stored = only_request(k);
    CHECK(stored.model == "KFR35GW");
    CHECK(stored.serial == "SN2024A");
    CHECK(stored.purchase_date == bought);
    CHECK(stored.urgency == Urgency::Urgent);
    CHECK(k.state().request.draft.model.empty());  // nothing of the form stays once stored
  }
}

TEST_CASE("from the review back to the product and its details: nothing typed is lost") {
  CustomerHarness k(Language::En);
  fill_details(k, {});
  for (int step = 0; step < 20 && k.state().request.step != FormStep::Review; ++step) {
    if (k.state().request.step == FormStep::Contact) {
      test::type_keys(k, "li");
      test::enter_phone(k, "13812345678");
    }
    if (k.state().request.step == FormStep::Address) test::type_keys(k, "1 main st");
    if (k.state().request.step == FormStep::When) {
      k.tap("day." + k.state().request.days[1].date);
      k.tap("window.morning");
    }
    if (k.state().request.step == FormStep::Consent) k.tap("request.consent");
    k.tap("request.next");
  }
  REQUIRE(k.state().request.step == FormStep::Review);
  // The product's row goes back to the start; tapping "next" keeps every answer, the model's step included.
  k.tap("review.what");
  CHECK(k.state().request.step == FormStep::Kind);
  k.tap("kind.repair");
  k.tap("product.air-conditioner");
  k.tap("problem.not-cooling");
  CHECK(k.state().request.step == FormStep::Model);
  CHECK(k.state().request.draft.serial == "SN2024A");  // nothing lost on the way back
  CHECK(k.state().request.draft.urgency == Urgency::Urgent);
}

namespace {

// A repair of a cooling air conditioner, on the model and serial step.
void open_model_step(CustomerHarness& k) {
  test::load_default_products(k);
  k.tap("welcome.request");
  k.tap("kind.repair");
  k.tap("product.air-conditioner");
  k.tap("problem.not-cooling");
  REQUIRE(k.state().request.step == FormStep::Model);
}

}  // namespace

TEST_CASE("a model number with '-' and '/' is typed on the model step's own keys; a missing phone says phone") {
  CustomerHarness k(Language::En);
  open_model_step(k);
  CHECK_FALSE(k.shows("kb.comma"));
  test::type_keys(k, "kfr");
  k.tap("kb.dash");
  test::type_keys(k, "35gw");
  k.tap("kb.slash");
  test::type_keys(k, "bpr3dn1");
  CHECK(k.state().request.draft.model == "KFR-35GW/BPR3DN1");
  CHECK(k.app->texts().text("error.phone-empty", Language::En) == "Please enter a phone number");
}

TEST_CASE("bad model, serial and purchase date get clear messages and nothing is stored") {
  CustomerHarness k(Language::En);
  open_model_step(k);
  SUBCASE("an over-long model") {
    for (std::size_t i = 0; i <= kMaxModelChars; ++i) k.tap("kb.k");
    k.tap("request.next");
    CHECK(k.state().request.error == "model-too-long");
    CHECK(k.state().request.step == FormStep::Model);
    CHECK(k.app->texts()
              .format("error.model-too-long", Language::En, {error_limit("model-too-long")})
              .find(std::to_string(kMaxModelChars)) != std::string::npos);
    CHECK(k.state().request.draft.model.size() == kMaxModelChars + 1);  // kept to correct, not cut
  }
  SUBCASE("an over-long serial number") {
    k.tap("field.serial");
    for (std::size_t i = 0; i <= kMaxSerialChars; ++i) k.tap("kb.7");
    k.tap("request.next");
    CHECK(k.state().request.error == "serial-too-long");
  }
  SUBCASE("a space in the serial number") {
    k.tap("field.serial");
    test::type_keys(k, "sn 1");
    k.tap("request.next");
    CHECK(k.state().request.error == "serial-character");
    CHECK_FALSE(k.app->texts().text("error.serial-character", Language::En).empty());
  }
  SUBCASE("a control character in the model") {
    k.app->dispatch(TextKey{'\x01'}, k.now += 1000);
    k.tap("request.next");
    CHECK(k.state().request.error == "model-control-character");
  }
  SUBCASE("a purchase date in the future: refused on its step, and by the store") {
    k.tap("request.next");
    REQUIRE(k.state().request.step == FormStep::Details);
    k.app->dispatch(SetPurchaseDate{"2099-01-01"}, k.now += 1000);  // the picker offers none; the rule holds anyway
    k.tap("request.next");
    CHECK(k.state().request.error == "purchase-date-future");
    CHECK(k.state().request.step == FormStep::Details);
    k.app->dispatch(RequestRefused{"purchase-date-future"}, k.now += 1000);
    CHECK(k.state().request.step == FormStep::Details);
  }
  CHECK(request_count(k) == 0);
}

TEST_CASE("after the idle wipe nothing typed is in the state or in the IME") {
  CustomerHarness k;
  test::open_form_to_description(k);
  test::type_keys(k, "weixiu");
  test::pick_candidate(k, "维修");
  test::type_keys(k, "kongt");  // still composing
  REQUIRE(k.state().ime.preedit == "kong t");
  const unsigned generation = k.state().ime.generation;
  k.wait_ms(k.app->role().config.timings.idle_quiet + k.app->role().config.timings.idle_countdown + 1000);
  k.settle();
  CHECK(k.state().screen == Screen::Welcome);
  CHECK(k.state().request.draft.description.empty());
  CHECK(k.state().ime.preedit.empty());
  CHECK(k.state().ime.candidates.empty());
  CHECK(k.state().ime.generation > generation);
  // The IME itself has no composition left: the next letter starts afresh.
  test::open_form_to_description(k);
  test::type_keys(k, "a");
  CHECK(k.state().ime.preedit == "a");
  CHECK(k.state().request.draft.description.empty());
}

TEST_CASE("one way back per step: the step's Back goes one step back, Home asks before wiping what was typed") {
  CustomerHarness k(Language::En);
  k.tap("welcome.request");
  k.settle();
  k.tap("back");  // nothing chosen yet: Home leaves at once
  CHECK(k.state().screen == Screen::Welcome);
  test::open_form_to_description(k);
  test::type_keys(k, "noisy");
  k.tap("request.previous");  // the step's Back: one step back, nothing lost
  CHECK(k.state().request.step == FormStep::Details);
  k.tap("request.next");
  CHECK(k.state().request.draft.description == "noisy");
  k.tap("back");  // Home: asked first
  CHECK(k.state().screen == Screen::Request);
  CHECK(k.shows("request.leave"));
  CHECK_FALSE(k.shows("kb.a"));
  k.tap("request.stay");
  CHECK(k.state().request.step == FormStep::Description);
  CHECK(k.state().request.draft.description == "noisy");
  k.tap("back");
  k.tap("request.leave");
  CHECK(k.state().screen == Screen::Welcome);
  CHECK(k.state().request.draft.description.empty());
}

TEST_CASE("an installation offers the products that are installed and asks what kind of installation") {
  CustomerHarness k(Language::En);
  test::load_default_products(k);
  k.tap("welcome.request");
  k.settle();
  k.tap("kind.installation");
  CHECK(k.shows("product.air-conditioner"));
  CHECK_FALSE(k.shows("product.phone"));  // nobody installs a phone
  k.tap("product.air-conditioner");
  CHECK(k.shows("problem.install-new"));
  CHECK(k.shows("problem.install-relocate"));
  CHECK_FALSE(k.shows("problem.not-cooling"));  // a repair's problem
  k.tap("problem.install-new");
  CHECK(k.state().request.draft.problem == "install-new");
  // Back to the kind: a repair does not keep an installation's choice.
  for (int i = 0; i < 3; ++i) k.tap("request.previous");
  REQUIRE(k.state().request.step == FormStep::Kind);
  k.tap("kind.repair");
  CHECK(k.state().request.draft.problem.empty());
  CHECK(k.state().request.draft.product == "air-conditioner");  // repaired too
}

TEST_CASE("bad input gets the domain's clear messages and nothing is stored") {
  CustomerHarness k(Language::En);
  test::open_form_to_description(k);
  SUBCASE("5,000 characters of description") {
    for (int i = 0; i < 5000; ++i) k.app->dispatch(TextKey{'a'}, k.now += 1);
    k.tap("request.next");
    CHECK(k.state().request.error == "description-too-long");
    CHECK(k.state().request.step == FormStep::Description);
    // The message restates the domain's limit (error_limit), not a copy in the texts.
    CHECK(k.app->texts().format("error.description-too-long", Language::En, {error_limit("description-too-long")}) ==
          "The description is too long: at most " + std::to_string(kMaxDescriptionChars) + " characters");
  }
  SUBCASE("an empty name, no phone") {
    k.tap("request.next");
    k.tap("request.next");
    CHECK(k.state().request.error == "name-empty");
    test::type_keys(k, "li");
    k.tap("request.next");
    CHECK(k.state().request.error == "phone-empty");
  }
  SUBCASE("the store refuses a day that has passed: back to the day step, in words") {
    fill_rest_and_submit(k, false);
    REQUIRE(k.state().screen == Screen::RequestDone);
    // The same refusal as the store gives for a past day (the picker offers none).
    k.app->dispatch(OpenRequest{}, k.now += 1000);
    k.app->dispatch(RequestRefused{"preferred-date-past"}, k.now += 1000);
    CHECK(k.state().request.step == FormStep::When);
    CHECK(k.state().request.error == "preferred-date-past");
  }
  CHECK(request_count(k) <= 1);
}

namespace {

// A request stored as the form would store it, for the lookup.
Request stored_request(CustomerHarness& k) {
  test::load_default_products(k);
  RequestForm form;
  form.product = "air-conditioner";
  form.problem = "not-cooling";
  form.contact_name = "张伟";
  form.phone = "13812345678";
  form.address = "中山路88号";
  form.preferred_date = k.store.store->zone().business_day(k.now + 86'400'000);
  form.time_window = TimeWindow::Afternoon;
  form.consent = true;
  SystemClock clock;
  Result<Request> created = RequestBook(*k.store.store, clock).create(form, "customer");
  REQUIRE(created);
  return created.value();
}

void type_check(CustomerHarness& k, const std::string& code, const std::string& last_four) {
  k.tap("check.code");
  k.tap("ck.clear");
  for (char c : code) k.tap(std::string("ck.") + c);
  k.tap("check.digits");
  k.tap("ck.clear");
  for (char c : last_four) k.tap(std::string("ck.") + c);
  k.tap("check.find");
}

}  // namespace

TEST_CASE("check my request: the code and the last four digits show the timeline, nothing personal") {
  CustomerHarness k;
  const Request request = stored_request(k);
  k.tap("welcome.check");
  std::string typed = request.code;
  typed.erase(std::remove(typed.begin(), typed.end(), '-'), typed.end());
  type_check(k, typed, "5678");
  REQUIRE(k.state().screen == Screen::CheckResult);
  REQUIRE(k.state().check.status);
  CHECK(k.state().check.status->code == request.code);
  CHECK(k.state().check.status->product_zh == "空调");
  CHECK(k.state().check.status->timeline.size() == 1);
  CHECK(k.state().check.last_four.empty());
  k.tap("check.again");
  CHECK(k.state().screen == Screen::Check);
}

TEST_CASE("check my request: repeated wrong digits are slowed down and the wait is shown") {
  CustomerHarness k;
  const Request request = stored_request(k);
  const std::string typed = request.code.substr(0, 4) + request.code.substr(5);
  k.tap("welcome.check");
  int attempts = 0;
  for (; attempts < 6 && k.state().check.retry_at == 0; ++attempts) {
    type_check(k, typed, "0000");
    CHECK(k.state().screen == Screen::Check);
  }
  CHECK(attempts == 4);  // three free wrong tries, the fourth is refused with a wait
  CHECK(k.state().check.error == "lookup-slowed-down");
  REQUIRE(k.state().check.retry_at > k.now);
  CHECK(k.state().check.retry_at - k.now <= 30'000);
  CHECK(k.app->next_deadline(k.now).value() <= k.now + 1000);  // the countdown is redrawn every second
  // While the wait runs, the check button sends nothing: even the right digits are not tried.
  type_check(k, typed, "5678");
  CHECK(k.state().screen == Screen::Check);
  CHECK_FALSE(k.state().check.busy);
}

TEST_CASE("with a printer the receipt is printed (here: its picture, kept to look at) and the screen says so") {
  std::filesystem::create_directories(KIOSK_SCREENSHOT_DIR);
  const std::string png = std::string(KIOSK_SCREENSHOT_DIR) + "/request-receipt.png";
  std::filesystem::remove(png);
  CustomerHarness k(Language::Zh, printer::printer_target_for_path(png));
  test::open_form_to_description(k);
  fill_rest_and_submit(k, true);
  REQUIRE(k.state().screen == Screen::RequestDone);
  CHECK(k.state().request.receipt == ReceiptStatus::Printed);
  REQUIRE(std::filesystem::exists(png));
  CHECK(std::filesystem::file_size(png) > 1000);
}
