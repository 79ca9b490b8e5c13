// The store's help articles and what the kiosk counts of them
// (docs/help-articles.md, "At the store"): the articles HQ's feed sent (a new
// store is seeded with the default set), and one kb_use row per article a
// customer opened, uploaded to HQ as record kind kb_use.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "kb/kb_article.h"
#include "store/store_db.h"

namespace kiosk {

// How the customer reached an article.
enum class KbSource { Browse, Search, Ticket };
const char* kb_source_name(KbSource source);  // "browse", "search", "ticket"

class KbBook {
 public:
  KbBook(StoreDb& store, const Clock& clock) : store_(store), clock_(clock) {}

  // The active articles, by product (general last), then sort, then id.
  Result<std::vector<KbArticle>> articles();

  // Grows whenever the articles change (a feed change, the seeding), so a
  // kiosk knows when to build its search index again. Cheap: one read.
  Result<std::int64_t> articles_version();

  // A customer opened an article: a new kb_use row (and its outbox row); its
  // id. Error code "unknown-article".
  Result<std::string> opened(const std::string& article_id, KbSource source, bool english);

  // "Did this help?" answered for one use (again: the last answer counts).
  // Error code "unknown-use".
  Result<Done> answered(const std::string& use_id, bool helpful);

  // A number was taken in the same help visit: every listed use records the
  // ticket's label.
  Result<Done> ticket_taken(const std::vector<std::string>& use_ids, const std::string& ticket_label);

 private:
  StoreDb& store_;
  const Clock& clock_;
};

// Stores articles (the seeding, kioskctl kb import, HQ's feed) inside the
// caller's transaction: a new id is added, a changed one replaced (its
// revision grows), an unchanged one left alone. How many changed.
std::int64_t store_kb_articles(Database& db, const std::vector<KbArticle>& articles, EpochMs now);

// Takes one kb_article change of HQ's feed (the article's JSON) inside the
// caller's transaction. A bad article is an error and changes nothing: the
// feed keeps the change in hq_config and goes on.
Result<Done> apply_kb_article_change(Database& db, const nlohmann::json& data, EpochMs now);

}  // namespace kiosk
