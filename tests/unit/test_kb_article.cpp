// Help articles (docs/help-articles.md): the default set that ships
// (assets/kb-default.jsonl) reads cleanly against the shipped catalogues, and
// the checker refuses each kind of mistake with a message naming the field.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "kb/kb_article.h"
#include "store/catalog.h"
#include "store/product_catalog.h"

using namespace kiosk;
using nlohmann::json;

namespace {

const std::string kAssets = KIOSK_ASSETS_DIR;

std::vector<KbArticle> default_articles() {
  Result<std::vector<KbArticle>> articles = read_kb_article_file(kAssets + "/kb-default.jsonl");
  if (!articles.ok()) FAIL(articles.error().message);
  return std::move(articles).value();
}

// An article the checker takes; each test spoils one field of it.
json good_article() {
  return {
      {"id", "tv-no-signal"},
      {"service", "C"},
      {"product", "tv"},
      {"sort", 10},
      {"zh",
       {{"title", "电视显示“无信号”怎么办？"},
        {"answer", "多数是信号源选错了。"},
        {"steps", json::array({"按信号源键"})}}},
      {"en",
       {{"title", "Why does my TV say \"No signal\"?"}, {"answer", "Usually the input."}, {"steps", json::array()}}},
      {"active", true}};
}

std::string refusal(const json& article) {
  Result<KbArticle> parsed = parse_kb_article(article);
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.error().kind == ErrorKind::InvalidArgument);
  CHECK(parsed.error().code == "bad-article");
  return parsed.error().message;
}

std::string refusal_of_lines(const std::string& text) {
  Result<std::vector<KbArticle>> parsed = parse_kb_article_lines(text);
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.error().code == "bad-article");
  return parsed.error().message;
}

std::string repeated(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

}  // namespace

TEST_CASE("the default articles read cleanly and name the shipped services and products") {
  const std::vector<KbArticle> articles = default_articles();
  CHECK(articles.size() >= 24);

  Result<std::vector<Service>> services = read_catalog_file(kAssets + "/catalog-default.jsonl");
  REQUIRE(services.ok());
  Result<std::vector<ProductCategory>> products = read_product_catalog_file(kAssets + "/products-default.jsonl");
  REQUIRE(products.ok());
  std::set<std::string> service_codes, product_codes;
  for (const Service& service : services.value()) service_codes.insert(service.code);
  for (const ProductCategory& product : products.value()) product_codes.insert(product.code);

  std::set<std::string> ids, products_with_articles;
  int general = 0;
  for (const KbArticle& article : articles) {
    CAPTURE(article.id);
    CHECK(ids.insert(article.id).second);
    CHECK(service_codes.count(article.service) == 1);
    CHECK(article.active);
    CHECK(article.zh.steps.size() <= 6);  // the default set keeps to six steps an article
    CHECK(article.zh.steps.size() == article.en.steps.size());
    if (article.product) {
      CHECK(product_codes.count(*article.product) == 1);
      products_with_articles.insert(*article.product);
    } else {
      ++general;
    }
  }
  CHECK(products_with_articles == product_codes);  // every product has a tile on the Help screen
  CHECK(general > 0);
  CHECK(ids.count("ac-not-cooling") == 1);
  CHECK(ids.count("opening-hours") == 1);
}

TEST_CASE("a good article is read with its defaults") {
  Result<KbArticle> article = parse_kb_article(good_article());
  REQUIRE(article.ok());
  CHECK(article.value().product == std::optional<std::string>("tv"));
  CHECK(article.value().zh.steps.size() == 1);
  CHECK(article.value().text(true).title == "Why does my TV say \"No signal\"?");

  json bare = good_article();
  bare.erase("product");
  bare.erase("sort");
  bare.erase("active");
  bare["zh"].erase("steps");
  Result<KbArticle> general = parse_kb_article(bare);
  REQUIRE(general.ok());
  CHECK_FALSE(general.value().product);
  CHECK(general.value().sort == 100);
  CHECK(general.value().active);
  CHECK(general.value().zh.steps.empty());
}

