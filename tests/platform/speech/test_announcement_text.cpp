// The words the display says: letters as letters, ticket digits one by one in
// both languages, counters as numbers, bad input refused.
#include <doctest/doctest.h>

#include "speech/announcement_text.h"

using kiosk::speech::announcement_text;

TEST_CASE("A012 to counter 3, in pinyin and English, digits spelled") {
  auto text = announcement_text("A012", 3);
  REQUIRE(text.ok());
  CHECK(text.value().mandarin_pinyin == "qing3 A ling2 yi1 er4 hao4 dao4 san1 hao4 chuang1 kou3");
  CHECK(text.value().english == "Number A, 0, 1, 2, please go to counter 3");
}

TEST_CASE("every digit has its pinyin; four-digit labels are spelled too") {
  auto low = announcement_text("B1230", 4);
  REQUIRE(low.ok());
  CHECK(low.value().mandarin_pinyin == "qing3 B yi1 er4 san1 ling2 hao4 dao4 si4 hao4 chuang1 kou3");
  CHECK(low.value().english == "Number B, 1, 2, 3, 0, please go to counter 4");

  auto high = announcement_text("C4567", 8);
  REQUIRE(high.ok());
  CHECK(high.value().mandarin_pinyin == "qing3 C si4 wu3 liu4 qi1 hao4 dao4 ba1 hao4 chuang1 kou3");

  auto nine = announcement_text("D999", 9);
  REQUIRE(nine.ok());
  CHECK(nine.value().mandarin_pinyin == "qing3 D jiu3 jiu3 jiu3 hao4 dao4 jiu3 hao4 chuang1 kou3");
  CHECK(nine.value().english == "Number D, 9, 9, 9, please go to counter 9");
}

TEST_CASE("counters are read as numbers: ten, teens, tens, and up to 99") {
  struct Case {
    int counter;
    const char* pinyin;
  };
  for (const Case c : {Case{1, "yi1"}, Case{2, "er4"}, Case{10, "shi2"}, Case{12, "shi2 er4"}, Case{20, "er4 shi2"},
                       Case{21, "er4 shi2 yi1"}, Case{99, "jiu3 shi2 jiu3"}}) {
    CAPTURE(c.counter);
    auto text = announcement_text("A001", c.counter);
    REQUIRE(text.ok());
    CHECK(text.value().mandarin_pinyin ==
          std::string("qing3 A ling2 ling2 yi1 hao4 dao4 ") + c.pinyin + " hao4 chuang1 kou3");
    CHECK(text.value().english == "Number A, 0, 0, 1, please go to counter " + std::to_string(c.counter));
  }
}

TEST_CASE("what is not a ticket label or a counter is refused") {
  for (const char* label : {"", "A12", "a012", "AA012", "A01x", "012", "A000", "A 012"}) {
    CAPTURE(label);
    auto text = announcement_text(label, 3);
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().code == "bad-ticket-label");
  }
  for (const int counter : {0, -1, 100}) {
    CAPTURE(counter);
    auto text = announcement_text("A012", counter);
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().code == "bad-counter-number");
  }
}
