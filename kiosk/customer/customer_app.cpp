// CustomerApp: the glue between reducer, worker and screens.
#include "customer/customer_app.h"

#include <chrono>
#include <thread>

#include "customer/customer_reducer.h"
#include "customer/screens/customer_screens.h"

namespace kiosk::customer {

CustomerApp::CustomerApp(CustomerAppConfig config, app::Translations texts, EpochMs now, std::function<void()> wake)
    : config_(std::move(config)), texts_(std::move(texts)) {
  inbox_.set_wake(std::move(wake));
  state_.language = config_.language;
  state_.last_activity = now;
  state_.screen_since = now - config_.timings.tap_guard;  // the first tap counts
  worker_ = std::make_unique<CustomerWorker>(CustomerWorkerConfig{config_.data_dir, config_.printer, texts_},
                                             [this](Action action) { inbox_.post(std::move(action)); });
  ime_ = std::make_unique<app::ImeWorker>(config_.rime_data_dir, [this](app::ImeAnswer answer) {
    std::visit([this](auto&& a) { inbox_.post(std::move(a)); }, std::move(answer));
  });
  state_.services_loading = true;
  worker_->submit({LoadServices{}});
}

void CustomerApp::dispatch(const Action& action, EpochMs now) {
  // IME effects go to the IME thread, in order; the rest to the store worker.
  std::vector<Effect> store_effects;
  for (Effect& effect : reduce(state_, action, now, config_.timings)) {
    if (ImeEffect* ime = std::get_if<ImeEffect>(&effect)) ime_->submit(std::move(*ime));
    else store_effects.push_back(std::move(effect));
  }
  worker_->submit(std::move(store_effects));
}

void CustomerApp::show_sample(const Action& action, EpochMs now) { (void)reduce(state_, action, now, config_.timings); }

bool CustomerApp::settle(EpochMs now, int max_ms) {
  for (int waited = 0; waited < max_ms; waited += 2) {
    if (worker_idle()) {
      update(now);  // takes the answers (they may ask for more)
      if (worker_idle() && !state_.services_loading) return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return false;
}

void CustomerApp::update(EpochMs now) {
  for (const Action& action : inbox_.drain()) dispatch(action, now);
  dispatch(Tick{}, now);
}

void CustomerApp::draw(ui::TouchUi& ui, EpochMs now) {
  const CustomerView view{state_, texts_, config_.timings, now, config_.store_id};
  draw_customer_screen(ui, view, [this](Action action) { taps_.push_back(std::move(action)); });
}

void CustomerApp::apply_taps(EpochMs now) {
  std::vector<Action> taps;
  taps.swap(taps_);
  for (const Action& tap : taps) dispatch(tap, now);
}

std::optional<EpochMs> CustomerApp::next_deadline(EpochMs now) const {
  return customer::next_deadline(state_, now, config_.timings);
}

std::vector<std::string> CustomerApp::texts_to_show() const {
  std::vector<std::string> all = texts_.all_texts();
  for (const ServiceView& s : state_.services) {
    all.push_back(s.name_zh);
    all.push_back(s.name_en);
  }
  all.push_back(config_.store_id);
  return all;
}

}  // namespace kiosk::customer
