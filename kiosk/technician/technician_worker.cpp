// The technician tablet's effects against its own database (see technician_worker.h).
#include "technician/technician_worker.h"

#include <cstdio>
#include <memory>
#include <optional>

#include "core/overloaded.h"
#include "field/job_book.h"
#include "kit/signature_ink.h"
#include "technician/tablet_reads.h"

namespace kiosk::technician {
namespace {

// What the reducer needs of JobBook's error codes (job_book.h).
Failure failure_of(const Error& error) {
  const std::string& code = error.code;
  if (code == "wrong-pin") return Failure::WrongPin;
  if (code == "locked-out") return Failure::LockedOut;
  if (code == "retired") return Failure::Retired;
  if (code == "not-set-up") return Failure::NotSetUp;
  if (code == "device-revoked") return Failure::Revoked;
  if (code == "illegal-transition") return Failure::Changed;
  if (code == "unknown-job") return Failure::Gone;
  return Failure::Other;
}

// The tablet's database on the worker thread, and its sync thread.
class Tablet {
 public:
  Tablet(const TabletConfig& config, Post post)
      : clock_(config.clock ? *config.clock : system_clock_), post_(std::move(post)) {
    Result<std::unique_ptr<FieldDb>> opened = FieldDb::open(config.data_dir, clock_.now_ms());
    if (opened) {
      field_ = std::move(opened).value();
      book_.emplace(*field_, clock_, config.sync.options.book);
    } else {
      std::fprintf(stderr, "kiosk: %s\n", opened.error().message.c_str());
    }
    sync_ = start_tablet_sync(config.data_dir, clock_, config.sync, post_);
  }

  void run(const Effect& effect) {
    if (std::holds_alternative<SyncNow>(effect)) return sync_->sync_now();
    if (!book_) return post_(TaskFailed{task_of(effect), Failure::Other, 0});
    std::visit(Overloaded{[&](const ReadTablet&) { read_tablet(); }, [&](const LogIn& e) { log_in(e); },
                          [&](const LoadJobs&) { load_jobs(); }, [&](const LoadJob& e) { load_job(e.request_id); },
                          [&](const TakeStep& e) { take_step(e); }, [&](const CompleteJob& e) { complete(e); },
                          [&](const MarkTold& e) { mark_told(e.step_id); }, [&](const SyncNow&) {}},
               effect);
  }

 private:
  static Task task_of(const Effect& effect) {
    if (std::holds_alternative<LogIn>(effect)) return Task::Login;
    if (std::holds_alternative<LoadJob>(effect)) return Task::Job;
    if (std::holds_alternative<TakeStep>(effect) || std::holds_alternative<CompleteJob>(effect)) return Task::Step;
    if (std::holds_alternative<MarkTold>(effect)) return Task::Notice;
    return Task::Jobs;
  }

  void fail(Task task, const Error& error) {
    const Failure failure = failure_of(error);
    if (failure == Failure::Other) std::fprintf(stderr, "kiosk: %s\n", error.message.c_str());
    post_(TaskFailed{task, failure, failure == Failure::LockedOut ? locked_minutes(*field_, clock_.now_ms()) : 0});
  }

  void read_tablet() {
    Result<TabletStatus> tablet = read_tablet_status(*field_, clock_);
    if (tablet)
      post_(TabletRead{tablet.value()});
    else
      std::fprintf(stderr, "kiosk: %s\n", tablet.error().message.c_str());
  }

  void log_in(const LogIn& e) {
    Result<FieldTechnician> technician = book_->log_in(e.name, e.pin);
    if (!technician) return fail(Task::Login, technician.error());
    post_(LoggedIn{technician.value().name});
  }

  void load_jobs() {
    Result<std::vector<FieldJob>> jobs = book_->jobs();
    if (!jobs) return fail(Task::Jobs, jobs.error());
    Result<std::vector<StepNotice>> untold = book_->untold();
    if (!untold) return fail(Task::Jobs, untold.error());
    Result<WaitingCounts> waiting = book_->waiting_count();
    if (!waiting) return fail(Task::Jobs, waiting.error());
    JobsLoaded loaded;
    for (const FieldJob& job : jobs.value()) loaded.jobs.push_back(job_line(job));
    for (const StepNotice& notice : untold.value()) loaded.notices.push_back(notice_of(notice));
    loaded.waiting = waiting.value().total();
    post_(std::move(loaded));
  }

  // The job as it is now, for the screens; nullopt (and the failure posted) when it cannot be read.
  std::optional<JobDetail> detail(const std::string& request_id, Task task) {
    Result<FieldJob> job = book_->job(request_id);
    if (!job) {
      fail(task, job.error());
      return std::nullopt;
    }
    Result<EpochMs> hq_now = book_->hq_now();
    return job_detail(job.value(), hq_now ? hq_now.value() : clock_.now_ms());
  }

  void load_job(const std::string& request_id) {
    if (std::optional<JobDetail> job = detail(request_id, Task::Job)) post_(JobLoaded{std::move(*job)});
  }

  void take_step(const TakeStep& e) {
    StepInput step;
    step.request_id = e.request_id;
    step.to = request_state_from(e.to).value_or(RequestState::Received);  // unknown: refused as office-step
    step.note = e.note;
    step.scheduled_date = e.scheduled_date;
    step.scheduled_window = time_window_from(e.scheduled_window);
    Result<FieldJob> taken = book_->take_step(step);
    if (!taken) return fail(Task::Step, taken.error());
    stored(e.request_id, false);
  }

  void complete(const CompleteJob& e) {
    CompletionInput completion;
    completion.request_id = e.request_id;
    completion.resolution = e.resolution;
    completion.note = e.note;
    completion.confirmed_by_customer = e.confirmed;
    if (e.score > 0) completion.rating = RatingInput{e.score, e.reasons, {}, RatedBy::TechnicianDevice};
    if (!e.signature.empty()) {
      const std::vector<std::uint8_t> png = kit::signature_png(e.signature);
      completion.signature_png.assign(png.begin(), png.end());
    }
    Result<FieldJob> done = book_->complete(completion);
    if (!done) return fail(Task::Step, done.error());
    stored(e.request_id, true);
  }

  // A step is on the tablet: the screens see the job as it is now, the sync thread sends it soon.
  void stored(const std::string& request_id, bool completed) {
    sync_->nudge();
    if (std::optional<JobDetail> job = detail(request_id, Task::Step)) post_(JobChanged{std::move(*job), completed});
  }

  void mark_told(const std::string& step_id) {
    if (Result<Done> told = book_->mark_told(step_id); !told) fail(Task::Notice, told.error());
  }

  SystemClock system_clock_;
  const Clock& clock_;
  Post post_;
  std::unique_ptr<FieldDb> field_;
  std::optional<JobBook> book_;
  std::unique_ptr<FieldSyncWorker> sync_;  // last: its thread stops before the rest goes
};

}  // namespace

app::EffectRunner<Effect> tablet_worker(const TabletConfig& config, Post post) {
  if (config.data_dir.empty()) return {[](const Effect&) {}, {}, {}};
  auto tablet = std::make_shared<Tablet>(config, std::move(post));
  return {[tablet](const Effect& effect) { tablet->run(effect); }, {}, {}};
}

}  // namespace kiosk::technician
