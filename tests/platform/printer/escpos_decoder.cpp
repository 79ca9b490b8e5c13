// The test decoder of ESC/POS ticket streams.
#include "escpos_decoder.h"

#include <algorithm>
#include <cstring>

namespace kiosk::printer::test {

namespace {

constexpr std::uint8_t ESC = 0x1B;
constexpr std::uint8_t GS = 0x1D;

class Reader {
 public:
  explicit Reader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}
  std::size_t offset() const { return offset_; }
  bool at_end() const { return offset_ == bytes_.size(); }
  bool has(std::size_t count) const { return bytes_.size() - offset_ >= count; }
  std::uint8_t peek(std::size_t ahead = 0) const { return bytes_[offset_ + ahead]; }
  std::span<const std::uint8_t> take(std::size_t count) {
    std::span<const std::uint8_t> taken = bytes_.subspan(offset_, count);
    offset_ += count;
    return taken;
  }

 private:
  std::span<const std::uint8_t> bytes_;
  std::size_t offset_ = 0;
};

DecodeResult failure(std::string what, std::size_t offset) {
  return {std::nullopt, what + " at offset " + std::to_string(offset)};
}

std::string hex(std::uint8_t byte) {
  static const char digits[] = "0123456789ABCDEF";
  return std::string("0x") + digits[byte >> 4] + digits[byte & 0xF];
}

}  // namespace

DecodeResult decode_escpos(std::span<const std::uint8_t> bytes) {
  Reader in(bytes);
  if (!in.has(2) || in.peek() != ESC || in.peek(1) != '@') return failure("stream does not start with ESC @", 0);
  in.take(2);

  DecodedTicket ticket;
  bool cut = false;
  while (!in.at_end()) {
    const std::size_t start = in.offset();
    if (cut) return failure("bytes after the cut", start);
    if (in.peek() != GS) return failure("unknown command " + hex(in.peek()), start);
    if (!in.has(2)) return failure("truncated GS command", start);

    if (in.peek(1) == 'v') {
      if (!in.has(8)) return failure("truncated GS v 0 header", start);
      const auto header = in.take(8);
      if (header[2] != '0') return failure("unknown command GS v " + hex(header[2]), start);
      if (header[3] != 0) return failure("raster mode " + std::to_string(header[3]) + " is not normal density", start);
      const int width_bytes = header[4] | (header[5] << 8);
      const int rows = header[6] | (header[7] << 8);
      if (width_bytes == 0 || rows == 0) return failure("empty GS v 0 band", start);
      if (ticket.band_count > 0 && width_bytes != ticket.image.bytes_per_row())
        return failure("band width changes", start);
      const std::size_t data_size = static_cast<std::size_t>(width_bytes) * static_cast<std::size_t>(rows);
      if (!in.has(data_size)) return failure("truncated GS v 0 data", start);

      MonoBitmap band(width_bytes * 8, rows);
      std::memcpy(band.row(0), in.take(data_size).data(), data_size);
      if (ticket.band_count == 0) ticket.image = MonoBitmap(band.width(), 0);
      ticket.image.append_below(band);
      ++ticket.band_count;
      ticket.tallest_band_rows = std::max(ticket.tallest_band_rows, rows);
    } else if (in.peek(1) == 'V') {
      if (!in.has(4)) return failure("truncated GS V", start);
      const auto command = in.take(4);
      if (command[2] != 66)
        return failure("cut function " + std::to_string(command[2]) + " is not 66 (partial cut with feed)", start);
      ticket.cut_feed = command[3];
      cut = true;
    } else {
      return failure("unknown command GS " + hex(in.peek(1)), start);
    }
  }
  if (!cut) return failure("stream does not end with a cut", in.offset());
  return {std::move(ticket), {}};
}

}  // namespace kiosk::printer::test
