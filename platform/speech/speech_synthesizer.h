// Speech synthesis with libespeak-ng, in this process: text in, mono 16-bit
// PCM at the engine's sample rate out (22050 Hz for the stock voices). The
// engine is process-global: it starts on first use, every call from any
// thread is serialized, and it is terminated at exit.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "speech/pcm_audio.h"

namespace kiosk::speech {

struct SpeechVoice {
  std::string espeak_name;
  int words_per_minute = 165;  // espeak's default is 175; a hall needs calm speech
};

inline const SpeechVoice mandarin_pinyin_voice{"cmn-latn-pinyin", 165};
inline const SpeechVoice english_voice{"en", 165};

// The engine's sample rate, starting it if needed; an error when espeak-ng or
// its data (espeak-ng-data) cannot be loaded.
Result<int> speech_sample_rate();

Result<PcmAudio> synthesize_speech(std::string_view text, const SpeechVoice& voice);

}  // namespace kiosk::speech
