// The calling display's voice: calls are queued and announced one after the
// other on the Announcer's own thread, each as chime + Mandarin + English (see
// announcement_audio.h), never overlapping. A recall is simply another call
// and is announced again. The queue is bounded: when `queue_capacity` calls
// are waiting, announce() refuses the new one (code "announce-queue-full")
// rather than fall minutes behind; the board still shows every call.
//   Announcer announcer(std::move(sink), {}, [](const AnnouncementReport& r) { ... });
//   announcer.announce({"A012", 3});
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/result.h"
#include "speech/announcement_text.h"
#include "speech/audio_sink.h"

namespace kiosk::speech {

struct CounterCall {
  std::string ticket_label;  // "A012"
  int counter_number = 0;    // 1..99
};

struct AnnouncementReport {
  CounterCall call;
  std::string error;             // empty when the call was played
  double audio_seconds = 0;      // length of the announcement
  double synthesis_seconds = 0;  // time spent making its audio
};

struct AnnouncerOptions {
  std::size_t queue_capacity = 16;  // calls waiting, not counting the one being played
};

class Announcer {
 public:
  // `on_report` runs on the announcer thread after each call was played or failed.
  using ReportCallback = std::function<void(const AnnouncementReport&)>;

  Announcer(std::unique_ptr<AudioSink> sink, AnnouncerOptions options = {}, ReportCallback on_report = {});
  // Lets the announcement being played finish; calls still waiting are discarded.
  ~Announcer();
  Announcer(const Announcer&) = delete;
  Announcer& operator=(const Announcer&) = delete;

  // Queues the call. InvalidArgument for a bad label or counter (nothing queued),
  // Refused with code "announce-queue-full" when the queue is full.
  Result<Done> announce(const CounterCall& call);

  // True once nothing is waiting or playing; false if `limit` passed first.
  bool wait_until_idle(std::chrono::milliseconds limit);

 private:
  struct PendingCall {
    CounterCall call;
    AnnouncementText text;
  };

  void run();
  AnnouncementReport play_one(const PendingCall& pending);

  std::unique_ptr<AudioSink> sink_;
  AnnouncerOptions options_;
  ReportCallback on_report_;

  std::mutex mutex_;
  std::condition_variable queue_changed_;
  std::deque<PendingCall> waiting_;
  bool playing_ = false;
  bool stopping_ = false;
  std::thread worker_;  // last: starts after everything it uses
};

}  // namespace kiosk::speech
