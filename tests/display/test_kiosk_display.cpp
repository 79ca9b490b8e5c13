// The kiosk executable as the calling display (a real window under a private
// Xvfb) following a real store node, with --audio-out: the calls and the recall
// made through the API are announced into the WAV file one after the other:
// non-silent, one stretch of sound per announcement with silence between
// (queued, never overlapping), each of a plausible length; the recall sounds
// like its call. SIGTERM ends the display cleanly. And --screen board|offline
// draws the node's live calls into a PNG in both languages.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <thread>

#include "audio_measures.h"
#include "display/display_role.h"
#include "display_harness.h"
#include "enrolled_device.h"
#include "support/child_process.h"
#include "support/temp_dir.h"
#include "support/xvfb_server.h"
#include "wav_reader.h"

using namespace kiosk;

namespace {

// The WAV once it holds `count` announcements (read again until then; the sink rewrites its header after each).
WavReadResult wait_for_announcements(const std::string& path, std::size_t count) {
  WavReadResult wav;
  for (int i = 0; i < 1200; ++i) {
    wav = read_mono16_wav(path);
    if (wav.problem.empty() && sound_segments(wav.audio, std::chrono::milliseconds(800)).size() >= count) return wav;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return wav;
}

}  // namespace

TEST_CASE("kiosk --role display --audio-out: every call and recall announced, queued, whole") {
  test::NodeFixture node;
  node.issue(5);
  test::XvfbServer xvfb(1280, 720);
  test::TempDir dir;
  test::save_fixture_enrolment(node, dir.path());
  const std::string wav_path = dir.file("calls.wav");
  test::ChildProcess display({KIOSK_PATH, "--role", "display", "--store", test::node_url(node), "--data", dir.path(),
                              "--windowed", "1280x720", "--audio-out", wav_path});
  std::optional<std::string> following = display.read_line(std::chrono::seconds(20));
  REQUIRE(following);
  CHECK(following->find("\"following\"") != std::string::npos);

  test::ApiClient counter1 = node.staff_client("Li", "2580", 1);
  test::ApiClient counter2 = node.staff_client("Wang", "1470", 2);
  test::call_next(counter1, 1);
  test::call_next(counter2, 2);
  REQUIRE(counter1.post("/api/v1/counters/1/recall").status == 200);
  test::call_next(counter1, 1);
  constexpr std::size_t kAnnouncements = 4;

  const WavReadResult wav = wait_for_announcements(wav_path, kAnnouncements);
  display.terminate();
  CHECK(display.wait() == 0);
  REQUIRE(wav.problem == "");
  const std::vector<SoundSegment> segments = sound_segments(wav.audio, std::chrono::milliseconds(800));
  REQUIRE(segments.size() == kAnnouncements);
  CHECK(rms_level(wav.audio) > 0.02);
  std::vector<double> seconds;
  for (const SoundSegment& s : segments) {
    seconds.push_back(double(s.end_sample - s.first_sample) / wav.audio.sample_rate);
    CHECK(seconds.back() > 3.0);  // chime + Mandarin + English
    CHECK(seconds.back() < 14.0);
  }
  CHECK(seconds[2] == doctest::Approx(seconds[0]).epsilon(0.05));  // the recall says the same words again
  CHECK(wav.audio.seconds() > kAnnouncements * 3.0 + (kAnnouncements - 1) * 0.8);
  CHECK(wav.audio.seconds() < kAnnouncements * 14.0 + kAnnouncements * 1.5);
}

TEST_CASE("kiosk --role display --screen NAME --screenshot: every scripted screen, zh and en") {
  test::NodeFixture node;
  node.issue(8);
  test::ApiClient counter3 = node.staff_client("Li", "2580", 3);
  for (int i = 0; i < 3; ++i) test::call_next(counter3, 3);
  test::XvfbServer xvfb(1920, 1080);
  test::TempDir device_dir;
  test::save_fixture_enrolment(node, device_dir.path());
  const std::string dir = std::string(KIOSK_SCREENSHOT_DIR) + "/kiosk";
  std::filesystem::create_directories(dir);
  for (const char* lang : {"zh", "en"}) {
    for (const std::string& screen : display::scripted_screen_names()) {
      const std::string png = dir + "/" + screen + "_" + lang + ".png";
      const test::CommandOutput out = test::run_command(
          {KIOSK_PATH, "--role", "display", "--store", test::node_url(node), "--data", device_dir.path(), "--windowed",
           "1920x1080", "--lang", lang, "--screen", screen, "--screenshot", png});
      INFO(png);
      CHECK(out.exit_code == 0);
      CHECK(std::filesystem::file_size(png) > 10000);
      std::printf("[screenshot] %s\n", png.c_str());
    }
  }
}
