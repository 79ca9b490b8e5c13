// The store's help articles and their uses (kb_book.h).
#include "kb/kb_book.h"

#include <sqlite3.h>

#include "core/random_id.h"
#include "store/storage_guard.h"

namespace kiosk {

const char* kb_source_name(KbSource source) {
  switch (source) {
    case KbSource::Search:
      return "search";
    case KbSource::Ticket:
      return "ticket";
    case KbSource::Browse:
      break;
  }
  return "browse";
}

std::int64_t store_kb_articles(Database& db, const std::vector<KbArticle>& articles, EpochMs now) {
  std::int64_t changed = 0;
  for (const KbArticle& article : articles) {
    const std::string data = kb_article_json(article).dump();
    Statement& q = db.prepare(
        "INSERT INTO kb_article(id, data, service, product, sort, active, revision, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT coalesce(max(revision), 0) + 1 FROM kb_article), ?7) "
        "ON CONFLICT(id) DO UPDATE SET data = ?2, service = ?3, product = ?4, sort = ?5, active = ?6, "
        "revision = (SELECT coalesce(max(revision), 0) + 1 FROM kb_article), updated_at = ?7 "
        "WHERE data <> ?2");
    q.bind(1, article.id)
        .bind(2, data)
        .bind(3, article.service)
        .bind(4, article.product)
        .bind(5, article.sort)
        .bind(6, article.active ? 1 : 0)
        .bind(7, now)
        .run();
    changed += sqlite3_changes64(db.handle());
  }
  return changed;
}

Result<Done> apply_kb_article_change(Database& db, const nlohmann::json& data, EpochMs now) {
  Result<KbArticle> article = parse_kb_article(data);
  if (!article) return article.error();
  store_kb_articles(db, {article.value()}, now);
  return Done{};
}

Result<std::vector<KbArticle>> KbBook::articles() {
  return storage_guarded([&]() -> Result<std::vector<KbArticle>> {
    std::vector<KbArticle> articles;
    Statement& q =
        store_.db().prepare("SELECT data FROM kb_article WHERE active = 1 ORDER BY product IS NULL, product, sort, id");
    while (q.step()) {
      // Every stored row was checked on its way in; one that no longer reads
      // (a later, stricter checker) is left out rather than shown half.
      Result<KbArticle> article = parse_kb_article(nlohmann::json::parse(q.text(0), nullptr, false));
      if (article) articles.push_back(std::move(article).value());
    }
    q.reset();
    return articles;
  });
}

Result<std::int64_t> KbBook::articles_version() {
  return storage_guarded([&]() -> Result<std::int64_t> {
    Statement& q = store_.db().prepare("SELECT coalesce(max(revision), 0) FROM kb_article");
    q.step();
    const std::int64_t version = q.int64(0);
    q.reset();
    return version;
  });
}

Result<std::string> KbBook::opened(const std::string& article_id, KbSource source, bool english) {
  Database& db = store_.db();
  return storage_transaction(db, [&]() -> Result<std::string> {
    Statement& known = db.prepare("SELECT 1 FROM kb_article WHERE id = ?1 AND active = 1");
    known.bind(1, article_id);
    const bool found = known.step();
    known.reset();
    if (!found) return refused("no help article " + article_id, "unknown-article");
    const EpochMs now = clock_.now_ms();
    const std::string id = new_uuid();
    db.prepare(
          "INSERT INTO kb_use(id, article_id, opened_at, business_day, language, source) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bind(1, id)
        .bind(2, article_id)
        .bind(3, now)
        .bind(4, store_.zone().business_day(now))
        .bind(5, english ? "en" : "zh")
        .bind(6, kb_source_name(source))
        .run();
    return id;
  });
}

Result<Done> KbBook::answered(const std::string& use_id, bool helpful) {
  Database& db = store_.db();
  return storage_transaction(db, [&]() -> Result<Done> {
    db.prepare("UPDATE kb_use SET answer = ?2 WHERE id = ?1 AND answer IS NOT ?2")
        .bind(1, use_id)
        .bind(2, helpful ? "helpful" : "not-helpful")
        .run();
    if (sqlite3_changes64(db.handle()) > 0) return Done{};
    Statement& known = db.prepare("SELECT 1 FROM kb_use WHERE id = ?1");
    known.bind(1, use_id);
    const bool found = known.step();
    known.reset();
    if (!found) return refused("no help article use " + use_id, "unknown-use");
    return Done{};
  });
}

Result<Done> KbBook::ticket_taken(const std::vector<std::string>& use_ids, const std::string& ticket_label) {
  Database& db = store_.db();
  return storage_transaction(db, [&]() -> Result<Done> {
    for (const std::string& id : use_ids)
      db.prepare("UPDATE kb_use SET ticket = ?2 WHERE id = ?1 AND ticket IS NOT ?2")
          .bind(1, id)
          .bind(2, ticket_label)
          .run();
    return Done{};
  });
}

}  // namespace kiosk
