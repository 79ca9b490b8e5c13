// A strict reader of the WAV files the speech sink writes (canonical 44-byte
// header, PCM mono 16-bit): any other layout, or sizes that disagree with the
// file's length, is reported as a problem instead of being guessed around.
#pragma once

#include <string>

#include "speech/pcm_audio.h"

struct WavReadResult {
  std::string problem;  // empty when the file is a valid WAV of this kind
  kiosk::speech::PcmAudio audio;
};

WavReadResult read_mono16_wav(const std::string& path);
