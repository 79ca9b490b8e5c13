// HQ's help articles (docs/help-articles.md, "At HQ"): the list, one
// article, adding or changing one, importing a file's lines (upsert by id)
// and exporting them, for `hq kb` and the console's API alike. Every change
// is written with its change-feed entry (kind kb_article, every store's) and
// its audit entry in one transaction; an article the same as HQ's copy
// changes nothing. Articles are never deleted: `active: false` retires one.
// A new HQ database starts with the default set (assets/kb-default.jsonl).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "hq/hq_db.h"
#include "kb/kb_article.h"

namespace kiosk::hq {

class KbArticles {
 public:
  using Json = nlohmann::ordered_json;

  // `actor` names who changes things (kb_article.updated_by and the audit
  // list): "cli", a console user, or "hq" for the default set.
  KbArticles(HqDb& db, const Clock& clock, std::string actor = "cli")
      : db_(db), clock_(clock), actor_(std::move(actor)) {}

  // {"articles": [each article's JSON with "updated_at" and "updated_by"]}, by id.
  Result<Json> list();
  // One article as list() shows it; error code "unknown-article".
  Result<Json> get(const std::string& id);
  // Adds or changes one article: {"article", "changed"}.
  Result<Json> put(const KbArticle& article);
  // Adds or changes each article (those not listed stay as they are):
  // {"articles": how many, "changes": how many differed}.
  Result<Json> import_articles(const std::vector<KbArticle>& articles);
  // Every article, retired ones too, as JSON Lines that import_articles() reads back.
  Result<std::string> export_lines();

  // The default set, once: into a database that has no article at all (a new
  // one, or one migrated from schema 8). Several processes opening a new
  // database at once seed it once.
  Result<Json> seed(const std::vector<KbArticle>& articles);

 private:
  // Writes one article's row and feed entry unless its JSON is `before`'s; true when it changed.
  bool save(const KbArticle& article, const std::optional<std::string>& before);
  // Saves each article against HQ's copies; how many changed.
  int save_all(const std::vector<KbArticle>& articles);

  HqDb& db_;
  const Clock& clock_;
  std::string actor_;
};

// Where the default set is: assets/kb-default.jsonl (KIOSK_ASSETS_DIR
// overrides the assets directory, as for the console's pages).
std::string default_kb_articles_file();

// Gives a database without any article the default set (KbArticles::seed,
// actor "hq"). A default file that cannot be read is said on stderr and
// nothing is seeded: the next open tries again.
Result<Done> seed_default_kb_articles(HqDb& db, const Clock& clock);

// What seeding wrote into a database that holds no store yet, taken out
// again: hq copy's target takes the source's articles and feed instead.
void unseed_kb_articles(HqDb& db);

}  // namespace kiosk::hq
