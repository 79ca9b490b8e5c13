// TechnicianRole: the tablet's parts as the role shell takes them.
#include "technician/technician_app.h"

#include "technician/screens/technician_screens.h"
#include "technician/technician_reducer.h"

namespace kiosk::technician {

std::vector<Effect> TechnicianRole::start(State& state, EpochMs) const {
  state.language = config.language;
  return {ReadTablet{}};
}

std::vector<Effect> TechnicianRole::reduce(State& state, const Action& action, EpochMs) const {
  const Wording wording = [this](const std::string& key, Language language) { return texts.text(key, language); };
  return technician::reduce(state, action, wording);
}

void TechnicianRole::draw(ui::TouchUi& ui, const State& state, EpochMs now,
                          const std::function<void(Action)>& tap) const {
  draw_technician_screen(ui, TechnicianView{state, texts, now, config.tablet.data_dir}, tap);
}

std::vector<std::string> TechnicianRole::texts_to_show(const State& state) const {
  std::vector<std::string> all = texts.all_texts();
  for (const JobLine& j : state.jobs)
    for (const std::string* text : {&j.product_zh, &j.product_en, &j.problem_zh, &j.problem_en, &j.model, &j.code})
      all.push_back(*text);
  if (state.job) {
    const JobDetail& d = *state.job;
    for (const std::string* text : {&d.line.product_zh, &d.line.product_en, &d.line.problem_zh, &d.line.problem_en,
                                    &d.line.model, &d.description, &d.contact_name, &d.address})
      all.push_back(*text);
  }
  for (const Notice& n : state.notices) all.push_back(n.code);
  all.push_back(state.staff_name);
  all.push_back(config.tablet.data_dir);
  all.push_back("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -*:/·.()_");
  return all;
}

app::EffectRunner<Effect> TechnicianRole::make_runner(std::function<void(Action)> post) const {
  return tablet_worker(config.tablet, std::move(post));
}

}  // namespace kiosk::technician
