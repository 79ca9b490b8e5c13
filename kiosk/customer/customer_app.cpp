// CustomerRole: the kiosk's parts as the role shell takes them.
#include "customer/customer_app.h"

#include "customer/customer_reducer.h"
#include "customer/screens/customer_screens.h"

namespace kiosk::customer {

std::vector<Effect> CustomerRole::start(State& state, EpochMs now) const {
  state.language = config.language;
  state.last_activity = now;
  state.screen_since = now - config.timings.tap_guard;  // the first tap counts
  state.services_loading = true;
  return {LoadServices{}};
}

std::vector<Effect> CustomerRole::reduce(State& state, const Action& action, EpochMs now) const {
  return customer::reduce(state, action, now, config.timings);
}

void CustomerRole::draw(ui::TouchUi& ui, const State& state, EpochMs now,
                        const std::function<void(Action)>& tap) const {
  draw_customer_screen(ui, CustomerView{state, texts, config.timings, now, config.store_id}, tap);
}

std::optional<EpochMs> CustomerRole::next_deadline(const State& state, EpochMs now) const {
  return customer::next_deadline(state, now, config.timings);
}

std::vector<std::string> CustomerRole::texts_to_show(const State& state) const {
  std::vector<std::string> all = texts.all_texts();
  for (const ServiceView& s : state.services) {
    all.push_back(s.name_zh);
    all.push_back(s.name_en);
  }
  all.push_back(config.store_id);
  return all;
}

app::EffectRunner<Effect> CustomerRole::make_runner(std::function<void(Action)> post) const {
  return customer_effects(CustomerWorkerConfig{config.data_dir, config.printer, texts}, std::move(post));
}

}  // namespace kiosk::customer
