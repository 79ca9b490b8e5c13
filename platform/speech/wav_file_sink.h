// `--audio-out FILE.wav`: every announcement appended to one mono 16-bit WAV
// file, with silence between announcements. The RIFF header is rewritten after
// each append, so the file is a valid WAV at any moment between announcements.
#pragma once

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include "speech/audio_sink.h"

namespace kiosk::speech {

class WavFileSink : public AudioSink {
 public:
  // Creates or truncates `path` and writes an empty WAV at `sample_rate`.
  static Result<std::unique_ptr<WavFileSink>> create(const std::string& path, int sample_rate,
                                                     std::chrono::milliseconds gap_between = std::chrono::seconds(1));
  ~WavFileSink() override;

  // Audio at another sample rate is refused (InvalidArgument).
  Result<Done> play(const PcmAudio& audio) override;

 private:
  WavFileSink(std::FILE* file, std::string path, int sample_rate, std::chrono::milliseconds gap_between);
  Result<Done> write_header();
  Result<Done> append_samples(const std::vector<std::int16_t>& samples);

  std::FILE* file_;
  std::string path_;
  int sample_rate_;
  std::chrono::milliseconds gap_between_;
  std::uint32_t data_bytes_ = 0;
};

}  // namespace kiosk::speech
