// A help article for the customer's phone (docs/help-articles.md, "The phone
// page"; docs/public-pages.md) against a real hq over HTTP: GET /k/ID/json
// answers an active article's two languages with the public headers, an ETag
// (304 when unchanged, a new one after an edit) and a minute's max-age; an
// unknown or retired id is 404 unknown-article and counts as a guess, so past
// 20 a minute from one address everything public is 429 for it; the page
// itself is the same static file for every id.
#include <doctest/doctest.h>

#include <fstream>

#include "core/random_id.h"
#include "hq/hq_fixture.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

Json article(const std::string& id, const std::string& zh_title, bool active = true) {
  return Json{
      {"id", id},
      {"service", "C"},
      {"product", "washing-machine"},
      {"sort", 20},
      {"zh",
       {{"title", zh_title}, {"answer", "先检查排水管。\n仍不排水请取号。"}, {"steps", {"关机断电", "清理过滤器"}}}},
      {"en", {{"title", "The washer will not drain"}, {"answer", "Check the drain hose."}, {"steps", Json::array()}}},
      {"active", active}};
}

struct ArticleHq {
  HqFixture hq;
  ArticleHq() {
    import({article("washer-not-draining", "洗衣机不排水"), article("old-offer", "双十一活动", false)});
    hq.start();
  }
  void import(const std::vector<Json>& articles) {
    const std::string path = hq.dir.file("articles-" + new_uuid() + ".jsonl");
    std::ofstream file(path);
    for (const Json& a : articles) file << a.dump() << "\n";
    file.close();
    REQUIRE(hq.hq({"kb", "import", path}).exit_code == 0);
  }
  HqAnswer read(const std::string& id, const httplib::Headers& headers = {}) {
    return hq.get("", "/k/" + id + "/json", headers);
  }
};

void check_public_headers(const HqAnswer& a, const std::string& cache_control) {
  CHECK(a.header("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
  CHECK(a.header("Referrer-Policy") == "no-referrer");
  CHECK(a.header("X-Frame-Options") == "DENY");
  CHECK(a.header("X-Content-Type-Options") == "nosniff");
  CHECK(a.header("Cache-Control") == cache_control);
}

}  // namespace

TEST_CASE("an active article's phone answer: both languages, the public headers, an ETag, kept a minute") {
  ArticleHq a;
  const HqAnswer read = a.read("washer-not-draining");
  REQUIRE_MESSAGE(read.status == 200, read.raw);
  check_public_headers(read, "max-age=60");
  CHECK(read.body == Json{{"id", "washer-not-draining"},
                          {"zh", article("washer-not-draining", "洗衣机不排水")["zh"]},
                          {"en", article("washer-not-draining", "洗衣机不排水")["en"]}});
  const std::string etag = read.header("ETag");
  REQUIRE(!etag.empty());

  const HqAnswer unchanged = a.read("washer-not-draining", {{"If-None-Match", etag}});
  CHECK(unchanged.status == 304);
  CHECK(unchanged.raw.empty());
  check_public_headers(unchanged, "max-age=60");

  a.import({article("washer-not-draining", "洗衣机不排水怎么办？")});
  const HqAnswer edited = a.read("washer-not-draining", {{"If-None-Match", etag}});
  REQUIRE(edited.status == 200);
  CHECK(edited.body["zh"]["title"] == "洗衣机不排水怎么办？");
  CHECK(edited.header("ETag") != etag);

  // The default set HQ started with is served too.
  CHECK(a.read("ac-not-cooling").status == 200);
}

TEST_CASE("an unknown or retired article is 404 unknown-article, never kept; the page is served for any id") {
  ArticleHq a;
  for (const std::string id : {"no-such-article", "old-offer", "NOT%20AN%20ID"}) {
    const HqAnswer gone = a.read(id);
    CHECK_MESSAGE(gone.status == 404, id);
    CHECK(gone.error_code() == "unknown-article");
    check_public_headers(gone, "no-store");
  }
  a.import({article("washer-not-draining", "洗衣机不排水", false)});  // retired after it was read
  CHECK(a.read("washer-not-draining").status == 404);

  for (const std::string id : {"washer-not-draining", "no-such-article"}) {
    const HqAnswer page = a.hq.get("", "/k/" + id + "?lang=en");
    CHECK(page.status == 200);
    CHECK(page.header("Content-Type").find("text/html") == 0);
    CHECK(page.raw.find("/p/article.js") != std::string::npos);
    CHECK(page.header("Content-Security-Policy").find("script-src 'self'") != std::string::npos);
  }
}

TEST_CASE("unknown articles count as guesses: past 20 a minute from one address its public reads are 429") {
  ArticleHq a;
  const httplib::Headers guesser{{"X-Forwarded-For", "198.51.100.9"}};
  for (int i = 0; i < 20; ++i) REQUIRE(a.read("guess-" + std::to_string(i), guesser).status == 404);
  const HqAnswer slowed = a.read("washer-not-draining", guesser);
  CHECK(slowed.status == 429);
  CHECK(slowed.error_code() == "slowed-down");
  CHECK(std::stoi(slowed.header("Retry-After")) > 0);
  CHECK(a.hq.get("", "/t/" + random_token(20) + "/status", guesser).status == 429);  // one limit for every guess
  CHECK(a.read("washer-not-draining", {{"X-Forwarded-For", "198.51.100.10"}}).status == 200);
}
