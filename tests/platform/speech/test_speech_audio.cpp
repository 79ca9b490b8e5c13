// Real synthesis with espeak-ng, judged by numbers: the voices exist, speech
// and chime are loud enough and of a plausible length, and one announcement
// is the chime, a pause, then the two texts.
#include <doctest/doctest.h>

#include <algorithm>

#include "audio_measures.h"
#include "speech/announcement_audio.h"
#include "speech/chime.h"
#include "speech/speech_synthesizer.h"

using namespace kiosk::speech;

TEST_CASE("espeak-ng speaks pinyin and English at its sample rate") {
  auto rate = speech_sample_rate();
  REQUIRE_MESSAGE(rate.ok(), (rate.ok() ? "" : rate.error().message));
  CHECK(rate.value() == 22050);

  auto mandarin = synthesize_speech("qing3 A ling2 yi1 er4 hao4", mandarin_pinyin_voice);
  REQUIRE(mandarin.ok());
  CHECK(mandarin.value().sample_rate == rate.value());
  CHECK(mandarin.value().seconds() > 1.0);
  CHECK(mandarin.value().seconds() < 5.0);
  CHECK(rms_level(mandarin.value()) > 0.02);

  auto english = synthesize_speech("Number A, 0, 1, 2", english_voice);
  REQUIRE(english.ok());
  CHECK(english.value().seconds() > 1.0);
  CHECK(rms_level(english.value()) > 0.02);
}

TEST_CASE("an unknown voice is an error") {
  auto result = synthesize_speech("hello", SpeechVoice{"no-such-voice", 150});
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().message.find("no-such-voice") != std::string::npos);
}

TEST_CASE("the chime is two soft tones of about 1.3 s that never clip") {
  const PcmAudio chime = make_chime(22050);
  CHECK(chime.seconds() == doctest::Approx(1.35).epsilon(0.01));
  int peak = 0;
  for (const auto sample : chime.samples) peak = std::max(peak, std::abs(static_cast<int>(sample)));
  CHECK(peak > 32767 / 5);
  CHECK(peak < 32767 / 2);
  CHECK(chime.samples.front() == 0);  // the attack starts from silence: no click
  CHECK(rms_level(chime) > 0.03);
}

TEST_CASE("one announcement: chime, then Mandarin, then English, 3 to 12 seconds, not silent") {
  auto text = announcement_text("A012", 3);
  REQUIRE(text.ok());
  auto audio = render_announcement(text.value());
  REQUIRE(audio.ok());
  CHECK(audio.value().seconds() > 3.0);
  CHECK(audio.value().seconds() < 12.0);
  CHECK(rms_level(audio.value()) > 0.02);

  const PcmAudio chime = make_chime(audio.value().sample_rate);
  REQUIRE(audio.value().samples.size() > chime.samples.size());
  CHECK(std::equal(chime.samples.begin(), chime.samples.end(), audio.value().samples.begin()));

  // After the chime comes its pause, then speech; the rest is as long as the two
  // texts spoken apart (espeak-ng varies a few samples from run to run, so not equal).
  const auto& samples = audio.value().samples;
  const std::size_t pause_samples = static_cast<std::size_t>(audio.value().sample_rate * 0.3);
  CHECK(std::all_of(samples.begin() + static_cast<std::ptrdiff_t>(chime.samples.size()),
                    samples.begin() + static_cast<std::ptrdiff_t>(chime.samples.size() + pause_samples),
                    [](std::int16_t sample) { return sample == 0; }));
  auto mandarin = synthesize_speech(text.value().mandarin_pinyin, mandarin_pinyin_voice);
  auto english = synthesize_speech(text.value().english, english_voice);
  REQUIRE(mandarin.ok());
  REQUIRE(english.ok());
  const double speech_seconds = audio.value().seconds() - chime.seconds() - 0.3;
  CHECK(speech_seconds == doctest::Approx(mandarin.value().seconds() + 0.5 + english.value().seconds()).epsilon(0.03));
}
