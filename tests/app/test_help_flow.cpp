// The customer's Help tapped through the real screens (headless ImGui, real
// fonts), the real worker, IME (librime) and store file, in Chinese and in
// English: "kt" typed on the on-screen keys finds 空调's article before any
// candidate is picked; "no, I still need help" takes a number for the
// article's service and the kb_use row says not-helpful with the ticket's
// label; "yes" thanks and returns to Welcome; the ticket offers articles to
// read while waiting (source ticket); the store's articles changing reach
// the screen; the idle wipe forgets the search, the composition, the
// category and the article.
#include <doctest/doctest.h>

#include "customer/help_library.h"
#include "customer/help_reducer.h"
#include "customer_harness.h"
#include "kb/kb_book.h"
#include "request_steps.h"

using namespace kiosk;
using kiosk::customer::Language;
using kiosk::customer::Screen;
using kiosk::test::CustomerHarness;

namespace {

// The default articles in the store, as kioskctl init puts them there.
void load_default_articles(CustomerHarness& h) {
  Result<std::vector<KbArticle>> articles = read_kb_article_file(std::string(KIOSK_ASSETS_DIR) + "/kb-default.jsonl");
  REQUIRE(articles.ok());
  Transaction tx(h.store.store->db());
  store_kb_articles(h.store.store->db(), articles.value(), h.store.clock.now_ms());
  tx.commit();
}

// Help with the store's articles and products, from Welcome.
void open_help(CustomerHarness& h) {
  test::load_default_products(h);
  load_default_articles(h);
  h.tap("welcome.help");
  REQUIRE(h.state().screen == Screen::Help);
  REQUIRE(h.state().help_library);
}

struct KbUseRow {
  std::string article, source, language;
  std::optional<std::string> answer, ticket;
};

std::vector<KbUseRow> kb_uses(CustomerHarness& h) {
  Statement& q = h.store.store->db().prepare(
      "SELECT article_id, source, language, answer, ticket FROM kb_use ORDER BY opened_at, rowid");
  std::vector<KbUseRow> rows;
  while (q.step())
    rows.push_back({q.text(0), q.text(1), q.text(2), q.is_null(3) ? std::nullopt : std::optional(q.text(3)),
                    q.is_null(4) ? std::nullopt : std::optional(q.text(4))});
  q.reset();
  return rows;
}

// Waits for the worker's writes (the answer goes after the tap's frame).
void settle_writes(CustomerHarness& h) { h.wait_ms(10); }

void kt_then_no(Language language) {
  CustomerHarness h(language);
  open_help(h);
  h.tap("help.search");
  CHECK(h.state().help.keyboard);
  test::type_keys(h, "kt");
  if (language == Language::Zh) {
    CHECK(h.state().ime.preedit == "k t");  // composing: no candidate picked
    CHECK(h.state().help.query.empty());
  } else {
    CHECK(h.state().help.query == "kt");  // letters straight in
  }
  REQUIRE_FALSE(h.state().help.results.empty());
  CHECK(h.state().help_library->articles[h.state().help.results.front()].id == "ac-not-cooling");
  REQUIRE(h.shows("help.article.ac-not-cooling"));
  h.tap("help.article.ac-not-cooling");
  CHECK(h.state().screen == Screen::HelpArticle);
  CHECK(h.shows("help.yes"));
  h.tap("help.no");
  REQUIRE(h.state().screen == Screen::TakeNumber);
  CHECK(h.state().form.service_code == "C");  // technical support, picked
  h.tap("take.confirm");
  REQUIRE(h.state().screen == Screen::Ticket);
  REQUIRE(h.state().ticket);
  CHECK(h.state().ticket->label == "C001");
  settle_writes(h);
  const std::vector<KbUseRow> uses = kb_uses(h);
  REQUIRE(uses.size() == 1);
  CHECK(uses[0].article == "ac-not-cooling");
  CHECK(uses[0].source == "search");
  CHECK(uses[0].language == (language == Language::Zh ? "zh" : "en"));
  CHECK(uses[0].answer == "not-helpful");
  CHECK(uses[0].ticket == "C001");
  CHECK(h.app->texts().missing_keys().empty());
}

}  // namespace

TEST_CASE("Help in Chinese: k t on the keys finds 空调 while composing; no takes a C number, the use records both") {
  kt_then_no(Language::Zh);
}
TEST_CASE(
    "Help in English: kt on the letter keys finds the air conditioner; no takes a C number, the use records both") {
  kt_then_no(Language::En);
}

