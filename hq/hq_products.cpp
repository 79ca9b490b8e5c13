// HQ's product catalogue, parsed (hq_products.h).
#include "hq/hq_products.h"

#include "store/product_catalog.h"

namespace kiosk::hq {

std::vector<ProductCategory> hq_products(HqDb& db) {
  std::string lines;
  db.first("SELECT catalog FROM product_catalog WHERE id = 1", {}, [&](const SqlRow& row) { lines = row.text(0); });
  Result<std::vector<ProductCategory>> parsed = parse_product_catalog(lines, "HQ's product catalogue");
  return parsed ? std::move(parsed).value() : std::vector<ProductCategory>{};
}

}  // namespace kiosk::hq
