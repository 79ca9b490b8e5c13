// Fuzzes a technician's step report (codec/technician_report_json.h), which HQ
// reads from a tablet's commands and a store from its change feed: any `data`
// is a report, none, or a BadRequest naming the field; never a crash.
#include "codec/api_json.h"
#include "codec/technician_report_json.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const nlohmann::json step = nlohmann::json::parse(kiosk::fuzz::input_text(data, size), nullptr, false);
  if (step.is_discarded()) return 0;
  try {
    (void)kiosk::technician_report_from(step, "commands[0].data.");
  } catch (const kiosk::BadRequest&) {
  }
  return 0;
}
