// DLE EOT 4 query and decoding of the paper sensor byte.
#include "printer/paper_status.h"

#include <array>

#include "printer/fd_io.h"

namespace kiosk::printer {

namespace {
constexpr std::uint8_t kFixedBitsMask = 0x93;   // bits 0, 1, 4, 7
constexpr std::uint8_t kFixedBitsValue = 0x12;  // bits 1 and 4 set
constexpr std::uint8_t kNearEndBits = 0x0C;
constexpr std::uint8_t kOutBits = 0x60;
}  // namespace

const char* describe(PaperStatus status) {
  switch (status) {
    case PaperStatus::Unknown:
      return "unknown";
    case PaperStatus::Ok:
      return "paper OK";
    case PaperStatus::NearEnd:
      return "paper near end";
    case PaperStatus::Out:
      return "out of paper";
  }
  return "unknown";
}

PaperStatus decode_paper_sensor_byte(std::uint8_t status) {
  if ((status & kFixedBitsMask) != kFixedBitsValue) return PaperStatus::Unknown;
  if (status & kOutBits) return PaperStatus::Out;
  if (status & kNearEndBits) return PaperStatus::NearEnd;
  return PaperStatus::Ok;
}

PaperStatus query_paper_status(int fd, std::chrono::milliseconds timeout) {
  static constexpr std::array<std::uint8_t, 3> kQuery{0x10, 0x04, 0x04};
  discard_pending_input(fd);
  if (!write_all(fd, kQuery, timeout).ok()) return PaperStatus::Unknown;
  const std::optional<std::uint8_t> answer = read_byte_within(fd, timeout);
  return answer ? decode_paper_sensor_byte(*answer) : PaperStatus::Unknown;
}

}  // namespace kiosk::printer
