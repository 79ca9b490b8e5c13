// The product catalogue file: problems defined first, products listing them;
// every mistake refused naming its line.
#include <doctest/doctest.h>

#include "store/product_catalog.h"

using namespace kiosk;

namespace {

const std::string kProblems =
    "# problems\n"
    "{\"problem\":\"no-power\",\"zh\":\"无法开机\",\"en\":\"Won't power on\"}\n"
    "{\"problem\":\"other\",\"zh\":\"其他\",\"en\":\"Other\"}\n";

std::string error_of(const std::string& text) {
  Result<std::vector<ProductCategory>> parsed = parse_product_catalog(text, "p.jsonl");
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.error().kind == ErrorKind::InvalidArgument);
  return parsed.error().message;
}

}  // namespace

TEST_CASE("products with their problems in the order given") {
  const auto parsed = parse_product_catalog(
      kProblems +
          "\n{\"product\":\"tv\",\"zh\":\"电视\",\"en\":\"Televisions\",\"problems\":[\"other\",\"no-power\"]}\n",
      "p.jsonl");
  REQUIRE(parsed.ok());
  REQUIRE(parsed.value().size() == 1);
  const ProductCategory& tv = parsed.value()[0];
  CHECK(tv.code == "tv");
  CHECK(tv.name_zh == "电视");
  REQUIRE(tv.problems.size() == 2);
  CHECK(tv.problems[0].code == "other");
  CHECK(tv.problems[1].name_zh == "无法开机");
}

TEST_CASE("mistakes are refused naming the line") {
  const std::string tv = "{\"product\":\"tv\",\"zh\":\"电视\",\"en\":\"TV\",\"problems\":[\"no-power\"]}\n";
  CHECK(error_of(kProblems + "{\"product\":\"tv\",\"zh\":\"电视\",\"en\":\"TV\",\"problems\":[\"smoke\"]}\n") ==
        "p.jsonl line 4: problem \"smoke\" is not defined on an earlier line");
  CHECK(error_of(kProblems + tv + tv) == "p.jsonl line 5: product tv appears twice");
  CHECK(error_of(kProblems + "{\"product\":\"tv\",\"zh\":\"电视\",\"en\":\"TV\",\"problems\":[]}\n") ==
        "p.jsonl line 4: problems must be a non-empty list of problem codes");
  CHECK(error_of(kProblems + "{\"product\":\"TV\",\"zh\":\"电视\",\"en\":\"TV\",\"problems\":[\"other\"]}\n") ==
        "p.jsonl line 4: product code \"TV\" may hold only a-z, 0-9 and '-'");
  CHECK(error_of(kProblems + "{\"product\":\"tv\",\"zh\":\"电视\",\"en\":\"TV\",\"problems\":[\"other\"],\"x\":1}\n") ==
        "p.jsonl line 4: unknown key \"x\"");
  CHECK(error_of(kProblems + "{\"problem\":\"other\",\"zh\":\"其他\",\"en\":\"Other\"}\n" + tv) ==
        "p.jsonl line 4: problem other appears twice");
  CHECK(error_of(kProblems + "{\"problem\":\"p\",\"zh\":\"\",\"en\":\"Other\"}\n" + tv) ==
        "p.jsonl line 4: zh is empty");
  CHECK(error_of(kProblems + "[1,2]\n") ==
        "p.jsonl line 4: expected a {\"problem\": ...} or {\"product\": ...} object");
  CHECK(error_of(kProblems + "{not json\n") == "p.jsonl line 4: not valid JSON");
  CHECK(error_of(kProblems) == "p.jsonl: no products (expected one JSON object per line)");
}

TEST_CASE("a problem's kinds: repairs by default, installations or both when listed; anything else refused") {
  const auto parsed = parse_product_catalog(
      kProblems +
          "{\"problem\":\"install-new\",\"zh\":\"新机安装\",\"en\":\"New installation\",\"kinds\":[\"installation\"]}\n"
          "{\"problem\":\"visit\",\"zh\":\"上门\",\"en\":\"A visit\",\"kinds\":[\"repair\",\"installation\"]}\n"
          "{\"product\":\"tv\",\"zh\":\"电视\",\"en\":\"Televisions\",\"problems\":[\"no-power\",\"install-new\","
          "\"visit\"]}\n"
          "{\"product\":\"phone\",\"zh\":\"手机\",\"en\":\"Phones\",\"problems\":[\"no-power\"]}\n",
      "p.jsonl");
  REQUIRE(parsed.ok());
  const ProductCategory& tv = parsed.value()[0];
  CHECK(tv.problems[0].for_repair);
  CHECK_FALSE(tv.problems[0].for_installation);
  CHECK_FALSE(tv.problems[1].for_repair);
  CHECK(tv.problems[1].for_installation);
  CHECK(tv.problems[2].for_repair);
  CHECK(tv.problems[2].for_installation);
  CHECK(problems_for(tv, RequestKind::Installation).size() == 2);
  CHECK(problems_for(tv, RequestKind::Repair).size() == 2);
  CHECK(offered_for(tv, RequestKind::Installation));
  CHECK_FALSE(offered_for(parsed.value()[1], RequestKind::Installation));  // a phone is not installed
  CHECK(error_of(kProblems + "{\"problem\":\"x\",\"zh\":\"x\",\"en\":\"x\",\"kinds\":[\"fitting\"]}\n") ==
        "p.jsonl line 4: kinds may hold only \"repair\" and \"installation\"");
  CHECK(error_of(kProblems + "{\"problem\":\"x\",\"zh\":\"x\",\"en\":\"x\",\"kinds\":[]}\n") ==
        "p.jsonl line 4: kinds must be a non-empty list of \"repair\" and \"installation\"");
}
