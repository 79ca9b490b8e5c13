// Fuzzes the request form as the store node reads it from a device
// (codec/request_form_json.h), then its validation (requests/request_validation.h):
// any body is a form or a BadRequest, any form a request or an error naming
// the field; a request it accepts keeps its phone as digits. The catalogue is
// the one that ships (assets/products-default.jsonl).
#include <algorithm>
#include <cctype>

#include "codec/api_json.h"
#include "codec/request_form_json.h"
#include "fuzz_input.h"
#include "requests/request_validation.h"
#include "store/product_catalog.h"

namespace {

constexpr kiosk::EpochMs kNow = 1795395600000;  // 2026-11-23 09:00 in Shanghai

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<kiosk::ProductCategory> catalog =
      kiosk::read_product_catalog_file(KIOSK_PRODUCTS_FILE).value();
  static const kiosk::StoreTimeZone zone = kiosk::StoreTimeZone::load("Asia/Shanghai").value();
  kiosk::RequestForm form;
  try {
    const kiosk::JsonBody body(kiosk::fuzz::input_text(data, size));
    form = kiosk::request_form_from(body);
  } catch (const kiosk::BadRequest&) {
    return 0;
  }
  (void)kiosk::request_form_json(form).dump();
  const kiosk::Result<kiosk::Request> request = kiosk::validate_request(form, catalog, zone, kNow);
  if (request.ok()) {
    const std::string& phone = request.value().phone;
    kiosk::fuzz::require(std::all_of(phone.begin(), phone.end(), [](unsigned char c) { return std::isdigit(c); }),
                         "an accepted request's phone holds more than digits");
  }
  return 0;
}
