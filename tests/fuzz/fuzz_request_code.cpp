// Fuzzes what a customer types to look up a request (requests/request_code.h):
// a code it accepts is "RXXX-XXX" and normalises to itself.
#include "fuzz_input.h"
#include "requests/request_code.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::optional<std::string> code = kiosk::normalize_request_code(kiosk::fuzz::input_text(data, size));
  if (!code) return 0;
  kiosk::fuzz::require(code->size() == 8 && (*code)[0] == 'R' && (*code)[4] == '-', "a code not of the form RXXX-XXX");
  kiosk::fuzz::require(kiosk::normalize_request_code(*code) == code, "a code does not normalise to itself");
  return 0;
}
