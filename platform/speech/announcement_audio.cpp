// Rendering an announcement from the chime and two synthesized texts.
#include "speech/announcement_audio.h"

#include "speech/chime.h"
#include "speech/speech_synthesizer.h"

namespace kiosk::speech {

namespace {
constexpr std::chrono::milliseconds pause_after_chime{300};
constexpr std::chrono::milliseconds pause_between_languages{500};
}  // namespace

Result<PcmAudio> render_announcement(const AnnouncementText& text) {
  auto mandarin = synthesize_speech(text.mandarin_pinyin, mandarin_pinyin_voice);
  if (!mandarin) return mandarin.error();
  auto english = synthesize_speech(text.english, english_voice);
  if (!english) return english.error();

  PcmAudio announcement = make_chime(mandarin.value().sample_rate);
  append_silence(announcement, pause_after_chime);
  append_audio(announcement, mandarin.value());
  append_silence(announcement, pause_between_languages);
  append_audio(announcement, english.value());
  return announcement;
}

}  // namespace kiosk::speech
