// Fuzzes the services catalogue's JSON Lines reader (store/catalog.h): any
// text gives the services or an error, never a crash.
#include "fuzz_input.h"
#include "store/catalog.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)kiosk::parse_catalog(kiosk::fuzz::input_text(data, size), "fuzz.jsonl");
  return 0;
}
