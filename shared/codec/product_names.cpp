// Product and problem names of a request (see product_names.h).
#include "codec/product_names.h"

namespace kiosk {
namespace {

using json = nlohmann::ordered_json;

json names(const std::string& code, const std::string& zh, const std::string& en) {
  return json{{"code", code}, {"zh", zh.empty() ? code : zh}, {"en", en.empty() ? code : en}};
}

}  // namespace

ProductNames product_names(const std::string& product, const std::string& problem,
                           const std::vector<ProductCategory>& catalog) {
  ProductNames out{names(product, "", ""), names(problem, "", "")};
  for (const ProductCategory& p : catalog) {
    if (p.code != product) continue;
    out.product = names(p.code, p.name_zh, p.name_en);
    for (const ProblemCategory& q : p.problems)
      if (q.code == problem) out.problem = names(q.code, q.name_zh, q.name_en);
  }
  return out;
}

}  // namespace kiosk
