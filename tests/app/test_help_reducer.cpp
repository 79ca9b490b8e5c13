// Help's rules with an injected clock, no ImGui, no database: the library's
// categories, typing a search (letters straight in, pinyin through the IME
// whose composition is searched before a candidate is picked), opening an
// article (a use counted, its answer sent once the use's id is known), "yes"
// thanks and returns to Welcome, "no" takes a number for the article's
// service and the ticket records the help visit's uses, the ticket's "while
// you wait", and the idle wipe forgetting all of it.
#include <doctest/doctest.h>

#include "customer/customer_reducer.h"
#include "customer/help_library.h"
#include "customer/help_reducer.h"

using namespace kiosk;
using namespace kiosk::customer;

namespace {

KbArticle article(std::string id, std::string service, std::optional<std::string> product, int sort,
                  std::string zh_title, std::string en_title) {
  return KbArticle{std::move(id),
                   std::move(service),
                   std::move(product),
                   sort,
                   {std::move(zh_title), "先自己检查几步。", {"第一步", "第二步"}},
                   {std::move(en_title), "Check a few things first.", {"Step one", "Step two"}},
                   true};
}

std::vector<KbArticle> sample_articles() {
  return {
      article("ac-not-cooling", "C", "air-conditioner", 10, "空调不制冷怎么办？", "The air conditioner does not cool"),
      article("ac-noise", "C", "air-conditioner", 20, "空调有异响", "The air conditioner is noisy"),
      article("tv-no-signal", "C", "tv", 10, "电视无信号", "The TV shows no signal"),
      article("opening-hours", "A", std::nullopt, 10, "营业时间是几点？", "When are you open?"),
      article("wash-leak", "X", "washing-machine", 10, "洗衣机漏水", "The washing machine leaks"),
      article("drone", "C", "drone", 10, "无人机不能起飞", "The drone will not take off"),
      article("ac-filter", "C", "air-conditioner", 5, "空调滤网怎么洗", "Cleaning the filter")};
}

std::vector<ProductCategory> sample_products() {
  return {{"tv", "电视", "Televisions", {}},
          {"air-conditioner", "空调", "Air conditioners", {}},
          {"phone", "手机", "Mobile phones", {}},
          {"washing-machine", "洗衣机", "Washing machines", {}}};
}

struct Kiosk {
  CustomerState state;
  CustomerTimings timings;
  EpochMs now = 1'000'000;

  Kiosk() {
    state.services = {{"A", "咨询", "Consultation", true, 3, 10}, {"C", "技术支持", "Technical support", true, 0, 0}};
    state.services_loaded_at = now;
    state.public_url = "https://q.example.com";
    state.help_library = make_help_library(7, sample_articles(), sample_products());
  }
  std::vector<Effect> tap(const Action& action) {
    now += 1000;
    return reduce(state, action, now, timings);
  }
  std::vector<Effect> result(const Action& action) { return reduce(state, action, now, timings); }
  std::vector<Effect> wait_ms(EpochMs ms) {
    now += ms;
    return reduce(state, Tick{}, now, timings);
  }
  // The article ids of the search's results, best first.
  std::vector<std::string> results() const {
    std::vector<std::string> ids;
    for (std::size_t i : state.help.results) ids.push_back(state.help_library->articles[i].id);
    return ids;
  }
};

template <class E>
std::vector<E> all(const std::vector<Effect>& effects) {
  std::vector<E> found;
  for (const Effect& e : effects)
    if (const E* one = std::get_if<E>(&e)) found.push_back(*one);
  return found;
}

template <class E>
E only(const std::vector<Effect>& effects) {
  const std::vector<E> found = all<E>(effects);
  REQUIRE(found.size() == 1);
  return found.front();
}

}  // namespace

