// Fuzzes the store node's and HQ's strict readers of JSON bodies and query
// integers (codec/api_json.h): a body is read field by field as the node's
// routes read theirs, the same bytes as a query parameter and an ADDR:PORT;
// anything wrong is a BadRequest, an error body is always valid JSON.
#include "codec/api_json.h"
#include "fuzz_input.h"

namespace {

void read_fields(const kiosk::JsonBody& body) {
  for (const char* field : {"label", "service", "pin", "name"}) try {
      (void)body.text(field, 64);
    } catch (const kiosk::BadRequest&) {
    }
  for (const char* field : {"counter", "seq", "after"}) try {
      (void)body.integer(field, 0, std::int64_t(1) << 53);
    } catch (const kiosk::BadRequest&) {
    }
  try {
    (void)body.texts("problems", 16, 64);
  } catch (const kiosk::BadRequest&) {
  }
  if (body.has("data") && body.json()["data"].is_object()) read_fields(kiosk::JsonBody(body.json()["data"], "data."));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = kiosk::fuzz::input_text(data, size);
  try {
    read_fields(kiosk::JsonBody(text));
  } catch (const kiosk::BadRequest&) {
  }
  try {
    const std::int64_t value = kiosk::query_integer(text, "limit", 1, 500, 50);
    kiosk::fuzz::require(value >= 1 && value <= 500, "query_integer out of its range");
  } catch (const kiosk::BadRequest&) {
  }
  (void)kiosk::parse_listen_address(text);
  const std::string error =
      kiosk::error_body(kiosk::ApiError{.status = 400, .code = text, .message = text, .retry_after_s = std::nullopt});
  kiosk::fuzz::require(!nlohmann::json::parse(error, nullptr, false).is_discarded(), "an error body is not JSON");
  return 0;
}
