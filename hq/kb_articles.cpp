// HQ's help articles (kb_articles.h).
#include "hq/kb_articles.h"

#include <cstdio>
#include <map>

#include "core/install_dirs.h"
#include "hq/console_audit.h"

#ifndef KIOSK_ASSETS_DIR
#error "KIOSK_ASSETS_DIR must name the source tree's assets/"
#endif

namespace kiosk::hq {
namespace {

using Json = KbArticles::Json;

// An article's row as the API shows it: its JSON, when and by whom it last changed.
Json article_row(const SqlRow& row) {
  Json article = Json::parse(row.text(0));
  article["updated_at"] = row.int64(1);
  article["updated_by"] = row.text(2);
  return article;
}

}  // namespace

Result<Json> KbArticles::list() {
  return hq_guarded([&]() -> Result<Json> {
    Json articles = Json::array();
    db_.each("SELECT data, updated_at, updated_by FROM kb_article ORDER BY id", {},
             [&](const SqlRow& row) { articles.push_back(article_row(row)); });
    return Json{{"articles", articles}};
  });
}

Result<Json> KbArticles::get(const std::string& id) {
  return hq_guarded([&]() -> Result<Json> {
    std::optional<Json> article;
    db_.first("SELECT data, updated_at, updated_by FROM kb_article WHERE id = ?1", {id},
              [&](const SqlRow& row) { article = article_row(row); });
    if (!article) return invalid_argument("HQ has no help article " + id, "unknown-article");
    return *article;
  });
}

bool KbArticles::save(const KbArticle& article, const std::optional<std::string>& before) {
  const Json data = kb_article_json(article);
  const std::string text = data.dump();
  if (before == text) return false;
  db_.run(
      "INSERT INTO kb_article(id, data, active, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5) "
      "ON CONFLICT(id) DO UPDATE SET data = excluded.data, active = excluded.active, "
      "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
      {article.id, text, article.active ? 1 : 0, clock_.now_ms(), actor_});
  db_.append_change(std::nullopt, "kb_article", article.id, data, clock_.now_ms(), std::nullopt);
  return true;
}

int KbArticles::save_all(const std::vector<KbArticle>& articles) {
  std::map<std::string, std::string> before;  // id -> HQ's copy
  db_.each("SELECT id, data FROM kb_article", {}, [&](const SqlRow& row) { before[row.text(0)] = row.text(1); });
  int changed = 0;
  for (const KbArticle& article : articles) {
    const auto found = before.find(article.id);
    changed += save(article, found == before.end() ? std::nullopt : std::optional(found->second));
  }
  return changed;
}

Result<Json> KbArticles::put(const KbArticle& article) {
  return hq_guarded([&] {
    return db_.write([&]() -> Result<Json> {
      std::optional<std::string> before;
      db_.first("SELECT data FROM kb_article WHERE id = ?1", {article.id},
                [&](const SqlRow& row) { before = row.text(0); });
      const bool changed = save(article, before);
      if (changed)
        record_audit(db_, clock_.now_ms(), actor_, before ? "kb-article-change" : "kb-article-add", article.id,
                     Json{{"title", article.zh.title}, {"active", article.active}});
      return Json{{"article", kb_article_json(article)}, {"changed", changed}};
    });
  });
}

Result<Json> KbArticles::import_articles(const std::vector<KbArticle>& articles) {
  return hq_guarded([&] {
    return db_.write([&]() -> Result<Json> {
      const Json counts{{"articles", articles.size()}, {"changes", save_all(articles)}};
      record_audit(db_, clock_.now_ms(), actor_, "kb-import", "kb", counts);
      return counts;
    });
  });
}

Result<std::string> KbArticles::export_lines() {
  return hq_guarded([&]() -> Result<std::string> {
    std::string lines = "# HQ's help articles (JSON Lines: hq kb import, or the console's import)\n";
    db_.each("SELECT data FROM kb_article ORDER BY id", {}, [&](const SqlRow& row) { lines += row.text(0) + "\n"; });
    return lines;
  });
}

Result<Json> KbArticles::seed(const std::vector<KbArticle>& articles) {
  return hq_guarded([&] {
    return db_.write([&]() -> Result<Json> {
      db_.lock_key("kb-seed");  // another process seeding the same new database waits, then finds articles
      if (db_.first("SELECT 1 FROM kb_article", {})) return Json{{"seeded", 0}};
      save_all(articles);
      record_audit(db_, clock_.now_ms(), actor_, "kb-seed", "kb", Json{{"articles", articles.size()}});
      return Json{{"seeded", articles.size()}};
    });
  });
}

std::string default_kb_articles_file() {
  return data_dir_for("KIOSK_ASSETS_DIR", "assets", KIOSK_ASSETS_DIR) + "/kb-default.jsonl";
}

Result<Done> seed_default_kb_articles(HqDb& db, const Clock& clock) {
  return hq_guarded([&]() -> Result<Done> {
    if (db.first("SELECT 1 FROM kb_article", {})) return Done{};  // the usual case: no file read
    const Result<std::vector<KbArticle>> articles = read_kb_article_file(default_kb_articles_file());
    if (!articles) {
      std::fprintf(stderr, "hq: no default help articles: %s (hq kb import FILE adds articles)\n",
                   articles.error().message.c_str());
      return Done{};
    }
    const Result<Json> seeded = KbArticles(db, clock, "hq").seed(articles.value());
    if (!seeded) return seeded.error();
    return Done{};
  });
}

void unseed_kb_articles(HqDb& db) {
  db.run("DELETE FROM kb_article");
  db.run("DELETE FROM change_log WHERE kind = 'kb_article'");
  db.run("DELETE FROM console_audit WHERE action = 'kb-seed'");
}

}  // namespace kiosk::hq