TEST_CASE("the library: products with articles in the catalogue's order, then general, then other, each counted") {
  const std::shared_ptr<const HelpLibrary> library = make_help_library(7, sample_articles(), sample_products());
  std::vector<std::string> keys;
  for (const HelpCategory& c : library->categories) keys.push_back(c.key);
  CHECK(keys == std::vector<std::string>{"tv", "air-conditioner", "washing-machine", "general", "other"});
  CHECK(find_help_category(*library, "air-conditioner")->articles.size() == 3);
  CHECK(find_help_category(*library, "other")->articles.size() == 1);  // the drone: no such product here
  CHECK(find_help_category(*library, "phone") == nullptr);             // no articles, no tile
  CHECK(library->index.size() == 7);
  CHECK(help_page_url("https://q.example.com", "ac-noise", Language::En) == "https://q.example.com/k/ac-noise?lang=en");
  CHECK(help_page_url("", "ac-noise", Language::Zh).empty());  // no public address, no QR
}

TEST_CASE("Help: opening asks for the articles and a fresh IME session; a category opens and Back closes it") {
  Kiosk k;
  const std::vector<Effect> opened = k.tap(OpenHelp{});
  CHECK(k.state.screen == Screen::Help);
  CHECK(all<LoadHelp>(opened).size() == 1);
  CHECK(all<ImeEffect>(opened).size() == 1);
  CHECK(k.state.help.layout == KeyLayout::Pinyin);
  k.tap(OpenHelpCategory{"air-conditioner"});
  CHECK(k.state.help.category == "air-conditioner");
  k.tap(ShowHelpPage{2});
  CHECK(k.state.help.page == 2);
  k.tap(OpenHelpCategory{"no-such-thing"});
  CHECK(k.state.help.category == "air-conditioner");
  k.tap(HelpBack{});
  CHECK(k.state.screen == Screen::Help);
  CHECK(k.state.help.category.empty());
  CHECK(k.state.help.page == 0);
}

TEST_CASE("typing letters searches at every key, best first; deleting back to nothing shows the categories") {
  Kiosk k;
  k.tap(SwitchLanguage{});
  k.tap(OpenHelp{});
  CHECK(k.state.help.layout == KeyLayout::Letters);  // English types letters
  k.tap(FocusHelpSearch{});
  CHECK(k.state.help.keyboard);
  for (char c : std::string("air")) CHECK(k.tap(TextKey{c}).empty());  // no IME, no worker: searched here
  CHECK(k.state.help.query == "air");
  CHECK(help_searching(k.state));
  const std::vector<std::string> found = k.results();
  REQUIRE(found.size() == 2);
  CHECK(found.front() == "ac-not-cooling");  // in the title, sort 10 before 20
  k.tap(ShowHelpPage{1});
  k.tap(TextKey{' '});
  CHECK(k.state.help.page == 0);  // a new search shows its first page
  for (int i = 0; i < 4; ++i) k.tap(TextKey{'<'});
  CHECK(k.state.help.query.empty());
  CHECK_FALSE(help_searching(k.state));
  CHECK(k.state.help.results.empty());
  for (char c : std::string("zzzz")) k.tap(TextKey{c});
  CHECK(k.state.help.results.empty());  // nothing found: said on the screen
  k.tap(HelpBack{});                    // Back clears the search first
  CHECK(k.state.help.query.empty());
  CHECK(k.state.screen == Screen::Help);
  k.tap(HideHelpKeys{});
  CHECK_FALSE(k.state.help.keyboard);
}

TEST_CASE("in pinyin the keys go to the IME; its composition is searched before a candidate is picked") {
  Kiosk k;
  k.tap(OpenHelp{});
  k.tap(FocusHelpSearch{});
  const unsigned generation = k.state.ime.generation;
  const ImeKey key = std::get<ImeKey>(only<ImeEffect>(k.tap(TextKey{'c'})));
  CHECK(key.key == 'c');
  CHECK(key.generation == generation);
  CHECK(k.state.help.query.empty());  // the IME has it
  // Its answer: the composition alone is searched (a substring here; the
  // index reads pinyin too, see customer_help_tests).
  k.result(ImeAnswered{generation, 'c', true, "", "cool", {{"酷", 0}}});
  CHECK(k.state.ime.preedit == "cool");
  CHECK(help_search_text(k.state) == "cool");
  CHECK(k.results() == std::vector<std::string>{"ac-not-cooling"});
  // A pick commits into the field; the composition is gone.
  CHECK(std::holds_alternative<ImePick>(only<ImeEffect>(k.tap(PickCandidate{0}))));
  k.result(ImeAnswered{generation, 0, true, "空调", "", {}});
  CHECK(k.state.help.query == "空调");
  CHECK(k.results().size() == 3);
  // An answer from before a reset (the layout switched) is dropped.
  k.tap(SwitchLayout{});
  CHECK(k.state.help.layout == KeyLayout::Letters);
  k.result(ImeAnswered{generation, 'x', true, "", "x", {}});
  CHECK(k.state.ime.preedit.empty());
  // The text keys on another screen are not Help's.
  k.tap(BackToWelcome{});
  k.tap(OpenRequest{});
  CHECK(k.tap(TextKey{'a'}).size() == 1);
  CHECK(k.state.help.query.empty());
}

