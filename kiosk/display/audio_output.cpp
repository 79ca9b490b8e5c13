// Opening the display's audio output (see audio_output.h).
#include "display/audio_output.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "speech/aplay_sink.h"
#include "speech/speech_synthesizer.h"
#include "speech/wav_file_sink.h"
#include "ui/ui_log.h"

namespace kiosk::display {
namespace {

bool on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');)
    if (!dir.empty() && access((dir + "/" + program).c_str(), X_OK) == 0) return true;
  return false;
}

bool has_sound_card() {
  std::error_code ignored;
  return std::filesystem::exists("/dev/snd/controlC0", ignored);
}

}  // namespace

Result<std::unique_ptr<speech::AudioSink>> open_audio_output(const AudioChoice& choice) {
  if (choice.wav_path) {
    Result<int> rate = speech::speech_sample_rate();
    if (!rate) return rate.error();
    Result<std::unique_ptr<speech::WavFileSink>> wav = speech::WavFileSink::create(*choice.wav_path, rate.value());
    if (!wav) return wav.error();
    return std::unique_ptr<speech::AudioSink>(std::move(wav).value());
  }
  const std::string device = choice.device.value_or("auto");
  if (device == "none") return std::unique_ptr<speech::AudioSink>();
  if (device == "aplay") return std::unique_ptr<speech::AudioSink>(std::make_unique<speech::AplaySink>());
  if (device != "auto") return invalid_argument("--audio must be aplay or none");
  if (!on_path("aplay") || !has_sound_card()) {
    ui::log_warning("display: no aplay or no sound card: calls are shown, not announced");
    return std::unique_ptr<speech::AudioSink>();
  }
  return std::unique_ptr<speech::AudioSink>(std::make_unique<speech::AplaySink>());
}

}  // namespace kiosk::display
