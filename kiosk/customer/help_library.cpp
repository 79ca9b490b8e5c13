// Making and reading the Help library (help_library.h).
#include "customer/help_library.h"

#include <algorithm>
#include <tuple>

namespace kiosk::customer {

std::shared_ptr<const HelpLibrary> make_help_library(std::int64_t version, std::vector<KbArticle> articles,
                                                     const std::vector<ProductCategory>& products) {
  std::vector<HelpCategory> categories;
  for (const ProductCategory& p : products) categories.push_back({p.code, p.name_zh, p.name_en, {}});
  HelpCategory general{kHelpGeneral, "", "", {}};  // named by the screen's texts
  HelpCategory other{kHelpOther, "", "", {}};
  for (std::size_t i = 0; i < articles.size(); ++i) {
    const KbArticle& a = articles[i];
    if (!a.active) continue;
    HelpCategory* home = a.product ? &other : &general;
    if (a.product)
      for (HelpCategory& c : categories)
        if (c.key == *a.product) home = &c;
    home->articles.push_back(i);
  }
  std::erase_if(categories, [](const HelpCategory& c) { return c.articles.empty(); });
  for (HelpCategory* c : {&general, &other})
    if (!c->articles.empty()) categories.push_back(std::move(*c));
  return std::make_shared<const HelpLibrary>(version, std::move(articles), std::move(categories));
}

const HelpCategory* find_help_category(const HelpLibrary& library, std::string_view key) {
  for (const HelpCategory& c : library.categories)
    if (c.key == key) return &c;
  return nullptr;
}

const KbArticle* find_help_article(const HelpLibrary& library, std::string_view id) {
  for (const KbArticle& a : library.articles)
    if (a.id == id && a.active) return &a;
  return nullptr;
}

std::vector<std::size_t> help_for_service(const HelpLibrary& library, std::string_view service, app::Language language,
                                          std::size_t limit) {
  std::vector<std::size_t> found;
  for (std::size_t i = 0; i < library.articles.size(); ++i)
    if (library.articles[i].active && library.articles[i].service == service) found.push_back(i);
  const bool english = language == app::Language::En;
  std::stable_sort(found.begin(), found.end(), [&](std::size_t a, std::size_t b) {
    const KbArticle &x = library.articles[a], &y = library.articles[b];
    return std::tie(x.sort, x.text(english).title) < std::tie(y.sort, y.text(english).title);
  });
  if (found.size() > limit) found.resize(limit);
  return found;
}

std::string help_page_url(const std::string& public_url, const std::string& article_id, app::Language language) {
  if (public_url.empty()) return {};
  return public_url + "/k/" + article_id + (language == app::Language::En ? "?lang=en" : "?lang=zh");
}

}  // namespace kiosk::customer
