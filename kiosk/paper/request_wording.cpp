// Request wording from strings.json ("request.kind.*", "window.*", "state.*",
// "weekday.*", "date.day") and the product catalogue's names.
#include "paper/request_wording.h"

#include <cstdlib>

namespace kiosk::paper {

using app::Language;

const ProductCategory* find_product(const std::vector<ProductCategory>& products, const std::string& code) {
  for (const ProductCategory& p : products)
    if (p.code == code) return &p;
  return nullptr;
}

const ProblemCategory* find_problem(const ProductCategory* product, const std::string& code) {
  if (product)
    for (const ProblemCategory& p : product->problems)
      if (p.code == code) return &p;
  return nullptr;
}

const std::string& kind_text(const app::Translations& texts, Language l, RequestKind kind) {
  return texts.text(std::string("request.kind.") + to_string(kind), l);
}

const std::string& window_text(const app::Translations& texts, Language l, TimeWindow window) {
  return texts.text(std::string("window.") + to_string(window), l);
}

const std::string& state_text(const app::Translations& texts, Language l, RequestState state) {
  return texts.text(std::string("state.") + to_string(state), l);
}

std::string day_text(const app::Translations& texts, Language l, const std::string& date, int weekday) {
  if (date.size() != 10) return {};
  const std::string month = std::to_string(std::atoi(date.substr(5, 2).c_str()));
  const std::string day = std::to_string(std::atoi(date.substr(8, 2).c_str()));
  const std::string& name = texts.text("weekday." + std::to_string(weekday), l);
  const std::string when = texts.format("date.day", l, {month, day});
  return l == Language::Zh ? when + " " + name : name + " " + when;
}

std::string request_summary(const app::Translations& texts, Language l, RequestKind kind, const std::string& product,
                            const std::string& problem, const std::vector<ProductCategory>& products) {
  const ProductCategory* p = find_product(products, product);
  const ProblemCategory* q = find_problem(p, problem);
  const std::string product_name = p ? (l == Language::Zh ? p->name_zh : p->name_en) : product;
  const std::string problem_name = q ? (l == Language::Zh ? q->name_zh : q->name_en) : problem;
  return kind_text(texts, l, kind) + " · " + product_name + " · " + problem_name;
}

std::string visit_text(const app::Translations& texts, Language l, const std::string& date,
                       std::optional<TimeWindow> window) {
  return window ? date + " " + window_text(texts, l, *window) : date;
}

}  // namespace kiosk::paper
