// The Announcer end to end with real synthesis: queued calls come out of the
// WAV sink whole, in order and apart; a recall is announced again; the queue
// is bounded; a failing device is reported and the next call still plays.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "audio_measures.h"
#include "speech/announcer.h"
#include "speech/aplay_sink.h"
#include "speech/speech_synthesizer.h"
#include "speech/wav_file_sink.h"
#include "support/temp_dir.h"
#include "wav_reader.h"

using namespace kiosk::speech;

namespace {

constexpr std::chrono::milliseconds wav_gap{1500};
constexpr std::chrono::seconds idle_limit{60};

class ReportLog {
 public:
  Announcer::ReportCallback callback() {
    return [this](const AnnouncementReport& report) {
      std::lock_guard lock(mutex_);
      reports_.push_back(report);
    };
  }
  std::vector<AnnouncementReport> reports() {
    std::lock_guard lock(mutex_);
    return reports_;
  }

 private:
  std::mutex mutex_;
  std::vector<AnnouncementReport> reports_;
};

// The WAV sink, keeping a copy of every announcement handed to it (espeak-ng
// varies a few samples between runs, so the audio cannot be made again to compare).
class RecordedWavSink : public AudioSink {
 public:
  explicit RecordedWavSink(const std::string& path) {
    auto rate = speech_sample_rate();
    REQUIRE(rate.ok());
    auto sink = WavFileSink::create(path, rate.value(), wav_gap);
    REQUIRE(sink.ok());
    wav_ = std::move(sink).value();
  }
  kiosk::Result<kiosk::Done> play(const PcmAudio& audio) override {
    {
      std::lock_guard lock(mutex_);
      played_.push_back(audio);
    }
    return wav_->play(audio);
  }
  std::vector<PcmAudio> played() {
    std::lock_guard lock(mutex_);
    return played_;
  }

 private:
  std::unique_ptr<WavFileSink> wav_;
  std::mutex mutex_;
  std::vector<PcmAudio> played_;
};

// What the WAV file must hold: the announcements back to back with the gap between.
std::vector<std::int16_t> joined_with_gaps(const std::vector<PcmAudio>& announcements) {
  PcmAudio joined{announcements.at(0).sample_rate, {}};
  for (std::size_t i = 0; i < announcements.size(); ++i) {
    if (i > 0) append_silence(joined, wav_gap);
    append_audio(joined, announcements[i]);
  }
  return joined.samples;
}

// A sink that holds play() until released, and tells when a play has begun.
class GatedSink : public AudioSink {
 public:
  kiosk::Result<kiosk::Done> play(const PcmAudio&) override {
    std::unique_lock lock(mutex_);
    ++plays_begun_;
    changed_.notify_all();
    changed_.wait_for(lock, std::chrono::seconds(10), [this] { return released_; });
    return kiosk::Done{};
  }
  bool wait_for_plays_begun(int count) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, std::chrono::seconds(10), [&] { return plays_begun_ >= count; });
  }
  void release() {
    std::lock_guard lock(mutex_);
    released_ = true;
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int plays_begun_ = 0;
  bool released_ = false;
};

}  // namespace

TEST_CASE("three queued calls are announced whole, in order, one after the other") {
  kiosk::test::TempDir dir;
  const std::string path = dir.file("calls.wav");
  const std::vector<CounterCall> calls = {{"A012", 3}, {"B1234", 12}, {"C007", 1}};
  ReportLog log;
  auto recorded = std::make_unique<RecordedWavSink>(path);
  RecordedWavSink& sink = *recorded;
  std::vector<PcmAudio> played;
  {
    Announcer announcer(std::move(recorded), {}, log.callback());
    for (const auto& call : calls) REQUIRE(announcer.announce(call).ok());
    REQUIRE(announcer.wait_until_idle(idle_limit));
    played = sink.played();  // the sink goes with the announcer
  }

  const auto reports = log.reports();
  REQUIRE(reports.size() == calls.size());
  REQUIRE(played.size() == calls.size());
  for (std::size_t i = 0; i < calls.size(); ++i) {
    CHECK(reports[i].call.ticket_label == calls[i].ticket_label);
    CHECK(reports[i].error == "");
    CHECK(reports[i].audio_seconds == played[i].seconds());
    CHECK(played[i].seconds() > 3.0);
    CHECK(played[i].seconds() < 12.0);
  }

  const auto wav = read_mono16_wav(path);
  REQUIRE(wav.problem == "");
  // The file is exactly each announcement whole, in call order, with the gap
  // between: nothing cut, nothing mixed into anything else.
  CHECK(wav.audio.samples == joined_with_gaps(played));
  // And heard as three separate announcements: three stretches of sound.
  CHECK(sound_segments(wav.audio, std::chrono::milliseconds(1200)).size() == calls.size());
  CHECK(rms_level(wav.audio) > 0.02);
}

