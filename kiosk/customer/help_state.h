// The customer's Help (docs/help-articles.md, "On the kiosk") as the UI thread
// holds it: the store's articles with their categories and search index (one
// immutable library, built on the worker and shared), and where the customer
// is in it: the search typed, the category open, the article read.
// Plain data; only the customer reducer changes it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "customer/request_state.h"
#include "kb/kb_article.h"
#include "kb/kb_book.h"
#include "kb/kb_search.h"

namespace kiosk::customer {

// A tile of the Help screen: a product of the store's catalogue that has
// articles, "general" (articles without a product) or "other" (a product the
// catalogue does not know).
struct HelpCategory {
  std::string key;                    // the product's code, or kHelpGeneral / kHelpOther
  std::string name_zh, name_en;       // the product's; empty for general and other (the screen's texts name them)
  std::vector<std::size_t> articles;  // into HelpLibrary::articles, in the library's order
};
inline constexpr const char* kHelpGeneral = "general";
inline constexpr const char* kHelpOther = "other";

// The active articles as the worker read them (KbBook::articles' order), their
// categories and the index over them. Never changed once made: a new version
// of the store's articles is a new library.
struct HelpLibrary {
  HelpLibrary(std::int64_t version, std::vector<KbArticle> articles, std::vector<HelpCategory> categories)
      : version(version), articles(std::move(articles)), categories(std::move(categories)), index(this->articles) {}

  std::int64_t version;  // KbBook::articles_version when read
  std::vector<KbArticle> articles;
  std::vector<HelpCategory> categories;
  KbIndex index;  // over `articles`
};

// Where the customer is in Help. The search text is `query` and the IME's
// composition after it (state.ime.preedit): both are searched.
struct HelpFlow {
  std::string query;  // typed and committed
  KeyLayout layout = KeyLayout::Pinyin;
  bool keyboard = false;               // the keys are open (the search field was tapped)
  std::string category;                // the open category's key; empty: the tiles
  std::vector<std::size_t> results;    // the search's hits (into the library's articles), best first
  int page = 0;                        // the page of rows shown (a category's articles or the results)
  std::optional<KbArticle> article;    // the article open (a copy: the library may change under it)
  KbSource source = KbSource::Browse;  // how it was reached
  std::string use_id;                  // its kb_use row, once the worker has written it
  std::optional<bool> answer;          // "did this help?" tapped before the use's id arrived
};

}  // namespace kiosk::customer
