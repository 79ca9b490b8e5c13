// Chime synthesis: each tone is a sine with a quiet octave partial, a short
// attack (no click) and an exponential decay, the second starting while the
// first fades.
#include "speech/chime.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kiosk::speech {

namespace {

constexpr double tone_seconds = 0.9;
constexpr double second_tone_start_seconds = 0.45;
constexpr double attack_seconds = 0.01;
constexpr double decay_per_second = 4.0;
constexpr double peak_level = 0.3;  // of full scale: soft next to the speech

void add_tone(std::vector<double>& mix, int sample_rate, double start_seconds, double frequency) {
  const auto first = static_cast<std::size_t>(start_seconds * sample_rate);
  const auto count = static_cast<std::size_t>(tone_seconds * sample_rate);
  for (std::size_t i = 0; i < count && first + i < mix.size(); ++i) {
    const double t = static_cast<double>(i) / sample_rate;
    const double envelope = std::min(1.0, t / attack_seconds) * std::exp(-decay_per_second * t);
    const double phase = 2.0 * std::numbers::pi * frequency * t;
    mix[first + i] += envelope * (0.85 * std::sin(phase) + 0.15 * std::sin(2.0 * phase));
  }
}

}  // namespace

PcmAudio make_chime(int sample_rate) {
  std::vector<double> mix(static_cast<std::size_t>((second_tone_start_seconds + tone_seconds) * sample_rate), 0.0);
  add_tone(mix, sample_rate, 0.0, 659.25);                        // E5
  add_tone(mix, sample_rate, second_tone_start_seconds, 523.25);  // C5
  PcmAudio chime{sample_rate, {}};
  chime.samples.reserve(mix.size());
  for (const double value : mix) {
    chime.samples.push_back(
        static_cast<std::int16_t>(std::lround(std::clamp(value * peak_level, -1.0, 1.0) * 32767.0)));
  }
  return chime;
}

}  // namespace kiosk::speech