TEST_CASE("a recall is announced again") {
  kiosk::test::TempDir dir;
  const std::string path = dir.file("recall.wav");
  ReportLog log;
  auto recorded = std::make_unique<RecordedWavSink>(path);
  RecordedWavSink& sink = *recorded;
  std::vector<PcmAudio> played;
  {
    Announcer announcer(std::move(recorded), {}, log.callback());
    REQUIRE(announcer.announce({"A012", 3}).ok());
    REQUIRE(announcer.wait_until_idle(idle_limit));
    REQUIRE(announcer.announce({"A012", 3}).ok());  // the counter presses "recall"
    REQUIRE(announcer.wait_until_idle(idle_limit));
    played = sink.played();  // the sink goes with the announcer
  }
  const auto reports = log.reports();
  REQUIRE(reports.size() == 2);
  REQUIRE(played.size() == 2);
  CHECK(reports[1].call.ticket_label == "A012");
  CHECK(reports[1].error == "");
  CHECK(played[1].seconds() == doctest::Approx(played[0].seconds()).epsilon(0.02));  // the same words again
  const auto wav = read_mono16_wav(path);
  REQUIRE(wav.problem == "");
  CHECK(wav.audio.samples == joined_with_gaps(played));
  CHECK(sound_segments(wav.audio, std::chrono::milliseconds(1200)).size() == 2);
}

TEST_CASE("bad calls are refused at once; a full queue refuses the newest call") {
  auto gated = std::make_unique<GatedSink>();
  GatedSink& sink = *gated;
  ReportLog log;
  Announcer announcer(std::move(gated), AnnouncerOptions{2}, log.callback());

  auto bad = announcer.announce({"A12", 3});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().kind == kiosk::ErrorKind::InvalidArgument);

  REQUIRE(announcer.announce({"A001", 1}).ok());
  REQUIRE(sink.wait_for_plays_begun(1));  // A001 is playing; the queue is empty again
  REQUIRE(announcer.announce({"A002", 1}).ok());
  REQUIRE(announcer.announce({"A003", 1}).ok());
  auto full = announcer.announce({"A004", 1});
  REQUIRE_FALSE(full.ok());
  CHECK(full.error().code == "announce-queue-full");

  sink.release();
  REQUIRE(announcer.wait_until_idle(idle_limit));
  const auto reports = log.reports();
  REQUIRE(reports.size() == 3);
  CHECK(reports[0].call.ticket_label == "A001");
  CHECK(reports[1].call.ticket_label == "A002");
  CHECK(reports[2].call.ticket_label == "A003");
}

TEST_CASE("a sound device that fails is reported, and the next call is still tried") {
  ReportLog log;
  {
    Announcer announcer(std::make_unique<AplaySink>("no-such-alsa-device"), {}, log.callback());
    REQUIRE(announcer.announce({"A012", 3}).ok());
    REQUIRE(announcer.announce({"A013", 4}).ok());
    REQUIRE(announcer.wait_until_idle(idle_limit));
  }
  const auto reports = log.reports();
  REQUIRE(reports.size() == 2);
  for (const auto& report : reports) {
    CHECK(report.error.find("aplay failed") != std::string::npos);
    CHECK(report.error.find("no-such-alsa-device") != std::string::npos);  // ALSA's own words are kept
  }
}
