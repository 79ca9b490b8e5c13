// Paper status of a bidirectional ESC/POS printer: DLE EOT 4 (10 04 04) asks
// for the roll paper sensor byte. Epson's meaning: bits 2-3 (0x0C) paper near
// end, bits 5-6 (0x60) paper out; fixed bits 1 and 4 set, 0 and 7 clear.
#pragma once

#include <chrono>
#include <cstdint>

namespace kiosk::printer {

enum class PaperStatus {
  Unknown,  // a plain file, a printer that does not answer, or an answer we cannot read
  Ok,
  NearEnd,
  Out,
};

const char* describe(PaperStatus status);

// Unknown for a byte without Epson's fixed bits (another vendor's meaning).
PaperStatus decode_paper_sensor_byte(std::uint8_t status);

// Asks the printer open on non-blocking `fd` and waits up to `timeout` for its answer.
PaperStatus query_paper_status(int fd, std::chrono::milliseconds timeout);

}  // namespace kiosk::printer
