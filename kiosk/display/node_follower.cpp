// follow_node: the long-poll round, its start-up replay and its backoff.
#include "display/node_follower.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <utility>

#include "display/node_json.h"
#include "remote/store_node_client.h"
#include "ui/ui_log.h"

namespace kiosk::display {
namespace {

// While not enrolled (or a wrong server): how often the idle work looks again;
// an enrolment (an effect) wakes the worker at once anyway.
constexpr std::chrono::milliseconds kWaitForEnrolment{1000};

// Where the display stands in the node's events, kept on the worker thread.
class Following {
 public:
  Following(NodeFollowerConfig config, Post post, OnCall on_call)
      : config_(std::move(config)),
        post_(std::move(post)),
        on_call_(std::move(on_call)),
        device_(display_device(config_), config_.enrolment),
        retry_ms_(config_.retry_min_ms) {}

  void enrol(const std::string& code) {
    Result<remote::NodeEnrolment> enrolled = device_.enrol(code);
    if (!enrolled) return post_(EnrolAnswer(kit::EnrolRefused{enrolled.error().code}));
    retry_ms_ = config_.retry_min_ms;
    refused_ = false;
    post_(EnrolAnswer(kit::DeviceEnrolled{enrolled.value().fingerprint}));
  }

  // One round: the waiting counts, then the events after the cursor (a long
  // poll once replayed). Returns how long to wait before the next round.
  std::chrono::milliseconds round() {
    if (!device_.client() || refused_) return kWaitForEnrolment;
    remote::StoreNodeClient& client = *device_.client();
    Result<QueueSnapshot> queue = [&]() -> Result<QueueSnapshot> {
      Result<remote::Json> answer = client.queue();
      if (!answer) return answer.error();
      return read_queue(answer.value());
    }();
    if (!queue) return fail(queue.error());
    post_(QueueLoaded{queue.value().services, queue.value().time_zone});
    if (cursor_ < 0) {  // start-up: replay the last few calls as history, then follow
      announce_after_ = queue.value().last_event_seq;
      cursor_ = std::max(0LL, announce_after_ - static_cast<long long>(kKeptCalls));
    }
    const int wait_s = replayed_ ? config_.poll_wait_s : 0;
    Result<EventsPage> page = [&]() -> Result<EventsPage> {
      Result<remote::Json> answer = client.events(cursor_, wait_s);
      if (!answer) return answer.error();
      return read_events(answer.value());
    }();
    if (!page) return fail(page.error());
    retry_ms_ = config_.retry_min_ms;
    take(page.value(), !replayed_);
    if (!replayed_) {  // for operators and tests: the display is following the node from here
      std::printf("{\"following\": \"%s\", \"after_seq\": %lld}\n", config_.store_url.c_str(), announce_after_);
      std::fflush(stdout);
    }
    replayed_ = true;
    return std::chrono::milliseconds(0);
  }

 private:
  // Posts the failure; the next try comes after the backoff (or a new enrolment).
  std::chrono::milliseconds fail(const Error& error) {
    if (device_.refused(error)) {
      refused_ = true;  // a wrong server keeps the enrolment, but is asked nothing more
      post_(EnrolAnswer(kit::DeviceRefused{error.code}));
      return kWaitForEnrolment;
    }
    ui::log_warning("display: store node at %s: %s; retrying in %lld ms", config_.store_url.c_str(),
                    error.message.c_str(), static_cast<long long>(retry_ms_));
    post_(NodeUnreachable{error.message});
    const std::chrono::milliseconds wait(retry_ms_);
    retry_ms_ = std::min(config_.retry_max_ms, retry_ms_ * 2);
    return wait;
  }

  // The events of `page` above the cursor: announced when live, then posted.
  void take(const EventsPage& page, bool replay) {
    EventsArrived history{{}, false}, live{{}, true};
    for (const CallEvent& event : page.events) {
      if (event.seq <= cursor_) continue;
      (event.seq > announce_after_ ? live : history).events.push_back(event);
    }
    for (const CallEvent& event : live.events)
      if (!event.ends_call) on_call_(event);
    if (replay || !history.events.empty()) post_(std::move(history));
    if (!live.events.empty()) post_(std::move(live));
    cursor_ = std::max(cursor_, page.last_seq);
  }

  NodeFollowerConfig config_;
  Post post_;
  OnCall on_call_;
  remote::NodeDevice device_;
  bool refused_ = false;           // the node refused this device: nothing more until it enrols
  long long cursor_ = -1;          // the last seq taken; -1 until the first /queue tells where today stands
  long long announce_after_ = -1;  // calls up to this seq were made before the display started
  bool replayed_ = false;          // those calls have been taken (with no wait)
  EpochMs retry_ms_;
};

}  // namespace

remote::DeviceIdentity display_device(const NodeFollowerConfig& config) {
  return {config.store_url, config.data_dir, "display", "Display"};
}

app::EffectRunner<Effect> follow_node(NodeFollowerConfig config, Post post, OnCall on_call) {
  auto following = std::make_shared<Following>(std::move(config), std::move(post), std::move(on_call));
  return {[following](const Effect& enrol) { following->enrol(enrol.code); },
          [following] { return following->round(); },
          {}};
}

}  // namespace kiosk::display
