// Schema 5 on a store written by schema 4: the outbox is rebuilt to admit
// requests with every pending row kept (same seq, kind, record), the ticket
// triggers still queue tickets after the rebuild, and requests and their
// events are queued in their own transaction.
#include <doctest/doctest.h>

#include <tuple>

#include "schema_rollback.h"
#include "store/schema.h"
#include "test_requests_fixture.h"

using namespace kiosk;
using kiosk::test::RequestStore;
using kiosk::test::valid_form;

namespace {

using OutboxRow = std::tuple<std::int64_t, std::string, std::string>;

std::vector<OutboxRow> outbox(Database& db) {
  Statement& q = db.prepare("SELECT seq, kind, record_id FROM outbox ORDER BY seq");
  std::vector<OutboxRow> rows;
  while (q.step()) rows.emplace_back(q.int64(0), q.text(1), q.text(2));
  q.reset();
  return rows;
}

}  // namespace

TEST_CASE("a schema-4 store keeps its pending outbox through schema 5, and requests join it") {
  RequestStore s;
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  REQUIRE(s.engine->issue({"A", false, {}}).ok());
  REQUIRE(s.engine->call_next(1).ok());
  const std::vector<OutboxRow> before = outbox(s.store->db());
  REQUIRE(before.size() == 2);
  const std::unique_ptr<StoreDb> reopened = test::reopen_rolled_back(s, 4);
  StoreDb& store = *reopened;
  CHECK(outbox(store.db()) == before);

  QueueEngine engine(store, s.clock);
  const Ticket issued = engine.issue({"A", false, {}}).value().ticket;
  std::vector<OutboxRow> after = outbox(store.db());
  REQUIRE(after.size() == 3);
  CHECK(after[2] == OutboxRow{3, "ticket", issued.id});

  {
    Transaction tx(store.db());
    store_product_catalog(store.db(), read_product_catalog_file(kiosk::test::default_products_path()).value());
    tx.commit();
  }
  const Request r = RequestBook(store, s.clock).create(valid_form(), "customer").value();
  after = outbox(store.db());
  REQUIRE(after.size() == 5);
  CHECK(after[3] == OutboxRow{4, "request", r.id});
  CHECK(after[4] == OutboxRow{5, "request_event", r.events[0].id});
  CHECK_THROWS_AS(store.db().exec("INSERT INTO outbox(kind, record_id, created_at) VALUES ('parcel', 'x', 0)"),
                  SqliteError);
}

TEST_CASE("a catalogue stored before problems had kinds: its install-* problems become installation ones") {
  RequestStore s;  // the default catalogue, stored
  const std::unique_ptr<StoreDb> reopened = test::reopen_rolled_back(s, latest_schema_version() - 1);
  Database& db = reopened->db();
  auto kinds_of = [&](const std::string& code) {
    Statement& q = db.prepare("SELECT kinds FROM problem_category WHERE code = ?1");
    q.bind(1, code);
    REQUIRE(q.step());
    const std::string kinds = q.text(0);
    q.reset();
    return kinds;
  };
  CHECK(kinds_of("install-relocate") == "installation");
  CHECK(kinds_of("install-new") == "installation");
  CHECK(kinds_of("no-power") == "repair");
  CHECK(kinds_of("other") == "repair");
  const std::vector<ProductCategory> products = load_product_catalog(db);
  const auto tv =
      std::find_if(products.begin(), products.end(), [](const ProductCategory& p) { return p.code == "tv"; });
  REQUIRE(tv != products.end());
  CHECK(offered_for(*tv, RequestKind::Installation));
}
