// The live queue post of the store's sync round (sync/queue_post.h) through
// libcurl to a scripted HQ on 127.0.0.1: sent after the upload, its body as
// docs/public-pages.md has it (places, minutes, the phone only while HQ sends
// reminders), not sent again unchanged until 60 s passed while anyone waits,
// an empty queue once; a failing post never fails the round, an HQ that
// answers 404 is left alone for 10 minutes; what HQ took is kept in the
// store, so `kioskctl sync` follows the same rule, and says what became of
// the post; a new HQ is sent the queue again.
#include <doctest/doctest.h>

#include "http/sync_transport.h"
#include "integration/kioskctl_runner.h"
#include "scripted_hq_server.h"
#include "support/test_store.h"
#include "sync/sync_session.h"

using namespace kiosk;
using kiosk::test::ScriptedHqServer;
using kiosk::test::TestStore;
using Json = nlohmann::json;

namespace {

// A store syncing with the scripted HQ, a new session each round (as the sync worker runs them).
struct Syncing {
  Syncing() { REQUIRE(SyncStore(*s.store, s.clock).configure(hq.base_url(), "device-token").ok()); }
  SyncRoundReport round() {
    http::HttpSyncTransport transport(hq.base_url(), "device-token");
    SyncOptions options;
    options.attempts = 1;  // as the worker runs its rounds
    return SyncSession(*s.store, s.clock, transport, options).run_round();
  }
  std::vector<std::string> paths() const {
    std::vector<std::string> all;
    for (const test::ReceivedRequest& r : hq.received()) all.push_back(r.path);
    return all;
  }
  TestStore s;
  ScriptedHqServer hq;
};

}  // namespace

TEST_CASE("the round posts the live queue after its upload, again only when it changed or a minute passed") {
  Syncing f;
  test::give_public_page(*f.s.store, "https://q.example.com", true);
  REQUIRE(f.s.engine->open_counter(1, {"A"}).ok());
  const IssuedTicket first = f.s.engine->issue({"A", false, "13800138000", "zh"}).value();
  const IssuedTicket second = f.s.engine->issue({"A", false, {}, "en"}).value();
  const IssuedTicket third = f.s.engine->issue({"A", false, "13900139000", "en"}).value();

  SyncRoundReport report = f.round();
  CHECK(report.complete);
  CHECK(report.uploaded == 3);
  CHECK(report.queue.posted);
  CHECK(report.queue.tickets == 3);
  CHECK(f.paths() == std::vector<std::string>{"/sync/v1/upload", "/sync/v1/queue", "/sync/v1/changes"});
  REQUIRE(f.hq.queue_posts().size() == 1);
  const Json body = f.hq.queue_posts()[0];
  CHECK(body["business_day"] == f.s.engine->today());
  CHECK(body["at"] == f.s.clock.now_ms());
  REQUIRE(body["tickets"].size() == 3);
  const Json& t0 = body["tickets"][0];
  CHECK(t0["id"] == first.ticket.id);
  CHECK(t0["ahead"] == 0);
  CHECK(t0["wait_min"] == *first.ticket.estimated_wait_min);
  CHECK(t0["phone"] == "13800138000");
  CHECK(body["tickets"][1]["id"] == second.ticket.id);
  CHECK(body["tickets"][1]["ahead"] == 1);
  CHECK(body["tickets"][1]["wait_min"] == *second.ticket.estimated_wait_min);
  CHECK_FALSE(body["tickets"][1].contains("phone"));  // asked for no reminder
  CHECK(body["tickets"][2]["ahead"] == 2);
  CHECK(body["tickets"][2]["phone"] == "13900139000");

  // Nothing changed: no post, until a minute passed with people waiting.
  f.hq.forget();
  f.s.clock.advance_s(30);
  report = f.round();
  CHECK_FALSE(report.queue.posted);
  CHECK(report.queue.skipped == "unchanged");
  CHECK(f.paths() == std::vector<std::string>{"/sync/v1/changes"});
  f.s.clock.advance_s(31);
  CHECK(f.round().queue.posted);
  REQUIRE(f.hq.queue_posts().size() == 1);
  CHECK(f.hq.queue_posts()[0]["tickets"] == body["tickets"]);

  // A call changes it: posted at once, with the ticket gone and the others moved up.
  f.hq.forget();
  f.s.clock.advance_s(5);
  REQUIRE(f.s.engine->call_next(1).value().id == first.ticket.id);
  report = f.round();
  CHECK(report.uploaded == 1);
  CHECK(report.queue.posted);
  REQUIRE(f.hq.queue_posts().size() == 1);
  const Json moved = f.hq.queue_posts()[0]["tickets"];
  REQUIRE(moved.size() == 2);
  CHECK(moved[0]["id"] == second.ticket.id);
  CHECK(moved[0]["ahead"] == 0);

  // Reminders stop at HQ: the phones are no longer sent.
  f.hq.forget();
  test::give_public_page(*f.s.store, "https://q.example.com", false);
  CHECK(f.round().queue.posted);
  REQUIRE(f.hq.queue_posts().size() == 1);
  const Json without_phones = f.hq.queue_posts()[0];  // kept: a loop over a temporary's member would dangle
  for (const Json& t : without_phones["tickets"]) CHECK_FALSE(t.contains("phone"));

  // Nobody waits: one empty post (HQ clears the places it shows), then none, however long.
  REQUIRE(f.s.engine->cancel(second.ticket.label).ok());
  REQUIRE(f.s.engine->cancel(third.ticket.label).ok());
  f.hq.forget();
  report = f.round();
  CHECK(report.queue.posted);
  CHECK(report.queue.tickets == 0);
  REQUIRE(f.hq.queue_posts().size() == 1);
  CHECK(f.hq.queue_posts()[0]["tickets"] == Json::array());
  f.s.clock.advance_s(600);
  CHECK(f.round().queue.skipped == "unchanged");
  CHECK(f.hq.queue_posts().size() == 1);

  // Another HQ configured: it is sent the queue, however unchanged.
  REQUIRE(SyncStore(*f.s.store, f.s.clock).configure(f.hq.base_url(), "device-token").ok());
  CHECK(f.round().queue.posted);
  CHECK(f.hq.queue_posts().size() == 2);
}

