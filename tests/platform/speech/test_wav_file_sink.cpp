// The WAV sink: a valid file from creation on, every append readable at once,
// silence between appends, other sample rates refused.
#include <doctest/doctest.h>

#include "speech/wav_file_sink.h"
#include "support/temp_dir.h"
#include "wav_reader.h"

using namespace kiosk::speech;

TEST_CASE("the WAV file is valid when empty and after each append, with the gap between") {
  kiosk::test::TempDir dir;
  const std::string path = dir.file("calls.wav");
  auto sink = WavFileSink::create(path, 8000, std::chrono::milliseconds(250));
  REQUIRE(sink.ok());

  auto empty = read_mono16_wav(path);
  CHECK(empty.problem == "");
  CHECK(empty.audio.sample_rate == 8000);
  CHECK(empty.audio.samples.empty());

  const PcmAudio first{8000, {100, -200, 300}};
  const PcmAudio second{8000, {-7, 7}};
  REQUIRE(sink.value()->play(first).ok());
  auto after_first = read_mono16_wav(path);
  CHECK(after_first.problem == "");
  CHECK(after_first.audio.samples == first.samples);

  REQUIRE(sink.value()->play(second).ok());
  auto after_second = read_mono16_wav(path);
  CHECK(after_second.problem == "");
  std::vector<std::int16_t> expected = first.samples;
  expected.insert(expected.end(), 2000, 0);  // 250 ms at 8 kHz
  expected.insert(expected.end(), second.samples.begin(), second.samples.end());
  CHECK(after_second.audio.samples == expected);
}

TEST_CASE("audio at another sample rate is refused and the file stays valid") {
  kiosk::test::TempDir dir;
  auto sink = WavFileSink::create(dir.file("calls.wav"), 22050);
  REQUIRE(sink.ok());
  auto refused = sink.value()->play(PcmAudio{16000, {1, 2, 3}});
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().kind == kiosk::ErrorKind::InvalidArgument);
  CHECK(read_mono16_wav(dir.file("calls.wav")).problem == "");
}

TEST_CASE("a WAV path that cannot be created is an error") {
  auto sink = WavFileSink::create("/nonexistent-dir/calls.wav", 22050);
  REQUIRE_FALSE(sink.ok());
  CHECK(sink.error().message.find("/nonexistent-dir/calls.wav") != std::string::npos);
}
