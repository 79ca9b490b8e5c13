// Mono 16-bit PCM at a sample rate: what the synthesizer and the chime make,
// what an announcement is built from and what a sink plays.
#pragma once

#include <chrono>
#include <cstdint>
#include <vector>

namespace kiosk::speech {

struct PcmAudio {
  int sample_rate = 0;
  std::vector<std::int16_t> samples;

  double seconds() const { return sample_rate > 0 ? static_cast<double>(samples.size()) / sample_rate : 0.0; }
};

// Appends `tail` (same sample rate: asserted) to `audio`.
void append_audio(PcmAudio& audio, const PcmAudio& tail);
void append_silence(PcmAudio& audio, std::chrono::milliseconds length);

}  // namespace kiosk::speech
