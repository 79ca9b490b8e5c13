// The finger's moves on the request form (request_steps.h).
#include "request_steps.h"

#include <doctest/doctest.h>

#include "store/product_catalog.h"

namespace kiosk::test {

void type_keys(CustomerHarness& k, const std::string& keys) {
  for (char c : keys) {
    if (c == ' ')
      k.tap("kb.space");
    else
      k.tap(std::string("kb.") + c);
  }
}

void pick_candidate(CustomerHarness& k, const std::string& text) {
  const auto& candidates = k.state().ime.candidates;
  std::size_t at = candidates.size();
  for (std::size_t i = 0; i < candidates.size(); ++i)
    if (candidates[i].text == text) {
      at = i;
      break;
    }
  REQUIRE_MESSAGE(at < candidates.size(),
                  "\"" << text << "\" is not a candidate of \"" << k.state().ime.preedit << "\"");
  const std::string id = "cand." + std::to_string(at);
  for (int page = 0; page < 20 && !k.shows(id); ++page) k.tap("cand.more");
  k.tap(id);
}

void load_default_products(CustomerHarness& k) {
  Result<std::vector<ProductCategory>> products =
      read_product_catalog_file(std::string(KIOSK_ASSETS_DIR) + "/products-default.jsonl");
  REQUIRE(products);
  Database& db = k.store.store->db();
  Transaction tx(db);
  store_product_catalog(db, products.value());
  tx.commit();
}

void open_form_to_description(CustomerHarness& k, const FormAnswers& a) {
  load_default_products(k);
  k.tap("welcome.request");
  k.tap("kind." + a.kind);
  k.tap("product." + a.product);
  k.tap("problem." + a.problem);
  k.tap("request.next");  // model and serial number: optional
  k.tap("request.next");  // purchase date (optional) and urgency
}

void enter_phone(CustomerHarness& k, const std::string& digits) {
  k.tap("request.phone");
  for (char d : digits) k.tap(std::string("pad.") + d);
  k.tap("pad.ok");
}

}  // namespace kiosk::test
