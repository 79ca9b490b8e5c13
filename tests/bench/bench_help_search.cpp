// Benchmark of Help's search on the customer kiosk (prints figures; never a
// pass/fail on time; docs/help-articles.md asks p95 under 5 ms): the real
// customer app (real worker, real IME thread, a real store holding N
// generated articles in both languages under the default product catalogue)
// in a headless ImGui with the real fonts, on Help with the keys open. For
// each key tapped on the search field: from the key's action to the end of
// the frame that draws its results (the search runs in the reducer on the UI
// thread; an atlas rebuild for new characters is included).
//  - letters (English): the key goes straight into the field and is searched;
//  - pinyin (Chinese): librime composes on its own thread (bench_ime measures
//    it); here the frame after its answer, which searches the composition
//    ("k t" finds 空调), and separately the whole key to drawn with librime.
//   bench_help_search [--articles 2000] [--reps 5]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "app/window_runtime.h"
#include "customer/customer_app.h"
#include "kb/kb_book.h"
#include "latency_figures.h"
#include "store/product_catalog.h"
#include "support/test_store.h"
#include "ui/headless_ui.h"

using namespace kiosk;
using Steady = std::chrono::steady_clock;

namespace {

// Words the generated articles are made of, in both languages.
struct Word {
  const char* zh;
  const char* en;
};
const Word kProblems[] = {{"不制冷", "does not cool"},          {"漏水", "leaks water"},
                          {"没有声音", "has no sound"},         {"无法开机", "will not switch on"},
                          {"噪音很大", "is very noisy"},        {"不加热", "does not heat"},
                          {"屏幕不亮", "has a dark screen"},    {"有异味", "smells bad"},
                          {"遥控器失灵", "ignores the remote"}, {"显示故障码", "shows an error code"}};
const Word kAsks[] = {{"怎么办", "what to do"}, {"是什么原因", "why"}, {"如何处理", "how to fix it"}};
const Word kSteps[] = {{"拔掉电源等待一分钟再插上", "Unplug it, wait a minute and plug it back in"},
                       {"检查插座和保险丝", "Check the socket and the fuse"},
                       {"清洗滤网并晾干", "Wash the filter and let it dry"},
                       {"确认门已关好", "Make sure the door is closed"},
                       {"查看说明书中的故障码", "Look the error code up in the manual"}};

std::vector<KbArticle> generated_articles(int count, const std::vector<ProductCategory>& products) {
  std::mt19937 random(19);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  std::vector<KbArticle> articles;
  for (int i = 0; i < count; ++i) {
    const bool general = pick(8) == 0;
    const ProductCategory& product = products[pick(products.size())];
    const Word& problem = kProblems[pick(std::size(kProblems))];
    const Word& ask = kAsks[pick(std::size(kAsks))];
    const std::string n = std::to_string(i + 1);
    KbArticle a;
    a.id = "gen-" + n;
    a.service = std::string(1, static_cast<char>('A' + pick(8)));
    if (!general) a.product = product.code;
    a.sort = static_cast<int>(pick(1000));
    a.zh.title = (general ? std::string("门店服务") : product.name_zh) + problem.zh + ask.zh + "（" + n + "）";
    a.en.title = "The " + (general ? std::string("service") : product.name_en) + " " + problem.en + " (" + n + ")";
    a.zh.answer = "多数情况下可以自己处理：" + std::string(problem.zh) +
                  "常见于使用环境或设置。请按下面的步骤检查，仍未解决请取号。";
    a.en.answer = "Most often you can sort this out yourself: check the steps below, and take a number if it persists.";
    for (int s = 0; s < 3; ++s) {
      const Word& step = kSteps[pick(std::size(kSteps))];
      a.zh.steps.push_back(step.zh);
      a.en.steps.push_back(step.en);
    }
    articles.push_back(std::move(a));
  }
  return articles;
}

// The customer app on Help with the keys open, over a store of `count` articles.
class Rig {
 public:
  Rig(int count, customer::Language language) {
    Result<std::vector<ProductCategory>> products =
        read_product_catalog_file(std::string(KIOSK_ASSETS_DIR) + "/products-default.jsonl");
    if (!products) std::exit(1);
    Database& db = store_.store->db();
    Transaction tx(db);
    store_product_catalog(db, products.value());
    store_kb_articles(db, generated_articles(count, products.value()), store_.clock.now_ms());
    tx.commit();
    customer::CustomerAppConfig config;
    config.data_dir = store_.dir.path();
    config.store_id = store_.store->store_id();
    config.language = language;
    app_ = std::make_unique<customer::CustomerApp>(customer::CustomerRole{config, texts()}, now_, [] {});
    app_->settle(now_, 20'000);
    for (const std::string& text : app_->texts_to_show()) ui_.fonts().add_text(text);
    draw_ = [this](ui::TouchUi& t) { app_->draw(t, now_); };
    for (const customer::Action& a : std::vector<customer::Action>{customer::OpenHelp{}, customer::FocusHelpSearch{}})
      app_->dispatch(a, now_ += 1000);
    app_->settle(now_, 20'000);
    frame();
  }

  struct Key {
    double total_ms;  // the key's action (letters: searched in it) to its results drawn
    double frame_ms;  // the update and frame after the workers answered (pinyin: searched in it)
  };
  Key key(char c) {
    now_ += 1000;
    const Steady::time_point t0 = Steady::now();
    app_->dispatch(customer::TextKey{c}, now_);
    while (!app_->worker_idle()) std::this_thread::yield();  // librime's answer, in pinyin
    const Steady::time_point t1 = Steady::now();
    app_->update(now_);
    frame();
    const Steady::time_point t2 = Steady::now();
    return {std::chrono::duration<double, std::milli>(t2 - t0).count(),
            std::chrono::duration<double, std::milli>(t2 - t1).count()};
  }
  const customer::CustomerState& state() const { return app_->state(); }

 private:
  void frame() {
    ui_.frame(draw_);
    while (ui_.fonts().rebuild_needed()) ui_.frame(draw_);  // new characters: rebuilt, drawn again
  }
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

void print(const char* what, const std::vector<double>& ms) {
  const bench::Figures f = bench::summarise(ms);
  std::printf("  %-44s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  (%zu keys)\n", what, f.median_ms, f.p95_ms, f.p99_ms,
              ms.size());
}

// Types each query and deletes it again, `reps` times; the first round (the
// atlas growing) apart from the rest.
void figures(int articles, int reps, customer::Language language, const std::vector<std::string>& queries) {
  const bool pinyin = language == customer::Language::Zh;
  const Steady::time_point built = Steady::now();
  Rig rig(articles, language);
  std::printf("%s: %d articles, store read and index built on the worker in %.0f ms (the app's start included)\n",
              pinyin ? "pinyin (中文)" : "letters (English)", articles,
              std::chrono::duration<double, std::milli>(Steady::now() - built).count());
  std::vector<double> cold, warm, cold_total, warm_total;
  std::size_t results = 0, keys = 0;
  for (int rep = 0; rep < reps; ++rep) {
    for (const std::string& query : queries) {
      std::string typed = query + std::string(query.size(), '<');
      for (char c : typed) {
        const Rig::Key k = rig.key(c);
        (rep == 0 ? cold : warm).push_back(k.frame_ms);
        (rep == 0 ? cold_total : warm_total).push_back(k.total_ms);
        results += rig.state().help.results.size();
        ++keys;
      }
    }
  }
  if (pinyin) {  // the search runs when librime's answer is applied
    print("answer to results drawn, first round:", cold);
    if (!warm.empty()) print("answer to results drawn, later rounds:", warm);
  }
  print(pinyin ? "key to results drawn (librime too), first:" : "key to results drawn, first round:", cold_total);
  if (!warm_total.empty())
    print(pinyin ? "key to results drawn (librime too), later:" : "key to results drawn, later rounds:", warm_total);
  std::printf("  %.1f results a key on average\n",
              keys ? static_cast<double>(results) / static_cast<double>(keys) : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
  int articles = 2000, reps = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--articles") == 0) articles = std::max(1, std::atoi(argv[i + 1]));
    if (std::strcmp(argv[i], "--reps") == 0) reps = std::max(1, std::atoi(argv[i + 1]));
  }
  figures(articles, reps, customer::Language::En, {"kt", "air", "leak", "noisy", "bingx", "xiyiji", "error code"});
  figures(articles, reps, customer::Language::Zh, {"kt", "kongtiao", "bingx", "xiyiji", "loushui", "zaoyin"});
  return 0;
}
