// The customer's journeys tapped through the real screens (headless ImGui, real
// fonts), the real worker and a real store file, in Chinese and in English:
// take a number (with priority and phone), the double tap, printing to a file
// and to a missing printer, the QR's content as a real reader reads it (the
// phone page with HQ's public address, else the token), rating a finished
// visit once, the idle wipe.
#include <doctest/doctest.h>

#include <filesystem>

#include "customer_harness.h"
#include "printer/printer_port.h"
#include "ratings/rating_book.h"
#include "ratings/rating_check.h"
#include "store/catalog.h"
#include "support/child_process.h"

using namespace kiosk;
using kiosk::customer::Language;
using kiosk::customer::PrintStatus;
using kiosk::customer::Screen;
using kiosk::test::CustomerHarness;

namespace {

int count_tickets(CustomerHarness& h) {
  Statement& q = h.store.store->db().prepare("SELECT count(*) FROM ticket");
  q.step();
  const int n = q.int32(0);
  q.reset();
  return n;
}

Ticket only_ticket(CustomerHarness& h) {
  Result<std::optional<Ticket>> latest = h.store.engine->latest_ticket_today();
  REQUIRE(latest.ok());
  REQUIRE(latest.value().has_value());
  return *latest.value();
}

void take_number_flow(Language language) {
  CustomerHarness h(language);
  CHECK(h.state().services.size() == 8);
  h.tap("welcome.take");
  CHECK(h.state().screen == Screen::TakeNumber);
  h.tap("service.A");
  h.tap("take.priority");
  h.tap("take.phone");
  for (char digit : std::string("13812345678")) h.tap(std::string("pad.") + digit);
  h.tap("pad.ok");
  CHECK(h.state().form.phone_accepted == "13812345678");
  h.tap("take.confirm");
  REQUIRE(h.state().screen == Screen::Ticket);
  REQUIRE(h.state().ticket);
  CHECK(h.state().ticket->label == "A001");
  CHECK(h.state().ticket->phone_masked == "138****5678");
  CHECK(h.state().ticket->priority);  // the ticket screen and the paper say "优先 · Priority"
  CHECK(h.state().ticket->print == PrintStatus::ScreenOnly);
  const Ticket stored = only_ticket(h);
  CHECK(stored.label == "A001");
  CHECK(stored.priority);
  CHECK(stored.phone == "13812345678");
  CHECK(stored.token == h.state().ticket->token);
  CHECK(stored.language == (language == Language::Zh ? "zh" : "en"));
  CHECK(h.state().ticket->page_url == "https://q.example.com/t/" + stored.token);  // the QR opens the phone page
  h.tap("ticket.done");
  CHECK(h.state().screen == Screen::Welcome);
  CHECK(h.app->texts().missing_keys().empty());
}

}  // namespace

TEST_CASE("take a number with priority and a phone, in Chinese") { take_number_flow(Language::Zh); }
TEST_CASE("take a number with priority and a phone, in English") { take_number_flow(Language::En); }

TEST_CASE("the language switch and a plain ticket") {
  CustomerHarness h;
  h.tap("lang");
  CHECK(h.state().language == Language::En);
  h.tap("welcome.take");
  h.tap("service.G");
  CHECK_FALSE(h.shows("take.priority"));  // installation booking takes no priority tickets
  h.tap("take.confirm");
  CHECK(h.state().ticket->label == "G001");
  CHECK_FALSE(only_ticket(h).priority);
  CHECK(only_ticket(h).phone.empty());
}

TEST_CASE("a wrong phone number is refused on the pad and nothing is issued") {
  CustomerHarness h;
  h.tap("welcome.take");
  h.tap("service.B");
  h.tap("take.phone");
  for (char digit : std::string("12345")) h.tap(std::string("pad.") + digit);
  h.tap("pad.ok");
  CHECK(h.state().form.phone_error == "phone-not-mobile");
  CHECK(h.shows("pad.ok"));
  h.tap("pad.cancel");
  CHECK(count_tickets(h) == 0);
}