TEST_CASE("a failing queue post never fails the round; an HQ without the endpoint is left alone for 10 minutes") {
  Syncing f;
  REQUIRE(f.s.engine->open_counter(1, {"A"}).ok());
  REQUIRE(f.s.engine->issue({"A", false, {}, "zh"}).ok());
  f.hq.answer_queue_with({500, 404});
  SyncRoundReport report = f.round();
  CHECK(report.complete);  // uploaded, feed read: the round went through
  CHECK_FALSE(report.error);
  CHECK(report.uploaded == 1);
  CHECK_FALSE(report.queue.posted);
  REQUIRE(report.queue.error);
  CHECK(SyncStore(*f.s.store, f.s.clock).status().value().last_error.empty());
  CHECK(SyncStore(*f.s.store, f.s.clock).status().value().pending == 0);

  // Not acknowledged: tried again next round, unchanged as it is. This HQ has no such endpoint.
  f.s.clock.advance_s(30);
  report = f.round();
  CHECK(report.complete);
  REQUIRE(report.queue.error);
  CHECK(report.queue.error->message.find("404") != std::string::npos);
  CHECK(f.hq.queue_posts().size() == 2);

  // Skipped for 10 minutes, even with a new ticket; then asked again.
  REQUIRE(f.s.engine->issue({"A", false, {}, "zh"}).ok());
  f.hq.forget();
  f.s.clock.advance_s(9 * 60);
  report = f.round();
  CHECK(report.complete);
  CHECK(report.uploaded == 1);
  CHECK(report.queue.skipped == "old-hq");
  CHECK(f.paths() == std::vector<std::string>{"/sync/v1/upload", "/sync/v1/changes"});
  f.s.clock.advance_s(61);
  report = f.round();
  CHECK(report.queue.posted);
  REQUIRE(f.hq.queue_posts().size() == 1);
  CHECK(f.hq.queue_posts()[0]["tickets"].size() == 2);
}

TEST_CASE("kioskctl sync follows the same rule and says what became of the post; a no-op stays one request") {
  Syncing f;
  REQUIRE(f.s.engine->open_counter(1, {"A"}).ok());
  REQUIRE(f.s.engine->issue({"A", false, {}, "en"}).ok());
  const test::Reply posted = test::kioskctl(f.s.dir.path(), {"sync"});
  CHECK(posted.exit_code == 0);
  CHECK(posted.body["uploaded"] == 1);
  CHECK(posted.body["queue"]["posted"] == true);
  CHECK(posted.body["queue"]["tickets"] == 1);
  const test::Reply noop = test::kioskctl(f.s.dir.path(), {"sync"});  // HQ holds this queue already
  CHECK(noop.body["queue"]["skipped"] == "unchanged");
  CHECK(noop.body["requests"] == 1);  // the feed alone

  REQUIRE(f.s.engine->issue({"A", false, {}, "zh"}).ok());
  f.hq.answer_queue_with({404});
  const test::Reply refused = test::kioskctl(f.s.dir.path(), {"sync"});
  CHECK(refused.exit_code == 0);  // the post is no part of the round's outcome
  CHECK(refused.body["queue"]["posted"] == false);
  CHECK(refused.body["queue"]["error"].get<std::string>().find("404") != std::string::npos);
  REQUIRE(f.s.engine->issue({"A", false, {}, "zh"}).ok());
  const test::Reply left_alone = test::kioskctl(f.s.dir.path(), {"sync"});
  CHECK(left_alone.body["queue"]["skipped"] == "old-hq");
  CHECK(left_alone.body["requests"] == 2);  // the upload and the feed
}
