// Help's rules (help_reducer.h). The search runs here, on the UI thread, on
// every key and every IME answer: the index is in memory and answers in well
// under a millisecond, so the results are drawn in the frame after the key.
#include "customer/help_reducer.h"

#include "app/ime_mirror.h"
#include "core/overloaded.h"
#include "core/text.h"
#include "customer/help_library.h"
#include "customer/request_reducer.h"

namespace kiosk::customer {
namespace {

using Effects = std::vector<Effect>;
constexpr std::size_t kMaxQueryChars = 30;
constexpr std::size_t kMaxResults = 20;

void show(CustomerState& s, Screen screen, EpochMs now) {
  s.screen = screen;
  s.screen_since = now;
}

// The hits of the search text, best first; none while nothing is typed.
void search(CustomerState& s) {
  HelpFlow& h = s.help;
  h.page = 0;
  h.results.clear();
  if (!s.help_library || !help_searching(s)) return;
  for (const KbHit& hit : s.help_library->index.search(help_search_text(s), kMaxResults))
    h.results.push_back(hit.article);
}

// A key the IME did not use, or any key in letters layout.
void type_key(HelpFlow& h, char key) {
  if (key == '<')
    erase_last_character(h.query);
  else if (utf8_length(h.query).value_or(kMaxQueryChars) < kMaxQueryChars)
    h.query += key;
}

void append(HelpFlow& h, const std::string& text) {
  if (utf8_length(h.query + text).value_or(kMaxQueryChars + 1) <= kMaxQueryChars) h.query += text;
}

// Back from an article to where it was opened; its use stays counted.
void close_article(CustomerState& s, EpochMs now) {
  const bool from_ticket = s.help.source == KbSource::Ticket && s.ticket;
  s.help.article.reset();
  s.help.use_id.clear();
  s.help.answer.reset();
  show(s, from_ticket ? Screen::Ticket : Screen::Help, now);
}

Effects clear_search(CustomerState& s) {
  s.help.query.clear();
  Effects effects = new_ime_session(s.ime);
  search(s);
  return effects;
}

Effects open_article(CustomerState& s, const std::string& id, EpochMs now) {
  if (!s.help_library || (s.screen != Screen::Help && s.screen != Screen::Ticket)) return {};
  const KbArticle* article = find_help_article(*s.help_library, id);
  if (!article) return {};
  HelpFlow& h = s.help;
  h.source = s.screen == Screen::Ticket ? KbSource::Ticket : help_searching(s) ? KbSource::Search : KbSource::Browse;
  h.article = *article;
  h.use_id.clear();
  h.answer.reset();
  const bool english = s.language == Language::En;
  const std::string ticket = h.source == KbSource::Ticket && s.ticket ? s.ticket->label : std::string();
  show(s, Screen::HelpArticle, now);
  return {OpenKbUse{id, h.source, english, ticket, s.help_visit}};
}

}  // namespace

std::string help_search_text(const CustomerState& s) { return s.help.query + s.ime.preedit; }

bool help_searching(const CustomerState& s) { return help_search_text(s).find_first_not_of(" '") != std::string::npos; }

Effects open_help(CustomerState& s) {
  s.help = {};
  s.help.layout = s.language == Language::Zh && s.ime.available ? KeyLayout::Pinyin : KeyLayout::Letters;
  Effects effects = new_ime_session(s.ime);
  effects.push_back(LoadHelp{});
  return effects;
}

Effects answer_help(CustomerState& s, bool helpful) {
  if (!s.help.article) return {};
  if (s.help.use_id.empty()) {
    s.help.answer = helpful;  // sent when the use's id arrives
    return {};
  }
  return {AnswerKbUse{s.help.use_id, helpful}};
}

Effects help_ticket_taken(CustomerState& s, const std::string& label) {
  if (s.help_uses.empty()) return {};
  Effects effects{RecordKbTicket{std::move(s.help_uses), label}};
  s.help_uses.clear();
  return effects;
}

std::optional<Effects> reduce_help(CustomerState& s, const Action& action, EpochMs now) {
  HelpFlow& h = s.help;
  const bool on_help = s.screen == Screen::Help;
  return std::visit(Overloaded{
                        [&](const FocusHelpSearch&) -> std::optional<Effects> {
                          h.keyboard = on_help;
                          return Effects{};
                        },
                        [&](const HideHelpKeys&) -> std::optional<Effects> {
                          h.keyboard = false;
                          Effects effects = new_ime_session(s.ime);  // a composition nobody can see is not kept
                          search(s);
                          return effects;
                        },
                        [&](const OpenHelpCategory& a) -> std::optional<Effects> {
                          if (on_help && s.help_library && find_help_category(*s.help_library, a.key)) {
                            h.category = a.key;
                            h.page = 0;
                          }
                          return Effects{};
                        },
                        [&](const ShowHelpPage& a) -> std::optional<Effects> {
                          h.page = std::max(0, a.page);
                          return Effects{};
                        },
                        [&](const OpenHelpArticle& a) -> std::optional<Effects> { return open_article(s, a.id, now); },
                        [&](const HelpBack&) -> std::optional<Effects> {
                          if (s.screen == Screen::HelpArticle) {
                            close_article(s, now);
                            return Effects{};
                          }
                          if (help_searching(s)) return clear_search(s);
                          h.category.clear();
                          h.page = 0;
                          return Effects{};
                        },
                        [&](const TextKey& a) -> std::optional<Effects> {
                          if (!on_help) return std::nullopt;
                          if (h.layout == KeyLayout::Pinyin && s.ime.available)
                            return Effects{ImeEffect{ImeKey{a.key, s.ime.generation}}};
                          type_key(h, a.key);
                          search(s);
                          return Effects{};
                        },
                        [&](const PickCandidate& a) -> std::optional<Effects> {
                          if (!on_help) return std::nullopt;
                          return Effects{ImeEffect{ImePick{a.index, s.ime.generation}}};
                        },
                        [&](const TurnCandidatePage& a) -> std::optional<Effects> {
                          if (!on_help) return std::nullopt;
                          s.ime.page = std::max(0, s.ime.page + a.delta);
                          return Effects{};
                        },
                        [&](const SwitchLayout&) -> std::optional<Effects> {
                          if (!on_help) return std::nullopt;
                          if (!s.ime.available) return Effects{};
                          h.layout = h.layout == KeyLayout::Pinyin ? KeyLayout::Letters : KeyLayout::Pinyin;
                          Effects effects = new_ime_session(s.ime);
                          search(s);
                          return effects;
                        },
                        [&](const ImeAnswered& a) -> std::optional<Effects> {
                          if (!on_help) return std::nullopt;
                          if (!app::take_ime_answer(s.ime, a)) return Effects{};  // from before a reset
                          append(h, a.committed);
                          if (!a.key_used && a.key) type_key(h, a.key);
                          search(s);
                          return Effects{};
                        },
                        [&](const HelpLoaded& a) -> std::optional<Effects> {
                          s.help_library = a.library;
                          if (on_help) search(s);  // the hits index the new library
                          return Effects{};
                        },
                        [&](const KbUseOpened& a) -> std::optional<Effects> {
                          if (a.visit != s.help_visit) return Effects{};  // the last customer's
                          if (a.source != KbSource::Ticket)
                            s.help_uses.push_back(a.use_id);  // a ticket-time use has its label
                          if (!h.article || h.article->id != a.article_id || !h.use_id.empty()) return Effects{};
                          h.use_id = a.use_id;
                          if (!h.answer) return Effects{};
                          const bool helpful = *h.answer;
                          h.answer.reset();
                          return Effects{AnswerKbUse{a.use_id, helpful}};
                        },
                        [](const auto&) -> std::optional<Effects> { return std::nullopt; },
                    },
                    action);
}

}  // namespace kiosk::customer
