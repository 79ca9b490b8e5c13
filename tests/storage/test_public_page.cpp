// HQ's public page settings as the store keeps them from the feed
// (sync/public_page.h): none until HQ sends them, the latest change wins, a
// value the store cannot use is no page (and never stops the feed), and the
// addresses the kiosk's QR codes hold.
#include <doctest/doctest.h>

#include "support/test_store.h"
#include "sync/public_page.h"

using namespace kiosk;
using kiosk::test::TestStore;

TEST_CASE("no settings from HQ: no page, no reminders; the latest public_page change is the one read") {
  TestStore s;
  PublicPage page = read_public_page(s.store->db()).value();
  CHECK_FALSE(page.has_page());
  CHECK_FALSE(page.reminders);
  CHECK(ticket_page_url(page, "7QK2M9XD4R8PABCDEFGH").empty());
  CHECK(request_lookup_url(page, "R7K2-9QX").empty());

  test::give_public_page(*s.store, "https://q.example.com", true);
  page = read_public_page(s.store->db()).value();
  CHECK(page.public_url == "https://q.example.com");
  CHECK(page.reminders);
  CHECK(ticket_page_url(page, "7QK2M9XD4R8PABCDEFGH") == "https://q.example.com/t/7QK2M9XD4R8PABCDEFGH");
  CHECK(request_lookup_url(page, "R7K2-9QX") == "https://q.example.com/r/?code=R7K2-9QX");
  CHECK(ticket_page_url(page, "").empty());  // a continuation has no token of its own

  test::give_public_page(*s.store, "http://10.0.0.5:8800/queue", false);
  page = public_page_or_none(s.store->db());
  CHECK(page.public_url == "http://10.0.0.5:8800/queue");
  CHECK_FALSE(page.reminders);

  test::give_public_page(*s.store, "", false);  // HQ removed its address
  CHECK_FALSE(public_page_or_none(s.store->db()).has_page());
}

TEST_CASE("settings the store cannot use are no page; the feed still takes them") {
  const std::vector<std::string> unusable{
      R"({"public_url": "ftp://q.example.com", "reminders": true})",
      R"({"public_url": "https://q.example.com/", "reminders": true})",
      R"({"public_url": "https://", "reminders": true})",
      R"({"public_url": "https://q.example.com/a b", "reminders": true})",
      R"({"public_url": 42, "reminders": true})",
      R"({"public_url": "https://q.example.com/\u00e9", "reminders": true})",
      R"({"public_url": ")" + std::string(600, 'x') + R"(", "reminders": true})",
  };
  for (const std::string& data : unusable) {
    CAPTURE(data);
    TestStore s;
    test::apply_feed_change(*s.store, "public_page", "settings", data);
    const PublicPage page = read_public_page(s.store->db()).value();
    CHECK_FALSE(page.has_page());
    CHECK(page.reminders);  // reminders are HQ's word, whatever its address
  }
  TestStore s;
  test::apply_feed_change(*s.store, "public_page", "settings", R"({"public_url": "https://q.example.com"})");
  CHECK_FALSE(read_public_page(s.store->db()).value().reminders);  // missing: off
  test::apply_feed_change(*s.store, "public_page", "settings", R"({"public_url": null, "reminders": "yes"})");
  CHECK_FALSE(read_public_page(s.store->db()).value().reminders);  // not a boolean: off
}