TEST_CASE("browsing a category, yes: thanks, back to Welcome by itself, the use answered helpful with no ticket") {
  CustomerHarness h;
  open_help(h);
  h.tap("help.category.general");
  h.tap("help.article.opening-hours");
  h.tap("help.yes");
  CHECK(h.state().screen == Screen::HelpThanks);
  h.wait_ms(h.app->role().config.timings.help_thanks_shown);
  CHECK(h.state().screen == Screen::Welcome);
  const std::vector<KbUseRow> uses = kb_uses(h);
  REQUIRE(uses.size() == 1);
  CHECK(uses[0].source == "browse");
  CHECK(uses[0].answer == "helpful");
  CHECK_FALSE(uses[0].ticket);
  // Back out of a category and out of Help.
  h.tap("welcome.help");
  h.tap("help.category.air-conditioner");
  h.tap("back");
  CHECK(h.state().help.category.empty());
  h.tap("back");
  CHECK(h.state().screen == Screen::Welcome);
}

TEST_CASE("while waiting: the ticket offers its service's articles; one read counts as ticket and goes back") {
  CustomerHarness h(Language::En);
  test::load_default_products(h);
  load_default_articles(h);
  h.tap("welcome.take");
  h.tap("service.C");
  h.tap("take.confirm");
  REQUIRE(h.state().screen == Screen::Ticket);
  const customer::HelpLibrary& library = *h.state().help_library;
  const std::vector<std::size_t> offered = customer::help_for_service(library, "C", Language::En);
  CHECK(offered.size() == 3);
  for (std::size_t i : offered) CHECK(h.shows("ticket.help." + library.articles[i].id));
  const std::string first = "ticket.help." + library.articles[offered.front()].id;
  h.tap(first);
  CHECK(h.state().screen == Screen::HelpArticle);
  h.tap("back");
  CHECK(h.state().screen == Screen::Ticket);
  h.tap(first);
  h.tap("help.yes");
  CHECK(h.state().screen == Screen::Ticket);  // still waiting
  settle_writes(h);
  const std::vector<KbUseRow> uses = kb_uses(h);
  REQUIRE(uses.size() == 2);
  for (const KbUseRow& use : uses) {
    CHECK(use.source == "ticket");
    CHECK(use.ticket == "C001");
  }
  CHECK_FALSE(uses[0].answer);
  CHECK(uses[1].answer == "helpful");
}

TEST_CASE("an article the store changes reaches Help the next time it opens") {
  CustomerHarness h(Language::En);
  open_help(h);
  const std::size_t before = h.state().help_library->articles.size();
  h.tap("back");
  KbArticle extra = h.state().help_library->articles.front();
  extra.id = "remote-batteries";
  extra.en.title = "The remote control does nothing";
  {
    Transaction tx(h.store.store->db());
    store_kb_articles(h.store.store->db(), {extra}, h.store.clock.now_ms());
    tx.commit();
  }
  h.tap("welcome.help");
  CHECK(h.state().help_library->articles.size() == before + 1);
  h.tap("help.search");
  test::type_keys(h, "remote");
  CHECK(h.shows("help.article.remote-batteries"));
}

TEST_CASE("the idle wipe forgets the search, the composition, the category and the article") {
  CustomerHarness h;
  open_help(h);
  h.tap("help.category.air-conditioner");
  h.tap("help.search");
  test::type_keys(h, "kongt");  // still composing
  REQUIRE(h.state().ime.preedit == "kong t");
  h.tap("help.article.ac-not-cooling");
  REQUIRE(h.state().help.article);
  const unsigned generation = h.state().ime.generation;
  const customer::CustomerTimings& t = h.app->role().config.timings;
  h.wait_ms(t.idle_quiet + t.idle_countdown + 1000);
  CHECK(h.state().screen == Screen::Welcome);
  CHECK(h.state().help.query.empty());
  CHECK(h.state().help.category.empty());
  CHECK_FALSE(h.state().help.article);
  CHECK(h.state().help.results.empty());
  CHECK(h.state().ime.preedit.empty());
  CHECK(h.state().ime.generation > generation);
  CHECK(h.state().help_uses.empty());
  // The IME has no composition left either: the next letter starts afresh.
  h.tap("welcome.help");
  h.tap("help.search");
  test::type_keys(h, "k");
  CHECK(h.state().ime.preedit == "k");
}
