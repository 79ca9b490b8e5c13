// `kiosk --role display`: its flags, the audio output, then the window and the
// frame loop, or one screenshot (--screen board|offline) with the node's live
// data (app/role_runner.h).
#include "display/display_role.h"

#include <cstdio>

#include "app/role_runner.h"
#include "app/screen_names.h"
#include "display/audio_output.h"
#include "display/display_app.h"
#include "display/screens/display_screens.h"
#include "kit/enrol_samples.h"
#include "remote/device_start.h"

namespace kiosk::display {
namespace {

LanguageChoice language_choice(const std::string& lang) {
  return lang == "en" ? LanguageChoice::En : lang == "both" ? LanguageChoice::Both : LanguageChoice::Zh;
}

}  // namespace

const std::vector<std::string>& scripted_screen_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all{"board", "offline"};
    for (const std::string& name : kit::enrol_screen_names()) all.push_back(name);
    return all;
  }();
  return names;
}

int run_display_role(CommandLine& cl) {
  DisplayAppConfig config;
  const remote::DeviceArgs device = remote::read_device_args(cl);
  config.node.store_url = device.node_url;
  config.node.data_dir = device.data_dir;
  app::RoleOptions options = app::read_role_options(cl, {"zh", "en", "both"});
  config.language = language_choice(options.language);
  AudioChoice audio_choice{cl.optional("audio-out"), cl.optional("audio")};
  if (audio_choice.wav_path && audio_choice.device) throw UsageError("--audio-out and --audio go alone");
  if (options.screen)
    if (Result<Done> known = app::check_screen_name(scripted_screen_names(), *options.screen); !known)
      throw UsageError(known.error().message);
  cl.finish();
  // Enrolled before the window opens (--enrol), or the enrol screen comes first; a screenshot enrols nothing.
  remote::StartingEnrolment enrolment =
      remote::enrolment_at_start(display_device(config.node), options.screen ? std::nullopt : device.enrol_code);
  config.node.enrolment = std::move(enrolment.enrolment);
  config.enrol_refusal = std::move(enrolment.refusal);
  app::StopSignals stop_signals;  // before any other thread starts (espeak-ng may start one)

  app::Translations texts = app::role_texts();
  if (options.screen) audio_choice = {std::nullopt, "none"};
  Result<std::unique_ptr<speech::AudioSink>> audio = open_audio_output(audio_choice);
  if (!audio) {
    std::fprintf(stderr, "kiosk: %s\n", audio.error().message.c_str());
    return audio.error().kind == ErrorKind::InvalidArgument ? app::kExitUsage : app::kExitFailure;
  }

  options.window.title = "Calling display";
  options.window.font_scale = display_font_scale();
  ui::Window window(options.window);
  DisplayApp app(DisplayRole(config, std::move(texts), std::move(audio).value()), app::wall_now_ms(),
                 [] { ui::Window::wake(); });  // after the window: its thread stops first
  return app::show_role(window, app, options, stop_signals, [&](const std::string& screen, EpochMs now) {
    if (!app.settle(now, 3000))
      std::fprintf(stderr, "kiosk: the store node did not answer within 3 s; drawing what there is\n");
    if (screen == "offline") app.dispatch(NodeUnreachable{"--screen offline"}, now);
    const std::string fingerprint =
        app.state().device.fingerprint.empty() ? "AB12-CD34" : app.state().device.fingerprint;
    if (screen != "board" && screen != "offline")
      kit::play_enrol_samples(screen, fingerprint,
                              {[&](const kit::EnrolInput& a) { app.show_sample(Action(a), now += 10); },
                               [&](const kit::EnrolAnswer& a) { app.show_sample(Action(a), now += 10); }});
    return Result<EpochMs>(now);
  });
}

}  // namespace kiosk::display
