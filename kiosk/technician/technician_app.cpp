// TechnicianApp: the glue between reducer, worker and screens.
#include "technician/technician_app.h"

#include "technician/screens/technician_screens.h"
#include "technician/technician_reducer.h"

namespace kiosk::technician {

ui::FontScale technician_font_scale() {
  ui::FontScale scale;
  scale.body = 1.0f / 30;
  scale.large = 1.0f / 20;
  scale.huge = 1.0f / 7;
  scale.min_width_em = 40;
  return scale;
}

TechnicianApp::TechnicianApp(TechnicianAppConfig config, app::Translations texts, std::function<void()> wake)
    : config_(std::move(config)), texts_(std::move(texts)) {
  inbox_.set_wake(std::move(wake));
  state_.language = config_.language;
  worker_ = std::make_unique<TechnicianWorker>([this] {
    return technician_requests(config_.store_url, [this](Action action) {
      ++answers_posted_;
      inbox_.post(std::move(action));
    });
  });
}

std::vector<Effect> TechnicianApp::reduce_action(const Action& action, EpochMs now) {
  const Wording wording = [this](const std::string& key, Language language) { return texts_.text(key, language); };
  return reduce(state_, action, now, config_.timings, wording);
}

void TechnicianApp::dispatch(const Action& action, EpochMs now) { worker_->submit(reduce_action(action, now)); }

void TechnicianApp::show_sample(const Action& action, EpochMs now) { (void)reduce_action(action, now); }

void TechnicianApp::update(EpochMs now) {
  for (const Action& action : inbox_.drain()) {
    ++answers_taken_;
    dispatch(action, now);
  }
  dispatch(Tick{}, now);
}

void TechnicianApp::draw(ui::TouchUi& ui, EpochMs now) {
  const TechnicianView view{state_, texts_, now, config_.store_url};
  draw_technician_screen(ui, view, [this](Action action) { taps_.push_back(std::move(action)); });
}

void TechnicianApp::apply_taps(EpochMs now) {
  std::vector<Action> taps;
  taps.swap(taps_);
  for (const Action& tap : taps) dispatch(tap, now);
}

std::optional<EpochMs> TechnicianApp::next_deadline(EpochMs now) const {
  return technician::next_deadline(state_, now, config_.timings);
}

std::vector<std::string> TechnicianApp::texts_to_show() const {
  std::vector<std::string> all = texts_.all_texts();
  for (const JobLine& j : state_.jobs)
    for (const std::string* text : {&j.product_zh, &j.product_en, &j.problem_zh, &j.problem_en, &j.model}) all.push_back(*text);
  if (state_.job) {
    const JobDetail& d = *state_.job;
    for (const std::string* text : {&d.line.product_zh, &d.line.product_en, &d.line.problem_zh, &d.line.problem_en,
                                    &d.line.model, &d.description, &d.contact_name, &d.address})
      all.push_back(*text);
  }
  all.push_back(config_.store_url);
  all.push_back("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -*:/·");
  return all;
}

}  // namespace kiosk::technician
