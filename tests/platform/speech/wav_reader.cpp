// Reading and checking a canonical mono 16-bit WAV.
#include "wav_reader.h"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

namespace {

std::uint32_t u32_at(const std::vector<unsigned char>& bytes, std::size_t at) {
  return bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (std::uint32_t{bytes[at + 3]} << 24);
}
std::uint16_t u16_at(const std::vector<unsigned char>& bytes, std::size_t at) {
  return static_cast<std::uint16_t>(bytes[at] | (bytes[at + 1] << 8));
}
bool tag_at(const std::vector<unsigned char>& bytes, std::size_t at, const char* tag) {
  return std::memcmp(&bytes[at], tag, 4) == 0;
}

}  // namespace

WavReadResult read_mono16_wav(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  const std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  WavReadResult result;
  if (bytes.size() < 44) return {"shorter than a WAV header", {}};
  if (!tag_at(bytes, 0, "RIFF") || !tag_at(bytes, 8, "WAVE") || !tag_at(bytes, 12, "fmt ") ||
      !tag_at(bytes, 36, "data")) {
    return {"not a canonical RIFF/WAVE layout", {}};
  }
  if (u32_at(bytes, 4) != bytes.size() - 8) return {"RIFF size does not match the file", {}};
  if (u32_at(bytes, 40) != bytes.size() - 44) return {"data size does not match the file", {}};
  if (u32_at(bytes, 16) != 16 || u16_at(bytes, 20) != 1 || u16_at(bytes, 22) != 1 || u16_at(bytes, 34) != 16) {
    return {"not PCM mono 16-bit", {}};
  }
  const std::uint32_t sample_rate = u32_at(bytes, 24);
  if (u32_at(bytes, 28) != sample_rate * 2 || u16_at(bytes, 32) != 2) return {"inconsistent byte rate", {}};
  result.audio.sample_rate = static_cast<int>(sample_rate);
  for (std::size_t at = 44; at + 1 < bytes.size(); at += 2) {
    result.audio.samples.push_back(static_cast<std::int16_t>(u16_at(bytes, at)));
  }
  return result;
}