namespace {

// The QR code on the paper ticket (a PNG picture of it) as a real reader reads it (Debian's zbarimg).
std::string printed_qr(const std::string& png) {
  const kiosk::test::CommandOutput read = kiosk::test::run_command({"/usr/bin/zbarimg", "--raw", "-q", png});
  REQUIRE_MESSAGE(read.exit_code == 0, "zbarimg found no code in " << png);
  std::string text = read.stdout_text;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

}  // namespace

TEST_CASE("with HQ's public address the printed QR opens the ticket's page; without one it holds the bare token") {
  kiosk::test::TempDir out;
  const std::string with_page = out.file("with-page.png"), without = out.file("without.png");
  {
    CustomerHarness h(Language::En, printer::printer_target_for_path(with_page));
    h.tap("welcome.take");
    h.tap("service.A");
    h.tap("take.confirm");
    REQUIRE(h.state().ticket);
    CHECK(h.state().ticket->print == PrintStatus::Printed);
    CHECK(printed_qr(with_page) == "https://q.example.com/t/" + only_ticket(h).token);
  }
  CustomerHarness h(Language::Zh, printer::printer_target_for_path(without), PublicPage{});
  h.tap("welcome.take");
  h.tap("service.A");
  CHECK_FALSE(h.shows("take.phone"));  // no reminders: no number is asked for
  h.tap("take.confirm");
  REQUIRE(h.state().ticket);
  CHECK(h.state().ticket->page_url.empty());
  CHECK(h.state().ticket->phone_masked.empty());
  CHECK(printed_qr(without) == only_ticket(h).token);
}

TEST_CASE("a public page without reminders: the QR opens the page, no number is asked for") {
  CustomerHarness h(Language::Zh, std::nullopt, PublicPage{"https://q.example.com", false});
  h.tap("welcome.take");
  h.tap("service.B");
  CHECK_FALSE(h.shows("take.phone"));
  h.tap("take.confirm");
  REQUIRE(h.state().ticket);
  CHECK(h.state().ticket->page_url == "https://q.example.com/t/" + only_ticket(h).token);
  CHECK(only_ticket(h).phone.empty());
}

TEST_CASE("a double tap on the confirm button issues one ticket") {
  CustomerHarness h;
  h.tap("welcome.take");
  h.tap("service.A");
  h.double_tap("take.confirm");
  CHECK(count_tickets(h) == 1);
  CHECK(h.state().screen == Screen::Ticket);
}

TEST_CASE("a printed ticket: the bytes reach the printer file and the ticket is marked printed") {
  kiosk::test::TempDir out;
  const std::string file = out.file("ticket.bin");
  CustomerHarness h(Language::Zh, printer::printer_target_for_path(file));
  h.tap("welcome.take");
  h.tap("service.C");
  h.tap("take.confirm");
  REQUIRE(h.state().ticket);
  CHECK(h.state().ticket->print == PrintStatus::Printed);
  CHECK(std::filesystem::file_size(file) > 1000);
  CHECK(only_ticket(h).print_state == PrintState::Printed);
}

TEST_CASE("a failed print is never a ticket in hand: the customer is told and the ticket is marked for reprint") {
  CustomerHarness h(Language::En, printer::printer_target_for_path("/dev/usb/no-such-printer"));
  h.tap("welcome.take");
  h.tap("service.D");
  h.tap("take.confirm");
  REQUIRE(h.state().ticket);
  CHECK(h.state().ticket->print == PrintStatus::Failed);
  CHECK(only_ticket(h).print_state == PrintState::Failed);
  CHECK(h.state().ticket->label == "D001");  // the number is kept
}

TEST_CASE("rating a finished visit by its number and the ticket's check digits; a stranger's number is not enough") {
  CustomerHarness h;
  REQUIRE(h.store.engine->open_counter(1, {"A"}).ok());
  const Ticket issued = h.store.engine->issue({"A", false, {}}).value().ticket;
  REQUIRE(h.store.engine->call_next(1).ok());
  REQUIRE(h.store.engine->finish(1, Outcome::Resolved).ok());
  const std::string check = rating_check_digits(issued.token);
  const std::string wrong = check == "1111" ? "2222" : "1111";
  auto type_check = [&](const std::string& digits) {
    h.tap("rate.check");
    h.tap("key.clear");
    for (char d : digits) h.tap(std::string("key.") + d);
  };

  h.tap("welcome.rate");
  CHECK_FALSE(h.shows("visit.A001"));  // no list of other people's visits
  for (const char* key : {"key.A", "key.0", "key.0", "key.1"}) h.tap(key);
  type_check(wrong);
  h.tap("rate.find");
  CHECK(h.state().rate.error == "wrong-check");
  CHECK(h.state().screen == Screen::RateFind);
  type_check(check);
  h.tap("rate.find");
  CHECK(h.state().screen == Screen::RateScore);
  h.tap("rate.submit");  // no face yet: nothing happens
  CHECK(h.state().screen == Screen::RateScore);
  h.tap("score.5");
  h.tap("reason.fast");
  h.tap("reason.professional");
  h.tap("rate.submit");
  CHECK(h.state().screen == Screen::RateThanks);
  Statement& q = h.store.store->db().prepare("SELECT score, reasons, counter FROM rating WHERE ticket_id = ?1");
  q.bind(1, issued.id);
  REQUIRE(q.step());
  CHECK(q.int32(0) == 5);
  CHECK(q.text(1) == "fast,professional");
  CHECK(q.int32(2) == 1);
  q.reset();

  h.tap("thanks.done");
  h.tap("lang");
  h.tap("welcome.rate");
  for (const char* key : {"key.A", "key.0", "key.0", "key.1"}) h.tap(key);
  CHECK(h.state().rate.typed_label == "A001");
  type_check(check);
  h.tap("rate.find");
  CHECK(h.state().rate.error == "already-rated");
  CHECK(h.state().screen == Screen::RateFind);
}

TEST_CASE("the idle countdown wipes what was typed and returns to Welcome in Chinese") {
  CustomerHarness h(Language::En);
  h.tap("welcome.take");
  h.tap("service.A");
  h.tap("take.phone");
  for (char digit : std::string("1391")) h.tap(std::string("pad.") + digit);
  h.wait_ms(h.app->role().config.timings.idle_quiet + 1000);
  CHECK(h.shows("idle.continue"));
  h.tap("pad.5");  // the overlay covers the pad: the tap only says "still here"
  CHECK(h.state().form.phone_typed == "1391");
  CHECK_FALSE(h.shows("idle.continue"));
  h.wait_ms(h.app->role().config.timings.idle_quiet + 1000);
  CHECK(h.shows("idle.continue"));
  h.wait_ms(h.app->role().config.timings.idle_countdown);
  CHECK(h.state().screen == Screen::Welcome);
  CHECK(h.state().language == Language::Zh);
  CHECK(h.state().form.phone_typed.empty());
  CHECK(count_tickets(h) == 0);
}

TEST_CASE("a catalogue with uncommon characters still draws: the atlas grows to cover them") {
  CustomerHarness h;
  const std::vector<Service> rare{{"A", "犇鑫淼焱垚 咨询", "Rare names", false, 15, 5, 0},
                                  {"B", "饕餮龘靐 维修", "Rarer names", false, 15, 5, 1}};
  {
    Transaction tx(h.store.store->db());
    store_catalog(h.store.store->db(), rare);
    tx.commit();
  }
  h.tap("welcome.take");  // loads the new catalogue
  REQUIRE(h.state().services.size() == 2);
  h.wait_ms(10);  // a frame with the new names noted; the atlas rebuilds before the next
  h.wait_ms(10);
  for (const Service& s : rare) CHECK(h.ui.fonts().count_fallback_glyphs(s.name_zh, ui::FontRole::large) == 0);
  CHECK(h.ui.fonts().missing_characters().empty());
}
