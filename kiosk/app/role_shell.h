// The role shell: one RoleApp for every windowed role. A role supplies only
// its parts (its state, reducer, screens, texts and effect runner) as a
// `Role` type; the shell owns the rest: the inbox its worker answers into,
// the taps of a frame, dispatch, the worker threads (app/serial_worker.h),
// the IME thread for a role that types pinyin, sample states for scripted
// screenshots and settling for tests. The frame loop, screenshots and the
// common options are app/window_runtime.h and app/role_runner.h.
//
// A Role provides (see kiosk/customer/customer_app.h for a whole example):
//   using State, Action, Effect;
//   static constexpr bool kTypesPinyin;   // Effect holds app::ImeEffect, Action
//                                         // takes app::ImeAnswered and app::ImeUnavailable
//   app::Translations texts;
//   std::vector<Effect> start(State&, EpochMs now);          // the first state, the first effects
//   std::vector<Effect> reduce(State&, const Action&, EpochMs now) const;
//   std::optional<Action> tick() const;                       // applied after each update's answers
//   void draw(ui::TouchUi&, const State&, EpochMs now, const std::function<void(Action)>& tap) const;
//   std::optional<EpochMs> next_deadline(const State&, EpochMs now) const;
//   std::vector<std::string> texts_to_show(const State&) const;
//   bool settled(const State&) const;                         // its first answers are in
//   app::EffectRunner<Effect> make_runner(std::function<void(Action)> post);  // on the worker thread
//   std::string rime_data_dir() const;                        // if kTypesPinyin
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "app/action_inbox.h"
#include "app/ime_worker.h"
#include "app/role_app.h"
#include "app/serial_worker.h"
#include "app/translations.h"

namespace kiosk::app {

template <class Role>
class RoleShell final : public RoleApp {
 public:
  using State = typename Role::State;
  using Action = typename Role::Action;
  using Effect = typename Role::Effect;

  // `wake` is called from a worker thread when an answer is waiting.
  RoleShell(Role role, EpochMs now, std::function<void()> wake) : role_(std::move(role)) {
    inbox_.set_wake(std::move(wake));
    worker_ = std::make_unique<SerialWorker<Effect>>([this] { return role_.make_runner(post_answer()); });
    if constexpr (Role::kTypesPinyin) {
      ime_ = std::make_unique<ImeWorker>([this] {
        return pinyin_runner(role_.rime_data_dir(), [post = post_answer()](ImeAnswer answer) {
          std::visit([&](auto&& a) { post(Action(std::move(a))); }, std::move(answer));
        });
      });
    }
    run(role_.start(state_, now));
  }

  void update(EpochMs now) override {
    for (const Action& action : inbox_.drain()) {
      ++answers_taken_;
      dispatch(action, now);
    }
    if (std::optional<Action> tick = role_.tick()) dispatch(*tick, now);
  }
  void draw(ui::TouchUi& ui, EpochMs now) override {
    role_.draw(ui, state_, now, [this](Action action) { taps_.push_back(std::move(action)); });
  }
  void apply_taps(EpochMs now) override {
    std::vector<Action> taps;
    taps.swap(taps_);
    for (const Action& tap : taps) dispatch(tap, now);
  }
  std::optional<EpochMs> next_deadline(EpochMs now) const override { return role_.next_deadline(state_, now); }
  std::vector<std::string> texts_to_show() const override { return role_.texts_to_show(state_); }

  // Applies one action and runs the effects it asks for (scripted screens, tests).
  void dispatch(const Action& action, EpochMs now) { run(role_.reduce(state_, action, now)); }
  // Applies an action without running its effects (scripted screenshots show
  // a worker's answer without acting on the store).
  void show_sample(const Action& action, EpochMs now) { (void)role_.reduce(state_, action, now); }

  // No effect queued or running on either thread (their answers may still wait for update()).
  bool worker_idle() const { return worker_->idle() && (!ime_ || ime_->idle()); }
  // Answers posted by the workers that update() has not taken yet.
  bool answers_waiting() const { return answers_posted_ != answers_taken_; }
  // Waits, up to `max_ms`, until the workers have answered everything asked so
  // far (answers that ask for more included), applying the answers at `now`,
  // and the role's first answers are in. False if that did not happen in time.
  bool settle(EpochMs now, int max_ms = 2000) {
    for (int waited = 0; waited < max_ms; waited += 2) {
      if (worker_idle()) {
        update(now);
        if (worker_idle() && !answers_waiting() && role_.settled(state_)) return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return false;
  }

  const State& state() const { return state_; }
  const Role& role() const { return role_; }
  const Translations& texts() const { return role_.texts; }

 private:
  std::function<void(Action)> post_answer() {
    return [this](Action action) {
      ++answers_posted_;
      inbox_.post(std::move(action));
    };
  }

  // IME effects go to the IME thread, in order; the rest to the role's worker.
  void run(std::vector<Effect> effects) {
    if constexpr (Role::kTypesPinyin) {
      std::vector<Effect> rest;
      for (Effect& effect : effects) {
        if (ImeEffect* ime = std::get_if<ImeEffect>(&effect))
          ime_->submit({std::move(*ime)});
        else
          rest.push_back(std::move(effect));
      }
      effects.swap(rest);
    }
    worker_->submit(std::move(effects));
  }

  Role role_;
  State state_;
  ActionInbox<Action> inbox_;
  std::vector<Action> taps_;
  std::atomic<long> answers_posted_{0};
  long answers_taken_ = 0;
  std::unique_ptr<SerialWorker<Effect>> worker_;  // the workers last: they stop before what they use goes
  std::unique_ptr<ImeWorker> ime_;
};

}  // namespace kiosk::app
