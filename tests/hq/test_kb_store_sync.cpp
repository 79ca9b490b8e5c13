// Help articles between HQ and a real store (kioskctl sync over HTTP): an
// article HQ edits or retires reaches the store's kiosk with the next sync, and
// what the store's customers read, answered and took a number for comes back
// as kb_use records and is counted once each in HQ's help report.
#include <doctest/doctest.h>

#include <fstream>

#include "core/clock.h"
#include "hq/hq_fixture.h"
#include "hq/synced_store.h"
#include "kb/kb_book.h"
#include "store/store_db.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

std::string title_at_store(const std::string& data, const std::string& id) {
  const CtlReply listed = kioskctl(data, {"kb", "list"});
  for (const Json& article : listed.body["articles"])
    if (article["id"] == id) return article["zh"];
  return "(not listed)";
}

}  // namespace

TEST_CASE("an article HQ edits or retires reaches the store; the store's uses are counted once in HQ's report") {
  HqFixture hq;
  hq.start();
  SyncedStore store(hq);
  std::vector<KbArticle> shipped = read_kb_article_file(std::string(KIOSK_ASSETS_DIR) + "/kb-default.jsonl").value();
  REQUIRE(shipped.size() >= 2);
  KbArticle edited = shipped[0];
  KbArticle retired = shipped[1];
  edited.zh.title = "空调不制冷？先自己查三处";
  retired.active = false;
  const std::string file = hq.dir.file("edited.jsonl");
  std::ofstream(file) << kb_article_json(edited).dump() << "\n" << kb_article_json(retired).dump() << "\n";
  REQUIRE(hq.hq({"kb", "import", file}).exit_code == 0);

  CHECK(title_at_store(store.data, edited.id) == shipped[0].zh.title);  // seeded, not yet synced
  REQUIRE_MESSAGE(kioskctl(store.data, {"sync"}).exit_code == 0, "the store syncs");
  CHECK(title_at_store(store.data, edited.id) == "空调不制冷？先自己查三处");
  CHECK(title_at_store(store.data, retired.id) == "(not listed)");

  {
    auto db = StoreDb::open(store.data);
    REQUIRE(db.ok());
    SystemClock clock;
    KbBook book(*db.value(), clock);
    const std::string helped = book.opened(edited.id, KbSource::Search, false).value();
    REQUIRE(book.answered(helped, true));
    const std::string not_helped = book.opened(edited.id, KbSource::Browse, true).value();
    REQUIRE(book.answered(not_helped, false));
    REQUIRE(book.ticket_taken({not_helped}, "C001"));
    (void)book.opened(shipped[2].id, KbSource::Ticket, false).value();  // opened, not answered
  }
  const CtlReply synced = kioskctl(store.data, {"sync"});
  REQUIRE_MESSAGE(synced.exit_code == 0, synced.body.dump());
  CHECK(synced.body["parked"] == 0);

  const HqCommand report = hq.hq({"report", "help", "--from", "2026-11-23", "--to", "2026-11-23", "--store", "S1"});
  REQUIRE(report.exit_code == 0);
  const Json& total = report.lines.at(0)["total"];
  CHECK(total["views"] == 3);
  CHECK(total["helpful"] == 1);
  CHECK(total["not_helpful"] == 1);
  CHECK(total["answered_without_ticket"] == 1);
  bool counted = false;
  for (const Json& article : report.lines.at(0)["articles"])
    if (article["id"] == edited.id) counted = article["views"] == 2 && article["helpful"] == 1;
  CHECK(counted);
}
