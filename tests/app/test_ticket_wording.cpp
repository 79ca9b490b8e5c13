// The ticket's wording by count, in both languages.
#include <doctest/doctest.h>

#include "customer/ticket_wording.h"
#include "customer_harness.h"

using namespace kiosk::customer;

TEST_CASE("people ahead and the wait read naturally at 0, 1 and many") {
  const kiosk::app::Translations texts = kiosk::test::load_translations();
  CHECK(people_ahead_text(texts, Language::En, 0) == "You are next");
  CHECK(people_ahead_text(texts, Language::En, 1) == "1 person ahead of you");
  CHECK(people_ahead_text(texts, Language::En, 7) == "7 people ahead of you");
  CHECK(people_ahead_text(texts, Language::Zh, 7) == "前面还有 7 人");
  CHECK(estimated_wait_text(texts, Language::En, 0) == "Very soon");
  CHECK(estimated_wait_text(texts, Language::Zh, 25) == "预计等候约 25 分钟");
  CHECK(texts.missing_keys().empty());
}
