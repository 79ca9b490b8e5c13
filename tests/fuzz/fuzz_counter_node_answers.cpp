// Fuzzes what a counter console reads from a hostile or broken store node
// (kiosk/counter/node_answers.h): every reader on any JSON, never a crash.
#include "counter/node_answers.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const nlohmann::json answer = nlohmann::json::parse(kiosk::fuzz::input_text(data, size), nullptr, false);
  if (answer.is_discarded()) return 0;
  (void)kiosk::counter::ticket_from_json(answer);
  (void)kiosk::counter::counter_from_json(answer);
  (void)kiosk::counter::queue_from_json(answer, 1);
  (void)kiosk::counter::reprints_from_json(answer);
  (void)kiosk::counter::request_options_from_json(answer);
  (void)kiosk::counter::receipt_request_from_json(answer);
  return 0;
}
