// Fuzzes HQ's reader of the X-Kiosk-Health header (sync/health_report.h): any
// value is a report or an error; a report it accepts encodes and decodes again.
#include "fuzz_input.h"
#include "sync/health_report.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const kiosk::Result<kiosk::HealthReport> report = kiosk::decode_health(kiosk::fuzz::input_text(data, size));
  if (!report.ok()) return 0;
  const std::string again = kiosk::encode_health(report.value());
  kiosk::fuzz::require(again.size() <= kiosk::kMaxHealthHeaderBytes, "an encoded report over the header's limit");
  kiosk::fuzz::require(kiosk::decode_health(again).ok(), "a report read from HQ does not decode once re-encoded");
  return 0;
}
