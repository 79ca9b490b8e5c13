// `kiosk --role display`: options, the audio output, then the window and the
// frame loop, or one screenshot (--screen board|offline) with the node's live data.
#include "display/display_role.h"

#include <chrono>
#include <cstdio>
#include <thread>

#include "app/screen_names.h"
#include "app/window_runtime.h"
#include "display/audio_output.h"
#include "display/display_app.h"
#include "display/display_board.h"

namespace kiosk::display {
namespace {

LanguageChoice parse_language(const std::string& lang) {
  if (lang == "zh") return LanguageChoice::Zh;
  if (lang == "en") return LanguageChoice::En;
  if (lang == "both") return LanguageChoice::Both;
  throw UsageError("--lang must be zh, en or both");
}

// Waits (a bounded while) until the node has answered or is known unreachable.
void settle(DisplayApp& app) {
  for (int i = 0; i < 1500; ++i) {
    app.update(app::wall_now_ms());
    const DisplayState& s = app.state();
    if ((s.queue_loaded && s.history_loaded) || s.connection == Connection::Offline) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  std::fprintf(stderr, "kiosk: the store node did not answer within 3 s; drawing what there is\n");
}

}  // namespace

const std::vector<std::string>& scripted_screen_names() {
  static const std::vector<std::string> names{"board", "offline"};
  return names;
}

int run_display_role(CommandLine& cl) {
  DisplayAppConfig config;
  config.node.store_url = cl.required("store");
  config.language = parse_language(cl.optional("lang").value_or("zh"));
  ui::WindowConfig window_config;
  if (std::optional<std::string> size = cl.optional("windowed")) {
    window_config.windowed = ui::parse_window_size(*size);
    if (!window_config.windowed) throw UsageError("--windowed must be WIDTHxHEIGHT, e.g. 1920x1080");
  }
  AudioChoice audio_choice{cl.optional("audio-out"), cl.optional("audio")};
  if (audio_choice.wav_path && audio_choice.device) throw UsageError("--audio-out and --audio go alone");
  const std::optional<std::string> screen = cl.optional("screen"), screenshot = cl.optional("screenshot");
  if (screen.has_value() != screenshot.has_value()) throw UsageError("--screen and --screenshot go together");
  if (screen)
    if (Result<Done> known = app::check_screen_name(scripted_screen_names(), *screen); !known)
      throw UsageError(known.error().message);
  app::LoopOptions loop;
  loop.frame_stats = cl.flag("frame-stats");
  cl.finish();
  app::StopSignals stop_signals;  // before any other thread starts (espeak-ng may start one)

  Result<app::Translations> texts = app::load_translations();
  if (!texts) {
    std::fprintf(stderr, "kiosk: %s\n", texts.error().message.c_str());
    return app::kExitFailure;
  }
  if (screen) audio_choice = {std::nullopt, "none"};
  Result<std::unique_ptr<speech::AudioSink>> audio = open_audio_output(audio_choice);
  if (!audio) {
    std::fprintf(stderr, "kiosk: %s\n", audio.error().message.c_str());
    return audio.error().kind == ErrorKind::InvalidArgument ? app::kExitUsage : app::kExitFailure;
  }

  window_config.title = "Calling display";
  window_config.font_scale = display_font_scale();
  ui::Window window(window_config);
  DisplayApp app(config, std::move(texts).value(), std::move(audio).value(), app::wall_now_ms(),
                 [] { ui::Window::wake(); });  // after the window: its thread stops first
  if (screen) {
    settle(app);
    const EpochMs at = app::wall_now_ms();
    if (*screen == "offline") app.dispatch(NodeUnreachable{"--screen offline"}, at);
    return app::capture_screenshot(window, app, at, *screen, *screenshot);
  }
  app::seed_fonts(window.fonts(), app);
  app::run_frame_loop(window, app, stop_signals, loop);
  return 0;
}

}  // namespace kiosk::display
