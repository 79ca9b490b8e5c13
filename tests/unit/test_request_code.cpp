// Request codes: their shape, their alphabet (no 0/O, 1/I/L) and reading back
// what a customer types.
#include <doctest/doctest.h>

#include <set>

#include "requests/request_code.h"

using namespace kiosk;

TEST_CASE("a new code is R, three characters, a dash, three characters, none ambiguous") {
  std::set<char> seen;
  for (int i = 0; i < 2000; ++i) {
    const std::string code = new_request_code();
    REQUIRE(code.size() == 8);
    CHECK(code[0] == 'R');
    CHECK(code[4] == '-');
    for (std::size_t j : {1u, 2u, 3u, 5u, 6u, 7u}) {
      CHECK(std::string("0O1IL").find(code[j]) == std::string::npos);
      seen.insert(code[j]);
    }
    CHECK(normalize_request_code(code) == code);
  }
  CHECK(seen.size() == 31);  // the whole alphabet is used
}

TEST_CASE("what a customer types is read back; what cannot be a code is refused") {
  CHECK(normalize_request_code("r7k2-9qx") == "R7K2-9QX");
  CHECK(normalize_request_code(" R7K 29QX ") == "R7K2-9QX");
  CHECK(normalize_request_code("R7K29QX") == "R7K2-9QX");
  CHECK_FALSE(normalize_request_code("R7K2-9Q").has_value());    // too short
  CHECK_FALSE(normalize_request_code("R7K2-9QXX").has_value());  // too long
  CHECK_FALSE(normalize_request_code("A7K2-9QX").has_value());   // not R
  CHECK_FALSE(normalize_request_code("R0K2-9QX").has_value());   // 0 is never drawn
  CHECK_FALSE(normalize_request_code("R7K2-9QO").has_value());
  CHECK_FALSE(normalize_request_code("R1K2-9QX").has_value());
  CHECK_FALSE(normalize_request_code("RLK2-9QX").has_value());
  CHECK_FALSE(normalize_request_code("RIK2-9QX").has_value());
  CHECK_FALSE(normalize_request_code("").has_value());
  CHECK_FALSE(normalize_request_code("R7K2-9Q\xE4").has_value());
}
