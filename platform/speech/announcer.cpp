// The announcer's queue and its one worker thread.
#include "speech/announcer.h"

#include "speech/announcement_audio.h"

namespace kiosk::speech {

Announcer::Announcer(std::unique_ptr<AudioSink> sink, AnnouncerOptions options, ReportCallback on_report)
    : sink_(std::move(sink)), options_(options), on_report_(std::move(on_report)), worker_([this] { run(); }) {}

Announcer::~Announcer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    waiting_.clear();
  }
  queue_changed_.notify_all();
  worker_.join();
}

Result<Done> Announcer::announce(const CounterCall& call) {
  auto text = announcement_text(call.ticket_label, call.counter_number);
  if (!text) return text.error();
  {
    std::lock_guard lock(mutex_);
    if (waiting_.size() >= options_.queue_capacity) {
      return refused("too many calls waiting to be announced; " + call.ticket_label + " is not announced",
                     "announce-queue-full");
    }
    waiting_.push_back({call, std::move(text).value()});
  }
  queue_changed_.notify_all();
  return Done{};
}

bool Announcer::wait_until_idle(std::chrono::milliseconds limit) {
  std::unique_lock lock(mutex_);
  return queue_changed_.wait_for(lock, limit, [this] { return waiting_.empty() && !playing_; });
}

void Announcer::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    queue_changed_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
    if (stopping_) return;
    const PendingCall pending = std::move(waiting_.front());
    waiting_.pop_front();
    playing_ = true;
    lock.unlock();

    const AnnouncementReport report = play_one(pending);
    if (on_report_) on_report_(report);

    lock.lock();
    playing_ = false;
    queue_changed_.notify_all();
  }
}

AnnouncementReport Announcer::play_one(const PendingCall& pending) {
  AnnouncementReport report{pending.call, {}, 0, 0};
  const auto started = std::chrono::steady_clock::now();
  auto audio = render_announcement(pending.text);
  report.synthesis_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!audio) {
    report.error = audio.error().message;
    return report;
  }
  report.audio_seconds = audio.value().seconds();
  auto played = sink_->play(audio.value());
  if (!played) report.error = played.error().message;
  return report;
}

}  // namespace kiosk::speech
