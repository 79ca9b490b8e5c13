// How a request reads on screen and on paper, in one language: kind, product
// and problem names from the catalogue, a day and time window, a state.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/translations.h"
#include "model/request_model.h"

namespace kiosk::paper {

const ProductCategory* find_product(const std::vector<ProductCategory>& products, const std::string& code);
const ProblemCategory* find_problem(const ProductCategory* product, const std::string& code);

const std::string& kind_text(const app::Translations& texts, app::Language l, RequestKind kind);
const std::string& window_text(const app::Translations& texts, app::Language l, TimeWindow window);
const std::string& state_text(const app::Translations& texts, app::Language l, RequestState state);
// "11月23日 周一" / "Mon 11/23"; "" for a date that is not YYYY-MM-DD.
std::string day_text(const app::Translations& texts, app::Language l, const std::string& date, int weekday);
// "报修 · 空调 · 不制冷" (codes where the catalogue no longer has them).
std::string request_summary(const app::Translations& texts, app::Language l, RequestKind kind,
                            const std::string& product, const std::string& problem,
                            const std::vector<ProductCategory>& products);
// "2026-11-23 上午 9–12 点".
std::string visit_text(const app::Translations& texts, app::Language l, const std::string& date,
                       std::optional<TimeWindow> window);

}  // namespace kiosk::paper
