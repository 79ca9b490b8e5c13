// CounterApp: the glue between reducer, worker and screens.
#include "counter/counter_app.h"

#include "counter/counter_reducer.h"
#include "counter/screens/counter_screens.h"

namespace kiosk::counter {

ui::FontScale counter_font_scale() {
  ui::FontScale scale;
  scale.body = 1.0f / 30;
  scale.large = 1.0f / 20;
  scale.huge = 1.0f / 7;
  scale.min_width_em = 40;
  return scale;
}

CounterApp::CounterApp(CounterAppConfig config, app::Translations texts, EpochMs now, std::function<void()> wake)
    : config_(std::move(config)), texts_(std::move(texts)) {
  inbox_.set_wake(std::move(wake));
  state_.language = config_.language;
  state_.queue_loaded_at = now;
  worker_ = std::make_unique<CounterWorker>(CounterWorkerConfig{config_.store_url, config_.counter, config_.printer, &texts_},
                                            [this](Action action) {
                                              ++answers_posted_;
                                              inbox_.post(std::move(action));
                                            });
  ime_ = std::make_unique<app::ImeWorker>(config_.rime_data_dir, [this](app::ImeAnswer answer) {
    ++answers_posted_;
    std::visit([this](auto&& a) { inbox_.post(std::move(a)); }, std::move(answer));
  });
  state_.queue_loading = true;
  worker_->submit({LoadQueue{}});
}

void CounterApp::dispatch(const Action& action, EpochMs now) {
  // IME effects go to the IME thread, in order; the rest to the node worker.
  std::vector<Effect> node_effects;
  for (Effect& effect : reduce(state_, action, now, config_.timings)) {
    if (app::ImeEffect* ime = std::get_if<app::ImeEffect>(&effect)) ime_->submit(std::move(*ime));
    else node_effects.push_back(std::move(effect));
  }
  worker_->submit(std::move(node_effects));
}

void CounterApp::show_sample(const Action& action, EpochMs now) { (void)reduce(state_, action, now, config_.timings); }

void CounterApp::update(EpochMs now) {
  for (const Action& action : inbox_.drain()) {
    ++answers_taken_;
    dispatch(action, now);
  }
  dispatch(Tick{}, now);
}

void CounterApp::draw(ui::TouchUi& ui, EpochMs now) {
  const CounterView view{state_, texts_, now, config_.store_url, config_.counter};
  draw_counter_screen(ui, view, [this](Action action) { taps_.push_back(std::move(action)); });
}

void CounterApp::apply_taps(EpochMs now) {
  std::vector<Action> taps;
  taps.swap(taps_);
  for (const Action& tap : taps) dispatch(tap, now);
}

std::optional<EpochMs> CounterApp::next_deadline(EpochMs now) const {
  return counter::next_deadline(state_, now, config_.timings);
}

std::vector<std::string> CounterApp::texts_to_show() const {
  std::vector<std::string> all = texts_.all_texts();
  for (const ServiceLine& s : state_.services) {
    all.push_back(s.name_zh);
    all.push_back(s.name_en);
  }
  all.push_back(config_.store_url);
  all.push_back("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 ");
  return all;
}

}  // namespace kiosk::counter