TEST_CASE("an article opened counts a use; yes thanks the customer and returns to Welcome after 5 s") {
  Kiosk k;
  k.tap(OpenHelp{});
  k.tap(OpenHelpCategory{"air-conditioner"});
  const OpenKbUse use = only<OpenKbUse>(k.tap(OpenHelpArticle{"ac-noise"}));
  CHECK(k.state.screen == Screen::HelpArticle);
  CHECK(use.article_id == "ac-noise");
  CHECK(use.source == KbSource::Browse);
  CHECK_FALSE(use.english);
  CHECK(use.ticket_label.empty());
  REQUIRE(k.state.help.article);
  CHECK(k.state.help.article->id == "ac-noise");
  // "Yes" before the worker wrote the use: the answer waits for its id.
  CHECK(k.tap(AnswerHelp{true}).empty());
  CHECK(k.state.screen == Screen::HelpThanks);
  const AnswerKbUse answer = only<AnswerKbUse>(k.result(KbUseOpened{"ac-noise", "use-1", KbSource::Browse, 0}));
  CHECK(answer.use_id == "use-1");
  CHECK(answer.helpful);
  CHECK(k.state.help_uses == std::vector<std::string>{"use-1"});
  CHECK(*next_deadline(k.state, k.now, k.timings) == k.state.screen_since + 5'000);
  k.wait_ms(4'999);
  CHECK(k.state.screen == Screen::HelpThanks);
  k.wait_ms(1);
  CHECK(k.state.screen == Screen::Welcome);
  CHECK(k.state.help_uses.empty());                   // the next customer's numbers are not this visit's
  CHECK(k.state.help_library);                        // the store's articles stay
  CHECK(k.tap(OpenHelpArticle{"ac-noise"}).empty());  // not from Welcome
}

TEST_CASE("searching then no: a number for the article's service, the answer sent, the ticket records the visit") {
  Kiosk k;
  k.tap(SwitchLanguage{});
  k.tap(OpenHelp{});
  for (char c : std::string("cool")) k.tap(TextKey{c});
  const OpenKbUse use = only<OpenKbUse>(k.tap(OpenHelpArticle{"ac-not-cooling"}));
  CHECK(use.source == KbSource::Search);
  CHECK(use.english);
  k.result(KbUseOpened{"ac-not-cooling", "use-7", KbSource::Search, 0});
  k.tap(HelpBack{});  // back to the results, as they were
  CHECK(k.state.screen == Screen::Help);
  CHECK(k.state.help.query == "cool");
  CHECK_FALSE(k.state.help.article);
  k.tap(OpenHelpArticle{"ac-not-cooling"});
  k.result(KbUseOpened{"ac-not-cooling", "use-8", KbSource::Search, 0});
  const std::vector<Effect> answered = k.tap(AnswerHelp{false});
  const AnswerKbUse answer = only<AnswerKbUse>(answered);
  CHECK(answer.use_id == "use-8");
  CHECK_FALSE(answer.helpful);
  CHECK(all<LoadServices>(answered).size() == 1);
  CHECK(k.state.screen == Screen::TakeNumber);
  CHECK(k.state.form.service_code == "C");  // technical support, already picked
  const IssueTicket issue = only<IssueTicket>(k.tap(ConfirmTakeNumber{}));
  CHECK(issue.service_code == "C");
  const RecordKbTicket recorded =
      only<RecordKbTicket>(k.result(TicketIssued{{"t1", "C004", "C", "TOKEN", "1234", "14:05", "", 3, 10}}));
  CHECK(recorded.use_ids == std::vector<std::string>{"use-7", "use-8"});
  CHECK(recorded.label == "C004");
  CHECK(k.state.help_uses.empty());  // recorded once
}

TEST_CASE("no for an article whose service the store does not know takes a number for the first service") {
  Kiosk k;
  k.tap(OpenHelp{});
  k.tap(OpenHelpCategory{"washing-machine"});
  k.tap(OpenHelpArticle{"wash-leak"});
  k.tap(AnswerHelp{false});
  CHECK(k.state.screen == Screen::TakeNumber);
  CHECK(k.state.form.service_code == "A");
}

TEST_CASE(
    "a number taken after reading, back on Welcome, still belongs to the help visit; after the wipe it does not") {
  Kiosk k;
  k.tap(OpenHelp{});
  k.tap(OpenHelpCategory{kHelpGeneral});
  k.tap(OpenHelpArticle{"opening-hours"});
  k.result(KbUseOpened{"opening-hours", "use-3", KbSource::Browse, 0});
  k.tap(BackToWelcome{});
  k.tap(OpenTakeNumber{});
  k.tap(ChooseService{"A"});
  k.tap(ConfirmTakeNumber{});
  CHECK(
      only<RecordKbTicket>(k.result(TicketIssued{{"t1", "A004", "A", "TOKEN", "1234", "14:05", "", 3, 10}})).use_ids ==
      std::vector<std::string>{"use-3"});
  // A use written just as the kiosk went idle is not the next customer's.
  k.tap(BackToWelcome{});
  k.tap(OpenHelp{});
  k.tap(OpenHelpCategory{kHelpGeneral});
  k.tap(OpenHelpArticle{"opening-hours"});
  k.wait_ms(k.timings.idle_quiet + k.timings.idle_countdown);
  k.result(KbUseOpened{"opening-hours", "use-4", KbSource::Browse, 0});
  CHECK(k.state.help_uses.empty());
}

TEST_CASE("while a ticket waits: up to three articles of its service; one opened counts as ticket and goes back") {
  Kiosk k;
  k.tap(OpenTakeNumber{});
  k.tap(ChooseService{"C"});
  k.tap(ConfirmTakeNumber{});
  CHECK(k.result(TicketIssued{{"t1", "C004", "C", "TOKEN", "1234", "14:05", "", 3, 10}}).empty());
  std::vector<std::string> offered;
  for (std::size_t i : help_for_service(*k.state.help_library, "C", Language::Zh))
    offered.push_back(k.state.help_library->articles[i].id);
  CHECK(offered == std::vector<std::string>{"ac-filter", "drone", "tv-no-signal"});  // by sort, then title
  const OpenKbUse use = only<OpenKbUse>(k.tap(OpenHelpArticle{"ac-filter"}));
  CHECK(use.source == KbSource::Ticket);
  CHECK(use.ticket_label == "C004");  // the worker records it with the use
  CHECK(k.state.screen == Screen::HelpArticle);
  k.result(KbUseOpened{"ac-filter", "use-9", KbSource::Ticket, 0});
  CHECK(k.state.help_uses.empty());  // not a visit's use waiting for a number: it has one
  k.tap(HelpBack{});
  CHECK(k.state.screen == Screen::Ticket);
  k.tap(OpenHelpArticle{"drone"});
  k.result(KbUseOpened{"drone", "use-10", KbSource::Ticket, 0});
  CHECK(only<AnswerKbUse>(k.tap(AnswerHelp{false})).use_id == "use-10");
  CHECK(k.state.screen == Screen::Ticket);  // no second number: the customer has one
  REQUIRE(k.state.ticket);
  CHECK(k.state.ticket->label == "C004");
}

TEST_CASE("a new library while searching: the results are searched again in it") {
  Kiosk k;
  k.tap(SwitchLanguage{});
  k.tap(OpenHelp{});
  for (char c : std::string("drone")) k.tap(TextKey{c});
  CHECK(k.results() == std::vector<std::string>{"drone"});
  std::vector<KbArticle> fewer = sample_articles();
  fewer.pop_back();
  fewer.erase(fewer.begin());  // indices move
  k.result(HelpLoaded{make_help_library(8, fewer, sample_products())});
  CHECK(k.results() == std::vector<std::string>{"drone"});
}
