// The chime before each call: two soft bell-like tones, high then low
// ("ding-dong", E5 then C5), generated in code at any sample rate.
#pragma once

#include "speech/pcm_audio.h"

namespace kiosk::speech {

PcmAudio make_chime(int sample_rate);

}  // namespace kiosk::speech
