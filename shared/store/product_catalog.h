// The product catalogue of repair and installation requests: product
// categories and, per product, the problem categories the form offers.
// A JSON Lines file (assets/products-default.jsonl), '#' comments; problems
// are defined first, then each product lists its problems by code:
//   {"problem": "no-power", "zh": "无法开机", "en": "Won't power on"}
//   {"problem": "install-new", "zh": "新机安装", "en": "New installation", "kinds": ["installation"]}
// ("kinds": the kinds of request it is offered for; default ["repair"])
//   {"product": "phone", "zh": "手机", "en": "Mobile phones", "problems": ["no-power", "other"]}
// Parsing is strict and names the line of the first problem; importing
// replaces the store's product catalogue in one transaction (entries no
// longer listed are deactivated, not deleted: requests refer to them).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/request_model.h"
#include "store/sqlite.h"

namespace kiosk {

// The most a catalogue's text may hold (HQ's import, the feed's change).
constexpr std::size_t kMaxProductCatalogBytes = 256 * 1024;

// Parses catalogue text. `source` (a file name) starts every error message.
Result<std::vector<ProductCategory>> parse_product_catalog(const std::string& text, const std::string& source);

// A product catalogue file's text, unparsed (HQ keeps and sends it as it is).
Result<std::string> read_product_catalog_text(const std::string& path);

// Reads and parses a product catalogue file.
Result<std::vector<ProductCategory>> read_product_catalog_file(const std::string& path);

// Replaces the active product catalogue. Call inside a Transaction.
void store_product_catalog(Database& db, const std::vector<ProductCategory>& products);

// The active products with their problems, in display order.
std::vector<ProductCategory> load_product_catalog(Database& db);

}  // namespace kiosk
