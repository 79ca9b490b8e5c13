// DisplayApp: the glue between reducer, node follower, Announcer and board.
#include "display/display_app.h"

#include "display/display_board.h"
#include "display/display_reducer.h"
#include "ui/ui_log.h"

namespace kiosk::display {

DisplayApp::DisplayApp(DisplayAppConfig config, app::Translations texts, std::unique_ptr<speech::AudioSink> audio,
                       EpochMs now, std::function<void()> wake)
    : config_(std::move(config)), texts_(std::move(texts)) {
  inbox_.set_wake(std::move(wake));
  state_.language = config_.language;
  state_.started_at = now;
  if (audio) {
    announcer_ = std::make_unique<speech::Announcer>(std::move(audio), speech::AnnouncerOptions{},
                                                     [](const speech::AnnouncementReport& report) {
                                                       if (!report.error.empty())
                                                         ui::log_warning("display: announcing %s: %s",
                                                                         report.call.ticket_label.c_str(),
                                                                         report.error.c_str());
                                                     });
  }
  follower_ = std::make_unique<NodeFollower>(
      config_.node, [this](Action action) { inbox_.post(std::move(action)); },
      [this](const CallEvent& event) { announce(event); });
}

void DisplayApp::announce(const CallEvent& event) {
  if (!announcer_) return;
  Result<Done> queued = announcer_->announce({event.ticket, event.counter});
  if (!queued) ui::log_warning("display: %s not announced: %s", event.ticket.c_str(), queued.error().message.c_str());
}

void DisplayApp::dispatch(const Action& action, EpochMs now) { reduce(state_, action, now); }

void DisplayApp::update(EpochMs now) {
  for (const Action& action : inbox_.drain()) dispatch(action, now);
}

void DisplayApp::draw(ui::TouchUi& ui, EpochMs now) {
  draw_display_board(ui, BoardView{state_, texts_, config_.timings, now, nullptr});
}

std::optional<EpochMs> DisplayApp::next_deadline(EpochMs now) const { return next_change(state_, now, config_.timings); }

std::vector<std::string> DisplayApp::texts_to_show() const {
  std::vector<std::string> all = texts_.all_texts();
  for (const ServiceCount& service : state_.services) {
    all.push_back(service.name_zh);
    all.push_back(service.name_en);
  }
  all.push_back("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:");  // labels in the list of earlier calls, counts, the clock
  return all;
}

}  // namespace kiosk::display
