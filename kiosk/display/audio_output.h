// Where the display's announcements go, from the command line:
//   --audio-out FILE.wav   every announcement appended to a WAV file (tests)
//   --audio aplay          the sound device through aplay
//   --audio none           silent
// With neither option: aplay when it and a sound card are there, else silent
// (with a log line saying why).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/result.h"
#include "speech/audio_sink.h"

namespace kiosk::display {

struct AudioChoice {
  std::optional<std::string> wav_path;  // --audio-out
  std::optional<std::string> device;    // --audio: "aplay" or "none"
};

// nullptr for silence; an error when the WAV file cannot be written, speech
// cannot start, or --audio names something unknown (InvalidArgument).
Result<std::unique_ptr<speech::AudioSink>> open_audio_output(const AudioChoice& choice);

}  // namespace kiosk::display
