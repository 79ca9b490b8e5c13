// The ticket's wording by count, and the glyph coverage of every text.
#include <doctest/doctest.h>

#include "customer/ticket_wording.h"
#include "customer_harness.h"
#include "store/catalog.h"
#include "support/kiosk_texts.h"

using namespace kiosk::customer;

TEST_CASE("people ahead and the wait read naturally at 0, 1 and many") {
  const kiosk::app::Translations texts = kiosk::test::kiosk_texts();
  CHECK(people_ahead_text(texts, Language::En, 0) == "You are next");
  CHECK(people_ahead_text(texts, Language::En, 1) == "1 person ahead of you");
  CHECK(people_ahead_text(texts, Language::En, 7) == "7 people ahead of you");
  CHECK(people_ahead_text(texts, Language::Zh, 7) == "前面还有 7 人");
  CHECK(estimated_wait_text(texts, Language::En, 0) == "Very soon");
  CHECK(estimated_wait_text(texts, Language::Zh, 25) == "预计等候约 25 分钟");
  CHECK(estimated_wait_text(texts, Language::En, std::nullopt).rfind("No counter serves this now", 0) == 0);
  CHECK(texts.missing_keys().empty());
}

TEST_CASE("no text promises a reminder while nothing sends one") {
  const kiosk::app::Translations texts = kiosk::test::kiosk_texts();
  for (const std::string& text : texts.all_texts()) {
    INFO(text);
    for (const char* promise : {"will remind", "for a reminder", "remind you", "将提醒", "提醒您"})
      CHECK(text.find(promise) == std::string::npos);
  }
}

TEST_CASE("every text of every screen in both languages, and the default catalogue, has its glyphs") {
  const kiosk::app::Translations texts = kiosk::test::kiosk_texts();
  kiosk::ui::HeadlessUi ui;
  std::vector<std::string> all = texts.all_texts();
  for (const kiosk::Service& s : kiosk::read_catalog_file(kiosk::test::default_catalog_path()).value()) {
    all.push_back(s.name_zh);
    all.push_back(s.name_en);
  }
  for (const std::string& text : all) ui.fonts().add_text(text, kiosk::ui::FontRole::body);
  ui.frame([](kiosk::ui::TouchUi&) {});  // builds the atlas
  CHECK(ui.fonts().missing_characters().empty());
  for (const std::string& text : all)
    CHECK_MESSAGE(ui.fonts().count_fallback_glyphs(text, kiosk::ui::FontRole::large) == 0, text);
}
