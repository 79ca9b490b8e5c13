// Numbers to judge audio by without listening: loudness (RMS, in full-scale
// units 0..1) and the sounding segments separated by silence.
#pragma once

#include <chrono>
#include <cstddef>
#include <vector>

#include "speech/pcm_audio.h"

double rms_level(const kiosk::speech::PcmAudio& audio);

struct SoundSegment {
  std::size_t first_sample;
  std::size_t end_sample;  // one past the last non-silent sample
};

// Stretches of sound separated by at least `min_gap` of exact digital silence.
std::vector<SoundSegment> sound_segments(const kiosk::speech::PcmAudio& audio, std::chrono::milliseconds min_gap);
