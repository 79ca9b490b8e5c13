// CounterRole: the console's parts as the role shell takes them.
#include "counter/counter_app.h"

#include "counter/counter_reducer.h"
#include "counter/screens/counter_screens.h"

namespace kiosk::counter {

remote::DeviceIdentity counter_device(const CounterAppConfig& config) {
  return {config.store_url, config.data_dir, "counter", "Counter " + std::to_string(config.counter)};
}

std::vector<Effect> CounterRole::start(State& state, EpochMs now) const {
  state.language = config.language;
  state.device = kit::starting_enrolment(config.enrolment.has_value(), config.enrol_refusal,
                                         config.enrolment ? config.enrolment->fingerprint : "");
  state.queue_loaded_at = now;
  if (!config.enrolment) return {};
  state.queue_loading = true;
  return {LoadQueue{}};
}

std::vector<Effect> CounterRole::reduce(State& state, const Action& action, EpochMs now) const {
  return counter::reduce(state, action, now, config.timings);
}

void CounterRole::draw(ui::TouchUi& ui, const State& state, EpochMs now, const std::function<void(Action)>& tap) const {
  draw_counter_screen(ui, CounterView{state, texts, now, config.store_url, config.counter}, tap);
}

std::optional<EpochMs> CounterRole::next_deadline(const State& state, EpochMs now) const {
  return counter::next_deadline(state, now, config.timings);
}

std::vector<std::string> CounterRole::texts_to_show(const State& state) const {
  std::vector<std::string> all = texts.all_texts();
  for (const ServiceLine& s : state.services) {
    all.push_back(s.name_zh);
    all.push_back(s.name_en);
  }
  all.push_back(config.store_url);
  all.push_back("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 +/-");  // + / -: a fingerprint
  return all;
}

app::EffectRunner<Effect> CounterRole::make_runner(std::function<void(Action)> post) const {
  return counter_requests(
      CounterWorkerConfig{counter_device(config), config.enrolment, config.counter, config.printer, &texts},
      std::move(post));
}

}  // namespace kiosk::counter
