// The sync outbox (schema 4): every ticket and rating change leaves one outbox
// row in its own transaction, numbered without gaps; a refused operation
// leaves none; acknowledged rows are pruned without the numbering restarting;
// a store from schema 3 queues its earlier records once, in order; the
// ticket record carries the QR token and the kiosk's language (schema 13).
#include <doctest/doctest.h>

#include <map>

#include "ratings/rating_book.h"
#include "schema_rollback.h"
#include "store/schema.h"
#include "support/test_store.h"
#include "sync/sync_store.h"

using namespace kiosk;
using kiosk::test::TestStore;

namespace {

struct OutboxRow {
  std::int64_t seq;
  std::string kind, id;
};

std::vector<OutboxRow> outbox(Database& db) {
  std::vector<OutboxRow> rows;
  Statement& q = db.prepare("SELECT seq, kind, record_id FROM outbox ORDER BY seq");
  while (q.step()) rows.push_back({q.int64(0), q.text(1), q.text(2)});
  q.reset();
  return rows;
}

void check_gapless(const std::vector<OutboxRow>& rows, std::int64_t first) {
  for (std::size_t i = 0; i < rows.size(); ++i) CHECK(rows[i].seq == first + std::int64_t(i));
}

}  // namespace

TEST_CASE("each ticket change and each rating adds one outbox row, in order and without gaps") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  const std::size_t before = outbox(s.store->db()).size();  // open_counter touches no ticket
  CHECK(before == 0);
  const Ticket a = s.engine->issue({"A", false, {}}).value().ticket;
  const Ticket b = s.engine->issue({"A", false, {}}).value().ticket;
  REQUIRE(s.engine->call_next(1).ok());
  REQUIRE(s.engine->start(1).ok());
  REQUIRE(s.engine->finish(1, Outcome::Resolved).ok());
  CHECK_FALSE(s.engine->issue({"Q", false, {}}).ok());  // unknown service: refused, nothing written
  CHECK_FALSE(s.engine->start(1).ok());                 // nothing called: refused
  RatingBook ratings(*s.store, s.clock);
  const Rating rating = ratings.rate(a.id, 5, {}).value();

  const std::vector<OutboxRow> rows = outbox(s.store->db());
  REQUIRE(rows.size() == 6);
  check_gapless(rows, 1);
  CHECK(rows[0].id == a.id);
  CHECK(rows[1].id == b.id);
  for (int i = 2; i < 5; ++i) CHECK(rows[std::size_t(i)].id == a.id);  // called, serving, done
  CHECK(rows[5].kind == "rating");
  CHECK(rows[5].id == rating.id);

  // What an upload carries: the record as it is now.
  SyncStore sync(*s.store, s.clock);
  const std::vector<OutboxRecord> pending = sync.pending(100).value();
  REQUIRE(pending.size() == 6);
  CHECK(pending[0].data["state"] == "done");
  CHECK(pending[0].data["ticket"] == a.label);
  CHECK(pending[5].data["ticket_id"] == a.id);
  CHECK(pending[5].data["score"] == 5);
  const SyncStatus status = sync.status().value();
  CHECK(status.pending == 6);
  CHECK(status.oldest_pending_age_ms.has_value());
  CHECK_FALSE(status.configured);
}

TEST_CASE("acknowledged rows are pruned, the numbering goes on, and acknowledgement never moves back") {
  TestStore s;
  for (int i = 0; i < 5; ++i) REQUIRE(s.engine->issue({"A", false, {}}).ok());
  SyncStore sync(*s.store, s.clock);
  REQUIRE(sync.acknowledge(5, 0).ok());
  CHECK(sync.status().value().pending == 0);
  CHECK(sync.pending(10).value().empty());
  CHECK(outbox(s.store->db()).size() == 1);  // the latest stays, so the next seq is 6
  REQUIRE(s.engine->issue({"A", false, {}}).ok());
  const std::vector<OutboxRecord> next = sync.pending(10).value();
  REQUIRE(next.size() == 1);
  CHECK(next[0].seq == 6);
  REQUIRE(sync.acknowledge(3, 0).ok());  // an old answer arriving late
  CHECK(sync.status().value().acked_through == 5);
  CHECK(sync.status().value().pending == 1);
}

TEST_CASE("a schema-3 store queues its earlier tickets and ratings once, in their order") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  const Ticket first = s.engine->issue({"A", false, {}}).value().ticket;
  const Ticket second = s.engine->issue({"A", false, {}}).value().ticket;
  REQUIRE(s.engine->call_next(1).ok());
  REQUIRE(s.engine->finish(1, Outcome::Resolved).ok());
  const Rating rating = RatingBook(*s.store, s.clock).rate(first.id, 4, {}).value();
  const std::unique_ptr<StoreDb> reopened = test::reopen_rolled_back(s, 3);
  const std::vector<OutboxRow> rows = outbox(reopened->db());
  REQUIRE(rows.size() == 3);
  check_gapless(rows, 1);
  CHECK(rows[0].id == first.id);
  CHECK(rows[1].id == second.id);
  CHECK(rows[2].id == rating.id);
  CHECK(SyncStore(*reopened, s.clock).status().value().incarnation.size() == 36);
}

TEST_CASE("the uploaded ticket record carries its QR token and the kiosk's language; a continuation no token") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  const Ticket zh = s.engine->issue({"A", false, {}, "zh"}).value().ticket;
  const Ticket en = s.engine->issue({"A", false, {}, "en"}).value().ticket;
  const Ticket unknown = s.engine->issue({"A", false, {}}).value().ticket;  // kioskctl without --lang
  const Result<IssuedTicket> bad = s.engine->issue({"A", false, {}, "fr"});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == "bad-language");
  REQUIRE(s.engine->call_next(1).value().id == zh.id);
  const Ticket continued = s.engine->transfer(1, "B").value();

  SyncStore sync(*s.store, s.clock);
  std::map<std::string, nlohmann::ordered_json> latest;  // each record as the upload carries it last
  for (const OutboxRecord& r : sync.pending(100).value())
    if (r.kind == "ticket") latest[r.id] = r.data;
  REQUIRE(latest.size() == 4);
  CHECK(latest.at(en.id)["token"] == en.token);
  CHECK(en.token.size() == 20);
  CHECK(latest.at(en.id)["language"] == "en");
  CHECK(latest.at(zh.id)["language"] == "zh");
  CHECK(latest.at(zh.id)["state"] == "transferred");
  CHECK(latest.at(unknown.id)["language"].is_null());
  CHECK(latest.at(continued.id)["token"].is_null());  // the paper's token stays with the visit's first ticket
  CHECK(latest.at(continued.id)["transferred_from"] == zh.id);
  CHECK(latest.at(continued.id)["language"] == "zh");  // the visit's language goes on
}
