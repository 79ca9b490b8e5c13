// DisplayRole: the board's parts as the role shell takes them, and the Announcer.
#include "display/display_app.h"

#include "display/display_reducer.h"
#include "display/screens/display_screens.h"
#include "ui/ui_log.h"

namespace kiosk::display {

DisplayRole::DisplayRole(DisplayAppConfig c, app::Translations t, std::unique_ptr<speech::AudioSink> audio)
    : config(std::move(c)), texts(std::move(t)) {
  if (!audio) return;
  announcer_ = std::make_unique<speech::Announcer>(
      std::move(audio), speech::AnnouncerOptions{}, [](const speech::AnnouncementReport& report) {
        if (!report.error.empty())
          ui::log_warning("display: announcing %s: %s", report.call.ticket_label.c_str(), report.error.c_str());
      });
}

void DisplayRole::announce(const CallEvent& event) const {
  if (!announcer_) return;
  Result<Done> queued = announcer_->announce({event.ticket, event.counter});
  if (!queued) ui::log_warning("display: %s not announced: %s", event.ticket.c_str(), queued.error().message.c_str());
}

std::vector<Effect> DisplayRole::start(State& state, EpochMs now) const {
  state.language = config.language;
  const std::optional<remote::NodeEnrolment>& enrolment = config.node.enrolment;
  state.device =
      kit::starting_enrolment(enrolment.has_value(), config.enrol_refusal, enrolment ? enrolment->fingerprint : "");
  state.started_at = now;
  return {};
}

std::vector<Effect> DisplayRole::reduce(State& state, const Action& action, EpochMs now) const {
  return display::reduce(state, action, now);
}

void DisplayRole::draw(ui::TouchUi& ui, const State& state, EpochMs now, const std::function<void(Action)>& tap) const {
  const BoardView view{state, texts, config.timings, now, nullptr};
  if (kit::shows_role_screens(state.device, now))
    draw_display_board(ui, view);  // a hall's TV takes no taps
  else
    draw_display_enrol(ui, view, config.node.store_url, tap);
}

std::optional<EpochMs> DisplayRole::next_deadline(const State& state, EpochMs now) const {
  return next_change(state, now, config.timings);
}

std::vector<std::string> DisplayRole::texts_to_show(const State& state) const {
  std::vector<std::string> all = texts.all_texts();
  for (const ServiceCount& service : state.services) {
    all.push_back(service.name_zh);
    all.push_back(service.name_en);
  }
  all.push_back("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:");  // labels in the list of earlier calls, counts, the clock
  all.push_back(config.node.store_url);                    // the enrol screens: the node's address...
  all.push_back("abcdefghijklmnopqrstuvwxyz+/-");          // ...and its fingerprint (base64)
  return all;
}

bool DisplayRole::settled(const State& state) const {
  return (state.queue_loaded && state.history_loaded) || state.connection == Connection::Offline ||
         !kit::enrolled(state.device);
}

app::EffectRunner<Effect> DisplayRole::make_runner(std::function<void(Action)> post) const {
  return follow_node(config.node, std::move(post), [this](const CallEvent& event) { announce(event); });
}

}  // namespace kiosk::display
