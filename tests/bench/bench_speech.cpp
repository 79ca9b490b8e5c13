// Benchmark of the calling display's voice (prints figures; never a pass/fail
// on time): per announcement (chime + Mandarin + English for varied tickets and
// counters) the time to synthesize it with espeak-ng, its length and the
// real-time factor, as medians and maxima. --wav FILE also writes them all, as
// the display's --audio-out would, for listening.
//   bench_speech [--reps 20] [--wav FILE]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "speech/announcement_audio.h"
#include "speech/speech_synthesizer.h"
#include "speech/wav_file_sink.h"

using namespace kiosk::speech;

namespace {

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  int reps = 20;
  std::string wav_path;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--reps") == 0) reps = std::max(1, std::atoi(argv[i + 1]));
    if (std::strcmp(argv[i], "--wav") == 0) wav_path = argv[i + 1];
  }
  auto rate = speech_sample_rate();
  if (!rate) {
    std::fprintf(stderr, "%s\n", rate.error().message.c_str());
    return 1;
  }
  std::unique_ptr<WavFileSink> wav;
  if (!wav_path.empty()) {
    auto created = WavFileSink::create(wav_path, rate.value());
    if (!created) {
      std::fprintf(stderr, "%s\n", created.error().message.c_str());
      return 1;
    }
    wav = std::move(created).value();
  }

  std::vector<double> synthesis_ms;
  std::vector<double> audio_seconds;
  for (int i = 0; i < reps; ++i) {
    const char letter = static_cast<char>('A' + i % 4);
    const int number = i % 2 == 0 ? 1 + (i * 37) % 999 : 1000 + (i * 271) % 9000;
    char label[16];
    std::snprintf(label, sizeof label, "%c%03d", letter, number);
    auto text = announcement_text(label, 1 + (i * 7) % 99);
    if (!text) return 1;
    const auto started = std::chrono::steady_clock::now();
    auto audio = render_announcement(text.value());
    synthesis_ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
    if (!audio) {
      std::fprintf(stderr, "%s\n", audio.error().message.c_str());
      return 1;
    }
    audio_seconds.push_back(audio.value().seconds());
    if (wav && !wav->play(audio.value())) return 1;
  }

  std::vector<double> real_time_factor;
  for (std::size_t i = 0; i < synthesis_ms.size(); ++i)
    real_time_factor.push_back(synthesis_ms[i] / 1000.0 / audio_seconds[i]);
  std::printf("announcements: %d at %d Hz\n", reps, rate.value());
  std::printf("synthesis per announcement: median %.1f ms, max %.1f ms\n", median(synthesis_ms),
              *std::max_element(synthesis_ms.begin(), synthesis_ms.end()));
  std::printf("announcement length: median %.2f s, min %.2f s, max %.2f s\n", median(audio_seconds),
              *std::min_element(audio_seconds.begin(), audio_seconds.end()),
              *std::max_element(audio_seconds.begin(), audio_seconds.end()));
  std::printf("synthesis time / audio time: median %.3f\n", median(real_time_factor));
  return 0;
}
