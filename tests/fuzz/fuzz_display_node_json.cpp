// Fuzzes what a hall display reads from a hostile or broken store node
// (kiosk/display/node_json.h): any answer is read or refused, never a crash.
#include "display/node_json.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const nlohmann::json answer = nlohmann::json::parse(kiosk::fuzz::input_text(data, size), nullptr, false);
  if (answer.is_discarded()) return 0;
  (void)kiosk::display::read_queue(answer);
  (void)kiosk::display::read_events(answer);
  return 0;
}
