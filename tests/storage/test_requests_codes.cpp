// Request codes on a real store: 100,000 created (in batches of 10,000 per
// transaction, through the same insert as RequestBook::create), none twice,
// none with an ambiguous character; a code already in use is never reused.
#include <doctest/doctest.h>

#include <set>

#include "requests/request_validation.h"
#include "test_requests_fixture.h"

using namespace kiosk;
using kiosk::test::RequestStore;
using kiosk::test::valid_form;

TEST_CASE("100,000 request codes: no collision, none containing 0, O, 1, I or L") {
  RequestStore s;
  Database& db = s.store->db();
  db.exec("PRAGMA cache_size = -65536");  // 64 MiB: a 10,000-request batch stays in memory until it commits
  const Request draft =
      validate_request(valid_form(), load_product_catalog(db), s.store->zone(), s.clock.now_ms()).value();
  constexpr int kBatches = 10, kPerBatch = 10000;
  std::set<std::string> codes;
  for (int b = 0; b < kBatches; ++b) {
    Transaction tx(db);
    for (int i = 0; i < kPerBatch; ++i)
      codes.insert(insert_request(db, draft, "bench", s.clock.now_ms(), new_request_code).code);
    tx.commit();
  }
  CHECK(codes.size() == kBatches * kPerBatch);
  CHECK(s.rows("request") == kBatches * kPerBatch);
  Statement& distinct = db.prepare("SELECT count(DISTINCT code) FROM request");
  REQUIRE(distinct.step());
  CHECK(distinct.int64(0) == kBatches * kPerBatch);
  distinct.reset();
  for (const std::string& code : codes) {
    REQUIRE(code.size() == 8);
    REQUIRE(code.find_first_of("0O1IL", 1) == std::string::npos);
    REQUIRE(normalize_request_code(code) == code);
  }
}

TEST_CASE("a code already used in the store is drawn again, not stored twice") {
  RequestStore s;
  std::vector<std::string> drawn{"R222-222", "R222-222", "R222-222", "R333-333"};
  std::size_t next = 0;
  RequestBook book(*s.store, s.clock, [&] { return drawn.at(next++); });
  CHECK(book.create(valid_form(), "customer").value().code == "R222-222");
  CHECK(book.create(valid_form(), "customer").value().code == "R333-333");  // two draws collided
  CHECK(next == 4);

  std::vector<std::string> always{"R444-444"};
  RequestBook stuck(*s.store, s.clock, [&] { return always[0]; });
  REQUIRE(stuck.create(valid_form(), "customer").ok());
  const Result<Request> exhausted = stuck.create(valid_form(), "customer");
  REQUIRE_FALSE(exhausted.ok());
  CHECK(exhausted.error().kind == ErrorKind::Storage);
  CHECK(s.rows("request") == 3);
}
