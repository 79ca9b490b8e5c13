// Where announcements go: a sound device or a WAV file. play() returns when the
// audio has been played (device) or written (file); the Announcer calls it from
// its one thread, one announcement at a time.
#pragma once

#include "core/result.h"
#include "speech/pcm_audio.h"

namespace kiosk::speech {

class AudioSink {
 public:
  virtual ~AudioSink() = default;
  virtual Result<Done> play(const PcmAudio& audio) = 0;
};

}  // namespace kiosk::speech