TEST_CASE("the checker refuses a mistake naming the field") {
  const std::string bad_id = "id must be 1-64 of a-z, 0-9 and '-', starting with a letter or digit";
  for (const json& id : {json("TV-no-signal"), json("-tv"), json(""), json(std::string(65, 'a')), json(7)}) {
    json article = good_article();
    article["id"] = id;
    CHECK(refusal(article) == bad_id);
  }
  json no_id = good_article();
  no_id.erase("id");
  CHECK(refusal(no_id) == bad_id);

  json no_zh = good_article();
  no_zh.erase("zh");
  CHECK(refusal(no_zh) == "tv-no-signal: zh must be an object");

  json empty_title = good_article();
  empty_title["zh"]["title"] = "";
  CHECK(refusal(empty_title) == "tv-no-signal: zh.title is empty");

  json long_title = good_article();
  long_title["zh"]["title"] = repeated("空", 61);  // 61 characters, 183 bytes
  CHECK(refusal(long_title) == "tv-no-signal: zh.title is 61 characters long; at most 60 are allowed");
  long_title["zh"]["title"] = repeated("空", 60);
  CHECK(parse_kb_article(long_title).ok());
  long_title["en"]["title"] = std::string(61, 'a');
  CHECK(refusal(long_title) == "tv-no-signal: en.title is 61 characters long; at most 60 are allowed");

  json steps = good_article();
  steps["en"]["steps"] = json::array();
  for (int i = 0; i < 12; ++i) steps["en"]["steps"].push_back("Step " + std::to_string(i + 1));
  CHECK(parse_kb_article(steps).ok());
  steps["en"]["steps"].push_back("Step 13");
  CHECK(refusal(steps) == "tv-no-signal: en.steps must be a list of at most 12 steps");
  json empty_step = good_article();
  empty_step["zh"]["steps"] = json::array({"按信号源键", ""});
  CHECK(refusal(empty_step) == "tv-no-signal: a step of zh.steps is empty");

  json emoji = good_article();
  emoji["en"]["answer"] = "Usually the input \xF0\x9F\x98\x80";
  CHECK(refusal(emoji) ==
        "tv-no-signal: en.answer contains a character the kiosk cannot show or print, such as an emoji (U+1F600)");
  json celsius = good_article();
  celsius["zh"]["steps"] = json::array({"冷藏室设在 4℃"});  // the ℃ sign is not drawn; write 度 or °C
  CHECK(refusal(celsius) ==
        "tv-no-signal: a step of zh.steps contains a character the kiosk cannot show or print, such as an emoji "
        "(U+2103)");
  celsius["zh"]["steps"] = json::array({"冷藏室设在 4°C，冷冻室设在零下 18 度"});
  CHECK(parse_kb_article(celsius).ok());
  json newline = good_article();
  newline["zh"]["answer"] = "第一行\n第二行";
  CHECK(parse_kb_article(newline).ok());  // the answer may hold lines; a title may not
  newline["zh"]["title"] = "第一行\n第二行";
  CHECK(refusal(newline) == "tv-no-signal: zh.title contains a control character (U+000A)");

  for (const json& service : {json("c"), json("CD"), json(""), json(3), json(nullptr)}) {
    json article = good_article();
    article["service"] = service;
    CHECK(refusal(article) == "tv-no-signal: service must be a service code (one capital letter)");
  }
  json product = good_article();
  product["product"] = "Air Conditioner";
  CHECK(refusal(product) == "tv-no-signal: product must be a product code or null");
  json sort = good_article();
  sort["sort"] = 10000;
  CHECK(refusal(sort) == "tv-no-signal: sort must be an integer from 0 to 9999");
  json active = good_article();
  active["active"] = "yes";
  CHECK(refusal(active) == "tv-no-signal: active must be true or false");
  CHECK(refusal(json::array()) == "an article must be a JSON object");
}

TEST_CASE("a file of articles: the first bad line fails it, named by its number") {
  const std::string line = good_article().dump() + "\n";
  json other = good_article();
  other["id"] = "tv-remote";
  const std::string header = "# help\n\n";

  Result<std::vector<KbArticle>> two = parse_kb_article_lines(header + line + other.dump() + "\n");
  REQUIRE(two.ok());
  CHECK(two.value().size() == 2);

  CHECK(refusal_of_lines(header + line + other.dump() + "\n" + line) == "line 5: tv-no-signal appears twice");
  CHECK(refusal_of_lines(header + "{\"id\": \"tv\",\n" + line) == "line 3: not valid JSON");
  json empty_title = good_article();
  empty_title["en"]["title"] = "";
  CHECK(refusal_of_lines(line + empty_title.dump() + "\n") == "line 2: tv-no-signal: en.title is empty");

  Result<std::vector<KbArticle>> missing = read_kb_article_file(kAssets + "/no-such-file.jsonl");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message == kAssets + "/no-such-file.jsonl: cannot be read");
}

TEST_CASE("kb_article_json round-trips every default article") {
  for (const KbArticle& article : default_articles()) {
    CAPTURE(article.id);
    const nlohmann::ordered_json written = kb_article_json(article);
    Result<KbArticle> again = parse_kb_article(json::parse(written.dump()));
    REQUIRE(again.ok());
    CHECK(kb_article_json(again.value()) == written);
    CHECK(again.value().product == article.product);
    CHECK(again.value().zh.steps == article.zh.steps);
    CHECK(again.value().en.answer == article.en.answer);
  }

  json retired = good_article();
  retired.erase("product");
  retired["active"] = false;
  Result<KbArticle> article = parse_kb_article(retired);
  REQUIRE(article.ok());
  const nlohmann::ordered_json written = kb_article_json(article.value());
  CHECK(
      written.dump() ==
      R"({"id":"tv-no-signal","service":"C","product":null,"sort":10,)"
      R"("zh":{"title":"电视显示“无信号”怎么办？","answer":"多数是信号源选错了。","steps":["按信号源键"]},)"
      R"("en":{"title":"Why does my TV say \"No signal\"?","answer":"Usually the input.","steps":[]},"active":false})");
}
