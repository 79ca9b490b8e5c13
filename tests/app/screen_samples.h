// Customer states for every screen, as the screen tests and the screenshot
// test draw them: the default catalogue with waiting counts, a typical
// customer's input, and each print status, error and overlay.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/translations.h"
#include "customer/customer_state.h"

namespace kiosk::test {

struct ScreenSample {
  std::string name;
  customer::CustomerState state;
  EpochMs now = 0;  // when to draw it (the idle sample is late)
};

inline constexpr EpochMs kSampleNow = 1'790'000'000'000;  // a fixed moment, so screenshots are stable

// The default catalogue (assets/catalog-default.jsonl) with waiting counts.
std::vector<customer::ServiceView> sample_services();
// The default help articles (assets/kb-default.jsonl) under the default
// product catalogue (assets/products-default.jsonl).
std::shared_ptr<const customer::HelpLibrary> sample_help_library();
// Every sample, in `language`.
std::vector<ScreenSample> screen_samples(customer::Language language);
// Every text the samples may show (translations, catalogue, store id, help articles), for the atlas.
std::vector<std::string> sample_texts(const app::Translations& texts);
inline constexpr const char* kSampleStoreId = "SH-015";

}  // namespace kiosk::test
