// WAV writing: a 44-byte canonical header (PCM, mono, 16-bit, little-endian)
// followed by the samples; sizes patched in after every append.
#include "speech/wav_file_sink.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <limits>

namespace kiosk::speech {

namespace {

constexpr std::uint32_t header_bytes = 44;
constexpr std::uint16_t bytes_per_sample = 2;

void put_u16(std::uint8_t* at, std::uint16_t value) {
  at[0] = static_cast<std::uint8_t>(value);
  at[1] = static_cast<std::uint8_t>(value >> 8);
}
void put_u32(std::uint8_t* at, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) at[i] = static_cast<std::uint8_t>(value >> (8 * i));
}

std::array<std::uint8_t, header_bytes> wav_header(int sample_rate, std::uint32_t data_bytes) {
  std::array<std::uint8_t, header_bytes> header{};
  std::memcpy(&header[0], "RIFF", 4);
  put_u32(&header[4], header_bytes - 8 + data_bytes);
  std::memcpy(&header[8], "WAVEfmt ", 8);
  put_u32(&header[16], 16);  // fmt chunk size
  put_u16(&header[20], 1);   // PCM
  put_u16(&header[22], 1);   // mono
  put_u32(&header[24], static_cast<std::uint32_t>(sample_rate));
  put_u32(&header[28], static_cast<std::uint32_t>(sample_rate) * bytes_per_sample);
  put_u16(&header[32], bytes_per_sample);
  put_u16(&header[34], 16);  // bits per sample
  std::memcpy(&header[36], "data", 4);
  put_u32(&header[40], data_bytes);
  return header;
}

}  // namespace

Result<std::unique_ptr<WavFileSink>> WavFileSink::create(const std::string& path, int sample_rate,
                                                         std::chrono::milliseconds gap_between) {
  if (sample_rate <= 0) return invalid_argument("WAV sample rate must be positive");
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) return storage_error("cannot create " + path + ": " + std::strerror(errno));
  std::unique_ptr<WavFileSink> sink(new WavFileSink(file, path, sample_rate, gap_between));
  auto written = sink->write_header();
  if (!written) return written.error();
  return sink;
}

WavFileSink::WavFileSink(std::FILE* file, std::string path, int sample_rate, std::chrono::milliseconds gap_between)
    : file_(file), path_(std::move(path)), sample_rate_(sample_rate), gap_between_(gap_between) {}

WavFileSink::~WavFileSink() { std::fclose(file_); }

Result<Done> WavFileSink::play(const PcmAudio& audio) {
  if (audio.sample_rate != sample_rate_) {
    return invalid_argument(path_ + " is at " + std::to_string(sample_rate_) + " Hz, audio at " +
                            std::to_string(audio.sample_rate) + " Hz");
  }
  PcmAudio appended{sample_rate_, {}};
  if (data_bytes_ > 0) append_silence(appended, gap_between_);
  append_audio(appended, audio);
  auto written = append_samples(appended.samples);
  if (!written) return written;
  return write_header();
}

Result<Done> WavFileSink::append_samples(const std::vector<std::int16_t>& samples) {
  const std::uint64_t new_data_bytes = data_bytes_ + std::uint64_t{bytes_per_sample} * samples.size();
  if (new_data_bytes > std::numeric_limits<std::uint32_t>::max() - header_bytes) {
    return storage_error(path_ + " would exceed the 4 GiB WAV limit");
  }
  std::vector<std::uint8_t> bytes(samples.size() * bytes_per_sample);
  for (std::size_t i = 0; i < samples.size(); ++i) put_u16(&bytes[i * 2], static_cast<std::uint16_t>(samples[i]));
  if (std::fseek(file_, 0, SEEK_END) != 0 || std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    return storage_error("cannot write " + path_ + ": " + std::strerror(errno));
  }
  data_bytes_ = static_cast<std::uint32_t>(new_data_bytes);
  return Done{};
}

Result<Done> WavFileSink::write_header() {
  const auto header = wav_header(sample_rate_, data_bytes_);
  if (std::fseek(file_, 0, SEEK_SET) != 0 || std::fwrite(header.data(), 1, header.size(), file_) != header.size() ||
      std::fflush(file_) != 0) {
    return storage_error("cannot write the header of " + path_ + ": " + std::strerror(errno));
  }
  return Done{};
}

}  // namespace kiosk::speech
