// UTF-8 validation and single-line field checks.
#include <doctest/doctest.h>

#include "core/text.h"

using namespace kiosk;

TEST_CASE("utf8_length counts code points and rejects malformed sequences") {
  CHECK(*utf8_length("") == 0);
  CHECK(*utf8_length("A012") == 4);
  CHECK(*utf8_length("咨询") == 2);
  CHECK(*utf8_length("\xF0\x9F\x98\x80") == 1);  // an emoji
  CHECK_FALSE(utf8_length("\xE5\x92"));          // truncated
  CHECK_FALSE(utf8_length("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(utf8_length("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(utf8_length("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(utf8_length("\x80"));              // stray continuation
}

TEST_CASE("control characters and single-line checks") {
  CHECK(has_control_characters("a\nb"));
  CHECK(has_control_characters("a\x7f"));
  CHECK(has_control_characters("a\xC2\x85"));  // NEL, a C1 control
  CHECK_FALSE(has_control_characters("咨询 Consultation"));
  CHECK(check_single_line("name", "", 10) == std::optional<std::string>("name is empty"));
  CHECK(check_single_line("name", "abc", 2) == std::optional<std::string>("name is longer than 2 characters"));
  CHECK_FALSE(check_single_line("name", "咨询", 2));
}

TEST_CASE("utf8_code_points decodes, replacing malformed bytes with U+FFFD") {
  CHECK(utf8_code_points("A咨") == std::u32string{U'A', U'\u54A8'});
  CHECK(utf8_code_points("\xF0\x9F\x98\x80") == std::u32string{U'\U0001F600'});
  CHECK(utf8_code_points("a\xFF"
                         "b") == std::u32string{U'a', U'\uFFFD', U'b'});
  CHECK(utf8_code_points("\xE5\x92") == std::u32string{U'\uFFFD'});  // one truncated sequence
  CHECK(utf8_code_points("\xE5\x92Z") == std::u32string{U'\uFFFD', U'Z'});
}
