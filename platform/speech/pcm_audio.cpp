// Joining PCM pieces.
#include "speech/pcm_audio.h"

#include <cassert>

namespace kiosk::speech {

void append_audio(PcmAudio& audio, const PcmAudio& tail) {
  assert(audio.sample_rate == tail.sample_rate && "append_audio: pieces must share a sample rate");
  audio.samples.insert(audio.samples.end(), tail.samples.begin(), tail.samples.end());
}

void append_silence(PcmAudio& audio, std::chrono::milliseconds length) {
  const auto count = static_cast<std::size_t>(static_cast<long long>(audio.sample_rate) * length.count() / 1000);
  audio.samples.insert(audio.samples.end(), count, 0);
}

}  // namespace kiosk::speech
