// Benchmark of the calling display (prints figures; never a pass/fail on
// time): from a counter's call through the store node's API to the display's
// next drawn frame showing it. A real node on 127.0.0.1 (real store file), the
// display app in its real frame loop (app/window_runtime.h) in a real window
// under a private Xvfb; the counter calls one ticket at a time and waits until
// a frame with it on top has been drawn. Reported from the moment the POST was
// sent and from the moment it returned (0 when the frame came first).
//   bench_display [--reps 200]
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>

#include "app/window_runtime.h"
#include "display/display_app.h"
#include "display/screens/display_screens.h"
#include "display_harness.h"
#include "latency_figures.h"
#include "support/temp_dir.h"
#include "support/xvfb_server.h"

using namespace kiosk;

namespace {

using Steady = std::chrono::steady_clock;

// The display app as the frame loop sees it, noting when a frame with a new
// ticket on top has been drawn (apply_taps() runs after the frame is drawn).
class ObservedDisplay final : public app::RoleApp {
 public:
  explicit ObservedDisplay(display::DisplayApp& app) : app_(app) {}
  void update(EpochMs now) override { app_.update(now); }
  void draw(ui::TouchUi& ui, EpochMs now) override {
    app_.draw(ui, now);
    const auto& calls = app_.state().calls;
    drawn_top_ = calls.empty() ? std::string() : calls.front().event.ticket;
  }
  void apply_taps(EpochMs now) override {
    app_.apply_taps(now);
    std::lock_guard lock(mutex_);
    connected_ = app_.state().history_loaded;
    if (drawn_top_ != top_) {
      top_ = drawn_top_;
      top_since_ = Steady::now();
    }
    changed_.notify_all();
  }
  std::optional<EpochMs> next_deadline(EpochMs now) const override { return app_.next_deadline(now); }
  std::vector<std::string> texts_to_show() const override { return app_.texts_to_show(); }

  bool wait_connected() {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, std::chrono::seconds(20), [this] { return connected_; });
  }
  // When a frame with `ticket` on top was first drawn; nullopt after 10 s.
  std::optional<Steady::time_point> wait_shown(const std::string& ticket) {
    std::unique_lock lock(mutex_);
    if (!changed_.wait_for(lock, std::chrono::seconds(10), [&] { return top_ == ticket; })) return std::nullopt;
    return top_since_;
  }

 private:
  display::DisplayApp& app_;
  std::string drawn_top_;  // UI thread only
  std::mutex mutex_;
  std::condition_variable changed_;
  bool connected_ = false;
  std::string top_;  // the ticket on top in the last frame drawn, and since when
  Steady::time_point top_since_;
};

double ms_between(Steady::time_point from, Steady::time_point to) {
  return std::chrono::duration<double, std::milli>(to - from).count();
}

}  // namespace

int main(int argc, char** argv) {
  int reps = 200;
  for (int i = 1; i + 1 < argc; i += 2)
    if (std::strcmp(argv[i], "--reps") == 0) reps = std::max(1, std::atoi(argv[i + 1]));

  test::XvfbServer xvfb(1280, 720);  // first: Xvfb must not inherit the blocked SIGTERM
  app::StopSignals stop;             // before any other thread: the counter thread ends the loop with SIGTERM
  test::NodeFixture node;
  node.issue(reps + 1);
  test::TempDir device_dir;  // the display's enrolment (the fixture's device)
  ui::WindowConfig window_config;
  window_config.title = "bench-display";
  window_config.windowed = ui::WindowSize{1280, 720};
  window_config.font_scale = display::display_font_scale();
  ui::Window window(window_config);
  display::DisplayApp app(
      display::DisplayRole(test::fast_config(node, device_dir.path()), test::kiosk_texts(), nullptr),
      app::wall_now_ms(), [] { ui::Window::wake(); });
  ObservedDisplay observed(app);
  app::seed_fonts(window.fonts(), app);

  std::vector<double> from_send, from_return;
  int missed = 0;
  std::thread counter([&] {
    if (!observed.wait_connected()) {
      std::fprintf(stderr, "bench_display: the display did not reach the node\n");
    } else {
      test::ApiClient client = node.staff_client("Li", "2580", 1);
      for (int i = 0; i < reps; ++i) {
        client.post("/api/v1/counters/1/finish", nlohmann::json{{"outcome", "resolved"}});  // untimed
        const auto sent = Steady::now();
        test::HttpAnswer called = client.post("/api/v1/counters/1/call");
        const auto returned = Steady::now();
        if (called.status != 200) break;
        // The display may have drawn it before the answer came back: then from_return is 0.
        std::optional<Steady::time_point> shown = observed.wait_shown(called.body["ticket"].get<std::string>());
        if (!shown) {
          ++missed;
          continue;
        }
        from_send.push_back(ms_between(sent, *shown));
        from_return.push_back(std::max(0.0, ms_between(returned, *shown)));
      }
    }
    kill(getpid(), SIGTERM);
  });
  app::run_frame_loop(window, observed, stop, {});
  counter.join();

  if (from_send.empty()) return 1;
  const bench::Figures sent = bench::summarise(from_send), returned = bench::summarise(from_return);
  std::printf("display: %zu calls (%d not seen within 10 s), real node on 127.0.0.1, real window under Xvfb\n",
              from_send.size(), missed);
  std::printf("call POST sent -> frame showing it drawn:     p50 %.2f ms, p99 %.2f ms\n", sent.median_ms, sent.p99_ms);
  std::printf("call POST returned -> frame showing it drawn: p50 %.2f ms, p99 %.2f ms\n", returned.median_ms,
              returned.p99_ms);
  return 0;
}
