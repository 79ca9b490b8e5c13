// CustomerRole: the kiosk's parts as the role shell takes them.
#include "customer/customer_app.h"

#include "customer/customer_reducer.h"
#include "customer/help_library.h"
#include "customer/help_reducer.h"
#include "customer/screens/customer_screens.h"

namespace kiosk::customer {
namespace {

// The help texts the screen may show now: the categories, the rows listed,
// the article open, what the ticket offers.
void add_help_texts(const CustomerState& s, std::vector<std::string>& all) {
  if (!s.help_library) return;
  const HelpLibrary& library = *s.help_library;
  const bool english = s.language == Language::En;
  auto add_titles = [&](const std::vector<std::size_t>& articles) {
    for (std::size_t i : articles) {
      all.push_back(library.articles[i].text(english).title);
      all.push_back(library.articles[i].text(english).answer);
    }
  };
  if (s.screen == Screen::Help) {
    for (const HelpCategory& c : library.categories) all.push_back(english ? c.name_en : c.name_zh);
    if (help_searching(s))
      add_titles(s.help.results);
    else if (const HelpCategory* category = find_help_category(library, s.help.category))
      add_titles(category->articles);
  }
  if (s.screen == Screen::Ticket && s.ticket) add_titles(help_for_service(library, s.ticket->service_code, s.language));
  if (s.screen == Screen::HelpArticle && s.help.article) {
    const KbText& text = s.help.article->text(english);
    all.push_back(text.title);
    all.push_back(text.answer);
    for (const std::string& step : text.steps) all.push_back(step);
  }
}

}  // namespace

std::vector<Effect> CustomerRole::start(State& state, EpochMs now) const {
  state.language = config.language;
  state.last_activity = now;
  state.screen_since = now - config.timings.tap_guard;  // the first tap counts
  state.services_loading = true;
  return {LoadServices{}, LoadHelp{}};
}

std::vector<Effect> CustomerRole::reduce(State& state, const Action& action, EpochMs now) const {
  return customer::reduce(state, action, now, config.timings);
}

void CustomerRole::draw(ui::TouchUi& ui, const State& state, EpochMs now,
                        const std::function<void(Action)>& tap) const {
  draw_customer_screen(ui, CustomerView{state, texts, config.timings, now, config.store_id}, tap);
}

std::optional<EpochMs> CustomerRole::next_deadline(const State& state, EpochMs now) const {
  return customer::next_deadline(state, now, config.timings);
}

std::vector<std::string> CustomerRole::texts_to_show(const State& state) const {
  std::vector<std::string> all = texts.all_texts();
  for (const ServiceView& s : state.services) {
    all.push_back(s.name_zh);
    all.push_back(s.name_en);
  }
  all.push_back(config.store_id);
  add_help_texts(state, all);
  if (state.admin.devices.read)  // the names devices were enrolled with
    for (const EnrolledDevice& d : state.admin.devices.read->devices) all.push_back(d.name);
  return all;
}

app::EffectRunner<Effect> CustomerRole::make_runner(std::function<void(Action)> post) const {
  return customer_effects(CustomerWorkerConfig{config.data_dir, config.printer, texts}, std::move(post));
}

}  // namespace kiosk::customer
