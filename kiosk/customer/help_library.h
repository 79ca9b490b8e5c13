// The customer's Help library (help_state.h) made from the store's articles
// and product catalogue, and what the screens look up in it: a category, an
// article, the articles a waiting ticket's service offers, the article's page
// on a phone. Pure functions; the library is built on the worker thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/language.h"
#include "customer/help_state.h"
#include "model/request_model.h"

namespace kiosk::customer {

// The categories: each product of `products` that has articles (in the
// catalogue's order, by its names), then "general" (no product), then "other"
// (a product the catalogue does not know); each lists its articles in the
// order of `articles` (KbBook::articles: sort, then id). The search index is
// built here too.
std::shared_ptr<const HelpLibrary> make_help_library(std::int64_t version, std::vector<KbArticle> articles,
                                                     const std::vector<ProductCategory>& products);

const HelpCategory* find_help_category(const HelpLibrary& library, std::string_view key);
const KbArticle* find_help_article(const HelpLibrary& library, std::string_view id);

// Up to `limit` articles of `service` for a customer waiting for it, by sort
// then title (in `language`).
std::vector<std::size_t> help_for_service(const HelpLibrary& library, std::string_view service, app::Language language,
                                          std::size_t limit = 3);

// "{public_url}/k/{id}?lang=zh|en", the article's page on a phone (HQ serves
// it); empty without a public address.
std::string help_page_url(const std::string& public_url, const std::string& article_id, app::Language language);

}  // namespace kiosk::customer
