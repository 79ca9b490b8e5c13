// RMS and silence-gap segmentation.
#include "audio_measures.h"

#include <cmath>

double rms_level(const kiosk::speech::PcmAudio& audio) {
  if (audio.samples.empty()) return 0.0;
  double sum = 0.0;
  for (const auto sample : audio.samples) sum += (sample / 32768.0) * (sample / 32768.0);
  return std::sqrt(sum / static_cast<double>(audio.samples.size()));
}

std::vector<SoundSegment> sound_segments(const kiosk::speech::PcmAudio& audio, std::chrono::milliseconds min_gap) {
  const auto min_gap_samples =
      static_cast<std::size_t>(static_cast<long long>(audio.sample_rate) * min_gap.count() / 1000);
  std::vector<SoundSegment> segments;
  std::size_t silent_run = 0;
  for (std::size_t i = 0; i < audio.samples.size(); ++i) {
    if (audio.samples[i] == 0) {
      ++silent_run;
      continue;
    }
    if (segments.empty() || silent_run >= min_gap_samples) segments.push_back({i, i + 1});
    segments.back().end_sample = i + 1;
    silent_run = 0;
  }
  return segments;
}
