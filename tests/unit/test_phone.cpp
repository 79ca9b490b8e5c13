// Phone numbers: Chinese mobile and landline formats, masking.
#include <doctest/doctest.h>

#include "core/phone.h"

using namespace kiosk;

TEST_CASE("valid mobile and landline numbers are normalised to digits") {
  CHECK(normalize_phone("13812345678").value() == "13812345678");
  CHECK(normalize_phone("138 1234 5678").value() == "13812345678");
  CHECK(normalize_phone("199-1234-5678").value() == "19912345678");
  CHECK(normalize_phone("01012345678").value() == "01012345678");     // Beijing, 8 digits
  CHECK(normalize_phone("0755-87654321").value() == "075587654321");  // Shenzhen
  CHECK(normalize_phone("08712345678").value() == "08712345678");     // 3-digit area code 087, 8 digits
}

TEST_CASE("wrong formats are refused with a code the screen can translate") {
  CHECK(normalize_phone("").error().code == "phone-empty");
  CHECK(normalize_phone("138a2345678").error().code == "phone-not-digits");
  CHECK(normalize_phone("+8613812345678").error().code == "phone-not-digits");
  for (const char* bad : {"1381234567", "138123456789", "12812345678", "23812345678", "0012345678", "0101234567890",
                          "01012345", "0101234567x"}) {
    auto result = normalize_phone(bad);
    CHECK_MESSAGE(!result.ok(), bad);
  }
}

TEST_CASE("masks keep the first three (or the area code) and the last four digits") {
  CHECK(mask_phone("13812345678") == "138****5678");
  CHECK(mask_phone("01012345678") == "010****5678");
  CHECK(mask_phone("075587654321") == "0755****4321");
  CHECK(mask_phone("12345") == "*****");
}
