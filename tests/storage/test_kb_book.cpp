// The store's help articles and their uses (kb/kb_book.h): the shipped set
// stored, HQ's feed replacing and retiring articles (a bad one changing
// nothing and never stopping the feed), the index version moving only on a
// change, and each use with its answer and ticket reaching the outbox as a
// kb_use record.
#include <doctest/doctest.h>

#include "kb/kb_book.h"
#include "support/test_store.h"
#include "sync/sync_store.h"

using namespace kiosk;
using kiosk::test::TestStore;

namespace {

std::vector<KbArticle> shipped() {
  Result<std::vector<KbArticle>> articles = read_kb_article_file(std::string(KIOSK_ASSETS_DIR) + "/kb-default.jsonl");
  REQUIRE(articles);
  return articles.value();
}

void seed(TestStore& s) {
  Transaction tx(s.store->db());
  store_kb_articles(s.store->db(), shipped(), s.clock.now_ms());
  tx.commit();
}

std::vector<OutboxRecord> kb_records(TestStore& s) {
  SyncStore sync(*s.store, s.clock);
  std::vector<OutboxRecord> out;
  for (const OutboxRecord& r : sync.pending(1000).value())
    if (r.kind == "kb_use") out.push_back(r);
  return out;
}

}  // namespace

TEST_CASE("the shipped articles are stored once; storing them again changes nothing and keeps the version") {
  TestStore s;
  KbBook book(*s.store, s.clock);
  CHECK(book.articles().value().empty());
  CHECK(book.articles_version().value() == 0);
  seed(s);
  const std::vector<KbArticle> stored = book.articles().value();
  CHECK(stored.size() == shipped().size());
  const std::int64_t version = book.articles_version().value();
  CHECK(version > 0);
  {
    Transaction tx(s.store->db());
    CHECK(store_kb_articles(s.store->db(), shipped(), s.clock.now_ms()) == 0);
    tx.commit();
  }
  CHECK(book.articles_version().value() == version);
  // Product articles first (by product), general ones last.
  CHECK(stored.front().product.has_value());
  CHECK_FALSE(stored.back().product.has_value());
}

TEST_CASE("HQ's feed replaces an article, retires one, and a bad one changes nothing without stopping the feed") {
  TestStore s;
  seed(s);
  KbBook book(*s.store, s.clock);
  const std::int64_t version = book.articles_version().value();
  KbArticle edited = shipped().front();
  edited.zh.title = "空调不制冷，先看这三步";
  test::apply_feed_change(*s.store, "kb_article", edited.id, kb_article_json(edited).dump());
  CHECK(book.articles_version().value() > version);
  bool found = false;
  for (const KbArticle& a : book.articles().value())
    if (a.id == edited.id) found = a.zh.title == "空调不制冷，先看这三步";
  CHECK(found);

  KbArticle retired = edited;
  retired.active = false;
  test::apply_feed_change(*s.store, "kb_article", retired.id, kb_article_json(retired).dump());
  for (const KbArticle& a : book.articles().value()) CHECK(a.id != retired.id);
  CHECK(book.opened(retired.id, KbSource::Browse, false).error().code == "unknown-article");

  const std::int64_t before_bad = book.articles_version().value();
  test::apply_feed_change(*s.store, "kb_article", "broken", R"({"id": "broken", "service": "C"})");
  CHECK(book.articles_version().value() == before_bad);
  SyncStore sync(*s.store, s.clock);
  CHECK(sync.status().value().changes_after == 3);  // the feed went on past it
}

TEST_CASE("an opened article is a kb_use record; its answer and the ticket taken are new revisions") {
  TestStore s;
  seed(s);
  KbBook book(*s.store, s.clock);
  const std::string article = shipped().front().id;
  const std::string use = book.opened(article, KbSource::Search, true).value();
  std::vector<OutboxRecord> records = kb_records(s);
  REQUIRE(records.size() == 1);
  CHECK(records[0].id == use);
  CHECK(records[0].data["article"] == article);
  CHECK(records[0].data["source"] == "search");
  CHECK(records[0].data["language"] == "en");
  CHECK(records[0].data["business_day"] == "2026-11-23");
  CHECK(records[0].data["answer"].is_null());
  CHECK(records[0].data["ticket"].is_null());

  REQUIRE(book.answered(use, false));
  REQUIRE(book.answered(use, false));  // the same answer again: no new revision
  REQUIRE(book.ticket_taken({use}, "C001"));
  records = kb_records(s);
  REQUIRE(records.size() == 3);
  CHECK(records[2].data["answer"] == "not-helpful");
  CHECK(records[2].data["ticket"] == "C001");
  CHECK(records[1].seq < records[2].seq);

  CHECK(book.answered("no-such-use", true).error().code == "unknown-use");
  CHECK(book.opened("no-such-article", KbSource::Browse, false).error().code == "unknown-article");
}
