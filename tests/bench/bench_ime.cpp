// Benchmark of pinyin input (prints figures; never a pass/fail on time):
//  - memory the input method adds: resident memory before and after librime
//    starts on the build-time schema, and after words were typed (its
//    dictionary pages touched);
//  - key tap to candidate bar drawn: the customer kiosk (real app, real IME
//    thread, real store) in a headless ImGui with the real fonts, on the
//    description step; from the tap's action to the end of the first frame
//    that draws the new candidates with every glyph in the atlas (a rebuild
//    when new characters arrived is included). No GPU upload here: the real
//    window adds the texture upload on a rebuild.
//   bench_ime [--reps 20]
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "app/window_runtime.h"
#include "customer/customer_app.h"
#include "ime/pinyin_ime.h"
#include "latency_figures.h"
#include "store/product_catalog.h"
#include "support/test_store.h"
#include "ui/headless_ui.h"

using namespace kiosk;
using Steady = std::chrono::steady_clock;

namespace {

double rss_mib() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

const char* const kWords[] = {"weixiu", "kongtiao", "anzhuang", "bingxiang", "xiyiji", "loushui", "zaoyin", "dianshi"};

void memory_figures() {
  const double before = rss_mib();
  const Steady::time_point t0 = Steady::now();
  Result<std::unique_ptr<ime::PinyinIme>> ime = ime::PinyinIme::start({}, [](char32_t) { return true; });
  const double start_ms = std::chrono::duration<double, std::milli>(Steady::now() - t0).count();
  if (!ime) {
    std::fprintf(stderr, "bench_ime: %s\n", ime.error().message.c_str());
    std::exit(1);
  }
  const double started = rss_mib();
  for (const char* word : kWords) {
    for (const char* c = word; *c; ++c) ime.value()->key(*c);
    ime.value()->key(' ');
  }
  const double typed = rss_mib();
  std::printf("librime start (pinyin_simp, no deployment): %.1f ms\n", start_ms);
  std::printf("resident memory: %.1f MiB before, %.1f MiB started (+%.1f), %.1f MiB after %zu words (+%.1f)\n", before,
              started, started - before, typed, std::size(kWords), typed - before);
}

// The customer app headless on the description step, and the tap-to-drawn measurement.
class Rig {
 public:
  Rig() {
    Result<std::vector<ProductCategory>> products =
        read_product_catalog_file(std::string(KIOSK_ASSETS_DIR) + "/products-default.jsonl");
    Database& db = store_.store->db();
    Transaction tx(db);
    store_product_catalog(db, products.value());
    tx.commit();
    customer::CustomerAppConfig config;
    config.data_dir = store_.dir.path();
    config.store_id = store_.store->store_id();
    app_ = std::make_unique<customer::CustomerApp>(customer::CustomerRole{config, texts()}, now_, [] {});
    for (const std::string& text : app_->texts_to_show()) ui_.fonts().add_text(text);
    draw_ = [this](ui::TouchUi& t) { app_->draw(t, now_); };
    for (const customer::Action& a : std::vector<customer::Action>{
             customer::OpenRequest{}, customer::ChooseKind{RequestKind::Repair},
             customer::ChooseProduct{"air-conditioner"}, customer::ChooseProblem{"not-cooling"}})
      app_->dispatch(a, now_ += 1000);
    app_->settle(now_, 10'000);
    ui_.frame(draw_);
  }

  // Milliseconds from the key's action to the end of the frame drawing its answer with all glyphs.
  double key(const customer::Action& action) {
    now_ += 1000;
    const Steady::time_point t0 = Steady::now();
    app_->dispatch(action, now_);
    while (!app_->worker_idle()) std::this_thread::yield();
    app_->update(now_);
    ui_.frame(draw_);
    while (ui_.fonts().rebuild_needed()) ui_.frame(draw_);  // new characters: rebuilt, drawn again
    return std::chrono::duration<double, std::milli>(Steady::now() - t0).count();
  }
  const customer::CustomerState& state() const { return app_->state(); }

 private:
  static app::Translations texts() {
    Result<app::Translations> t = app::load_translations();
    if (!t) std::exit(1);
    return std::move(t).value();
  }
  test::TestStore store_;
  EpochMs now_ = SystemClock().now_ms();
  ui::HeadlessUi ui_;
  std::unique_ptr<customer::CustomerApp> app_;
  ui::DrawFn draw_;
};

void latency_figures(int reps) {
  Rig rig;
  std::vector<double> cold, warm, picks;
  for (int rep = 0; rep < reps; ++rep) {
    for (const char* word : kWords) {
      for (const char* c = word; *c; ++c) (rep == 0 ? cold : warm).push_back(rig.key(customer::TextKey{*c}));
      if (rig.state().ime.candidates.empty()) continue;
      picks.push_back(rig.key(customer::PickCandidate{rig.state().ime.candidates.front().index}));
    }
    rig.key(customer::TextKey{'<'});
  }
  const bench::Figures c = bench::summarise(cold), w = bench::summarise(warm), p = bench::summarise(picks);
  std::printf("key tap to candidate bar drawn, first round (atlas grows): p50 %.2f ms, p99 %.2f ms (%zu keys)\n",
              c.median_ms, c.p99_ms, cold.size());
  if (!warm.empty())
    std::printf("key tap to candidate bar drawn, later rounds:            p50 %.2f ms, p99 %.2f ms (%zu keys)\n",
                w.median_ms, w.p99_ms, warm.size());
  std::printf("candidate tap to text in the field drawn:               p50 %.2f ms, p99 %.2f ms (%zu picks)\n",
              p.median_ms, p.p99_ms, picks.size());
}

}  // namespace

int main(int argc, char** argv) {
  int reps = 20;
  for (int i = 1; i + 1 < argc; i += 2)
    if (std::strcmp(argv[i], "--reps") == 0) reps = std::max(1, std::atoi(argv[i + 1]));
  memory_figures();
  latency_figures(reps);
  return 0;
}
