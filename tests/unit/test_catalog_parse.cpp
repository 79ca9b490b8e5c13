// Catalogue files: the shipped default parses; every kind of mistake is
// refused with a message naming the line.
#include <doctest/doctest.h>

#include "store/catalog.h"
#include "support/test_store.h"

using kiosk::parse_catalog;

namespace {
std::string error_of(const std::string& text) {
  auto result = parse_catalog(text, "cat.jsonl");
  REQUIRE_FALSE(result.ok());
  return result.error().message;
}
constexpr const char* kGood = R"({"code":"A","zh":"咨询","en":"Consultation"})";
}  // namespace

TEST_CASE("the default catalogue has the eight services of a service hall") {
  auto result = kiosk::read_catalog_file(kiosk::test::default_catalog_path());
  REQUIRE(result.ok());
  REQUIRE(result.value().size() == 8);
  CHECK(result.value()[0].name_zh == "咨询");
  CHECK(result.value()[6].priority_allowed == false);
  CHECK(result.value()[7].sort_order == 7);
}

TEST_CASE("comments, blank lines and defaults") {
  auto result = parse_catalog(std::string("# services\n\n") + kGood + "\r\n", "x");
  REQUIRE(result.ok());
  CHECK(result.value()[0].wait_target_min == 15);
  CHECK_FALSE(result.value()[0].priority_allowed);
}

TEST_CASE("malformed lines are refused with the line number") {
  CHECK(error_of(std::string(kGood) + "\n{\"code\":\"B\",") == "cat.jsonl line 2: not valid JSON");
  CHECK(error_of("\n\n[1,2]").find("cat.jsonl line 3: expected a JSON object") == 0);
  CHECK(error_of(R"({"code":"a","zh":"x","en":"y"})").find("line 1: code must be one capital letter") !=
        std::string::npos);
  CHECK(error_of(R"({"code":"AB","zh":"x","en":"y"})").find("code must be one capital letter") != std::string::npos);
  CHECK(error_of(R"({"code":"A","en":"y"})").find("zh is missing") != std::string::npos);
  CHECK(error_of(R"({"code":"A","zh":"","en":"y"})").find("zh is empty") != std::string::npos);
  CHECK(error_of(R"({"code":"A","zh":"x\u0007","en":"y"})").find("control characters") != std::string::npos);
  CHECK(error_of("{\"code\":\"A\",\"zh\":\"\xff\",\"en\":\"y\"}").find("not valid JSON") != std::string::npos);
  CHECK(error_of(R"({"code":"A","zh":"x","en":"y","colour":"red"})").find("unknown key \"colour\"") !=
        std::string::npos);
  CHECK(error_of(R"({"code":"A","zh":"x","en":"y","priority":"yes"})").find("priority must be true or false") !=
        std::string::npos);
  CHECK(error_of(R"({"code":"A","zh":"x","en":"y","wait_target_min":0})").find("between 1 and") != std::string::npos);
  CHECK(error_of(R"({"code":"A","zh":"x","en":"y","wait_target_min":2.5})").find("whole number") != std::string::npos);
  CHECK(error_of(std::string(kGood) + "\n" + kGood).find("line 2: code A appears twice") != std::string::npos);
  CHECK(error_of("# only a comment\n") == "cat.jsonl: no services (expected one JSON object per line)");
  CHECK(
      error_of(
          R"({"code":"A","zh":"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一","en":"y"})")
          .find("longer than 40") != std::string::npos);
}

TEST_CASE("a missing file is a clear error") {
  auto result = kiosk::read_catalog_file("/nonexistent/catalog.jsonl");
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().message == "cannot read catalogue file /nonexistent/catalog.jsonl");
}
