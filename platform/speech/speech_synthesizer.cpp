// The espeak-ng engine behind a mutex: AUDIO_OUTPUT_SYNCHRONOUS, so espeak_Synth
// returns only after the synth callback has been handed every sample.
#include "speech/speech_synthesizer.h"

#include <espeak-ng/speak_lib.h>

#include <mutex>

namespace kiosk::speech {

namespace {

constexpr int callback_buffer_milliseconds = 200;

int collect_samples(short* samples, int count, espeak_EVENT* events) {
  auto* audio = static_cast<PcmAudio*>(events[0].user_data);
  if (samples != nullptr && count > 0) audio->samples.insert(audio->samples.end(), samples, samples + count);
  return 0;  // keep going
}

class EspeakEngine {
 public:
  EspeakEngine() {
    // DONT_EXIT: without it espeak-ng calls exit() when its data is missing.
    sample_rate_ =
        espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, callback_buffer_milliseconds, nullptr, espeakINITIALIZE_DONT_EXIT);
    if (sample_rate_ > 0) espeak_SetSynthCallback(collect_samples);
  }
  ~EspeakEngine() {
    if (sample_rate_ > 0) espeak_Terminate();
  }
  EspeakEngine(const EspeakEngine&) = delete;
  EspeakEngine& operator=(const EspeakEngine&) = delete;

  Result<int> sample_rate() const {
    if (sample_rate_ <= 0) return storage_error("espeak-ng cannot start (is espeak-ng-data installed?)");
    return sample_rate_;
  }

  Result<PcmAudio> synthesize(std::string_view text, const SpeechVoice& voice) {
    auto rate = sample_rate();
    if (!rate) return rate.error();
    std::lock_guard lock(mutex_);
    if (espeak_SetVoiceByName(voice.espeak_name.c_str()) != EE_OK) {
      return storage_error("espeak-ng has no voice '" + voice.espeak_name + "'");
    }
    espeak_SetParameter(espeakRATE, voice.words_per_minute, 0);
    PcmAudio audio{rate.value(), {}};
    const std::string text_copy(text);  // espeak wants a terminated string
    const espeak_ERROR outcome =
        espeak_Synth(text_copy.c_str(), text_copy.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, &audio);
    if (outcome != EE_OK) return storage_error("espeak-ng failed to speak: '" + text_copy + "'");
    return audio;
  }

 private:
  std::mutex mutex_;
  int sample_rate_ = 0;
};

EspeakEngine& engine() {
  static EspeakEngine instance;  // started on first use, terminated at exit
  return instance;
}

}  // namespace

Result<int> speech_sample_rate() { return engine().sample_rate(); }

Result<PcmAudio> synthesize_speech(std::string_view text, const SpeechVoice& voice) {
  return engine().synthesize(text, voice);
}

}  // namespace kiosk::speech
