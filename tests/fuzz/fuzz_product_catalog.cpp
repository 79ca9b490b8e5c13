// Fuzzes the product catalogue's JSON Lines reader (store/product_catalog.h):
// any text gives the products and their problems or an error, never a crash.
#include "fuzz_input.h"
#include "store/product_catalog.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)kiosk::parse_product_catalog(kiosk::fuzz::input_text(data, size), "fuzz.jsonl");
  return 0;
}
