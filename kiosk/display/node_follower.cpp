// NodeFollower: the long-poll loop, its start-up replay and its backoff.
#include "display/node_follower.h"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "display/node_json.h"
#include "remote/store_node_client.h"
#include "ui/ui_log.h"

namespace kiosk::display {

NodeFollower::NodeFollower(NodeFollowerConfig config, Post post, OnCall on_call)
    : config_(std::move(config)), post_(std::move(post)), on_call_(std::move(on_call)), thread_([this] { run(); }) {}

NodeFollower::~NodeFollower() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_changed_.notify_all();
  thread_.join();
}

bool NodeFollower::pause(EpochMs ms) {
  std::unique_lock lock(mutex_);
  return !stop_changed_.wait_for(lock, std::chrono::milliseconds(ms), [this] { return stopping_; });
}

void NodeFollower::run() {
  remote::StoreNodeClient client({config_.store_url});
  long long cursor = -1;          // the last seq taken; -1 until the first /queue tells where today stands
  long long announce_after = -1;  // calls up to this seq were made before the display started
  bool replayed = false;          // those calls have been taken (with no wait)
  EpochMs retry_ms = config_.retry_min_ms;
  const auto stopping = [this] {
    std::lock_guard lock(mutex_);
    return stopping_;
  };
  // Posts the failure and waits before the next try; false when stopping.
  const auto fail = [&](const Error& error) {
    ui::log_warning("display: store node at %s: %s; retrying in %lld ms", config_.store_url.c_str(),
                    error.message.c_str(), static_cast<long long>(retry_ms));
    post_(NodeUnreachable{error.message});
    const bool go_on = pause(retry_ms);
    retry_ms = std::min(config_.retry_max_ms, retry_ms * 2);
    return go_on;
  };
  // The events of `page` above `cursor`: announced when live, then posted.
  const auto take = [&](const EventsPage& page, bool replay) {
    EventsArrived history{{}, false}, live{{}, true};
    for (const CallEvent& event : page.events) {
      if (event.seq <= cursor) continue;
      (event.seq > announce_after ? live : history).events.push_back(event);
    }
    for (const CallEvent& event : live.events)
      if (!event.ends_call) on_call_(event);
    if (replay || !history.events.empty()) post_(std::move(history));
    if (!live.events.empty()) post_(std::move(live));
    cursor = std::max(cursor, page.last_seq);
  };

  while (!stopping()) {
    Result<QueueSnapshot> queue = [&]() -> Result<QueueSnapshot> {
      Result<remote::Json> answer = client.queue();
      if (!answer) return answer.error();
      return read_queue(answer.value());
    }();
    if (!queue) {
      if (!fail(queue.error())) return;
      continue;
    }
    post_(QueueLoaded{queue.value().services, queue.value().time_zone});
    if (cursor < 0) {  // start-up: replay the last few calls as history, then follow
      announce_after = queue.value().last_event_seq;
      cursor = std::max(0LL, announce_after - static_cast<long long>(kKeptCalls));
    }
    const int wait_s = replayed ? config_.poll_wait_s : 0;
    Result<EventsPage> page = [&]() -> Result<EventsPage> {
      Result<remote::Json> answer = client.events(cursor, wait_s);
      if (!answer) return answer.error();
      return read_events(answer.value());
    }();
    if (!page) {
      if (!fail(page.error())) return;
      continue;
    }
    retry_ms = config_.retry_min_ms;
    take(page.value(), !replayed);
    if (!replayed) {  // for operators and tests: the display is following the node from here
      std::printf("{\"following\": \"%s\", \"after_seq\": %lld}\n", config_.store_url.c_str(), announce_after);
      std::fflush(stdout);
    }
    replayed = true;
  }
}

}  // namespace kiosk::display
