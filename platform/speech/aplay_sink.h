// The sound device: each announcement is piped as raw PCM into a fresh `aplay`
// (alsa-utils) and play() returns when aplay has played it and exited. With no
// sound device (or no aplay) play() returns an error and the caller carries on:
// the calls are still on the screen. Tests use the WAV sink instead.
#pragma once

#include <string>

#include "speech/audio_sink.h"

namespace kiosk::speech {

class AplaySink : public AudioSink {
 public:
  explicit AplaySink(std::string alsa_device = {});  // empty: ALSA's default device

  Result<Done> play(const PcmAudio& audio) override;

 private:
  std::string alsa_device_;
};

}  // namespace kiosk::speech
