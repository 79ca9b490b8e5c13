// Help's screen scripts (scripted_help_screens.h).
#include "customer/scripted_help_screens.h"

#include <algorithm>

#include "customer/help_library.h"

namespace kiosk::customer {
namespace {

// The article the scripts open: the air conditioner that does not cool when
// the store has it, else the first search hit or article.
std::string sample_article(const CustomerState& s) {
  const HelpLibrary& library = *s.help_library;
  if (find_help_article(library, "ac-not-cooling")) return "ac-not-cooling";
  if (!s.help.results.empty()) return library.articles[s.help.results.front()].id;
  return library.articles.front().id;
}

// The category the scripts open: air conditioners when the store has them.
std::string sample_category(const HelpLibrary& library) {
  if (find_help_category(library, "air-conditioner")) return "air-conditioner";
  return library.categories.front().key;
}

}  // namespace

const std::vector<std::string>& scripted_help_screen_names() {
  static const std::vector<std::string> names{"help", "help-category", "help-search", "help-article", "help-thanks"};
  return names;
}

std::optional<Result<EpochMs>> script_help_screen(CustomerApp& app, const std::string& name, EpochMs now) {
  const std::vector<std::string>& names = scripted_help_screen_names();
  if (std::find(names.begin(), names.end(), name) == names.end()) return std::nullopt;
  auto tap = [&](const Action& a) {
    app.dispatch(a, now += 1000);
    app.settle(now);
  };
  tap(OpenHelp{});
  const CustomerState& s = app.state();
  if (!s.help_library || s.help_library->articles.empty())
    return Result<EpochMs>(refused("the store has no help articles to show"));
  if (name == "help-category") tap(OpenHelpCategory{sample_category(*s.help_library)});
  if (name == "help-search" || name == "help-article" || name == "help-thanks") {
    tap(FocusHelpSearch{});
    for (char key : std::string("kt")) tap(TextKey{key});
  }
  if (name == "help-article" || name == "help-thanks") app.show_sample(OpenHelpArticle{sample_article(s)}, now += 1000);
  if (name == "help-thanks") app.show_sample(AnswerHelp{true}, now += 1000);
  return Result<EpochMs>(now);
}

}  // namespace kiosk::customer
