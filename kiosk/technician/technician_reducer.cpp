// The technician tablet's reducer: PIN login (offline, against the tablet's
// database), my jobs, opening a job, steps with a quick note, the visit
// agreed, the completion with the customer's confirmation, signature and
// rating, what HQ did not keep told until dismissed, "Sync now", and what the
// sync thread reports (the jobs read again after a round that changed them,
// the session ended when HQ revoked the tablet).
#include "technician/technician_reducer.h"

#include <algorithm>
#include <utility>

#include "core/overloaded.h"

namespace kiosk::technician {
namespace {

using Effects = std::vector<Effect>;

bool logged_in(const TechnicianState& s) { return !s.staff_name.empty(); }

bool offers(const JobDetail& job, const std::string& state) {
  return std::find(job.next.begin(), job.next.end(), state) != job.next.end();
}

// Back to the login screen with everything of the session forgotten but the
// tablet's state; the name stays typed unless the tablet was revoked.
void end_session(TechnicianState& s) {
  TechnicianState fresh;
  fresh.language = s.language;
  fresh.tablet = s.tablet;
  fresh.sync_error = s.sync_error;
  fresh.syncing = s.syncing;
  if (!s.tablet.revoked) fresh.login = kit::login_form_after(s.staff_name, /*session_ended=*/false);
  s = std::move(fresh);
}

void back_to_jobs(TechnicianState& s) {
  s.screen = Screen::Jobs;
  s.job.reset();
  s.schedule.reset();
  s.step_note.clear();
}

Effects login_failed(TechnicianState& s, const TaskFailed& f) {
  switch (f.failure) {
    case Failure::WrongPin:
      kit::refuse_login(s.login, kit::LoginRefusal::WrongPin);
      break;
    case Failure::LockedOut:
      kit::refuse_login(s.login, kit::LoginRefusal::LockedOut, f.locked_minutes);
      break;
    case Failure::Retired:
      kit::refuse_login(s.login, kit::LoginRefusal::Refused);
      break;
    case Failure::NotSetUp:  // the login screen tells what to do instead of the form
      s.tablet.has_technician = false;
      s.login = {};
      break;
    case Failure::Revoked:
      s.tablet.revoked = true;
      s.login = {};
      break;
    default:
      kit::refuse_login(s.login, kit::LoginRefusal::Other);
      break;
  }
  return {};
}

Effects step_failed(TechnicianState& s, const TaskFailed& f) {
  s.busy = false;
  switch (f.failure) {
    case Failure::Changed:
      s.error = {"tech.error.changed", {}};
      s.schedule.reset();
      return s.job ? Effects{LoadJob{s.job->line.request_id}} : Effects{};
    case Failure::Gone:
      back_to_jobs(s);
      s.error = {"tech.error.gone", {}};
      return {LoadJobs{}};
    case Failure::Revoked:
      s.tablet.revoked = true;
      end_session(s);
      return {};
    case Failure::Retired:
    case Failure::NotSetUp:
      end_session(s);
      return {};
    default:
      s.error = {"tech.error.other", {}};
      return {};
  }
}

Effects on_failure(TechnicianState& s, const TaskFailed& f) {
  switch (f.task) {
    case Task::Login:
      return login_failed(s, f);
    case Task::Step:
      return step_failed(s, f);
    case Task::Job:
      if (f.failure == Failure::Gone && logged_in(s)) {
        back_to_jobs(s);
        s.error = {"tech.error.gone", {}};
        return {LoadJobs{}};
      }
      s.error = {"tech.error.other", {}};
      return {};
    case Task::Jobs:
    case Task::Notice:
      s.error = {"tech.error.other", {}};
      return {};
  }
  return {};
}

Effects on_sync(TechnicianState& s, const SyncReported& a) {
  s.tablet = a.tablet;
  s.sync_error = a.error_key;
  s.syncing = false;
  if (s.tablet.revoked) {
    if (logged_in(s)) end_session(s);
    s.login = {};
    return {};
  }
  if (!logged_in(s) || !a.changed) return {};
  Effects reads{LoadJobs{}};
  if (s.job) reads.push_back(LoadJob{s.job->line.request_id});
  return reads;
}

Effects submit_completion(TechnicianState& s, const Wording& wording) {
  if (s.busy || !s.job || s.screen != Screen::Complete) return {};
  const CompletionForm& c = s.completion;
  if (c.resolution.empty()) {
    s.error = {"tech.complete.need_resolution", {}};
    return {};
  }
  if (c.confirmed && !kit::looks_signed(c.signature.strokes)) {
    s.error = {"tech.complete.need_signature", {}};
    return {};
  }
  if (!c.confirmed && !c.unconfirmed_asked) {  // asked once; a second tap records it plainly
    s.completion.unconfirmed_asked = true;
    s.error = {"tech.complete.unconfirmed_question", {}};
    return {};
  }
  s.busy = true;
  s.error = {};
  std::string note = wording("tech.resolution." + c.resolution, s.language);
  if (!c.confirmed) note += wording("tech.complete.unconfirmed_note", s.language);
  return {CompleteJob{s.job->line.request_id, c.resolution, note, c.confirmed,
                      c.confirmed ? c.signature.strokes : std::vector<kit::InkStroke>{}, c.score,
                      std::vector<std::string>(c.reasons.begin(), c.reasons.end())}};
}

// The visit as the customer asked for it; today when that day is past or unknown.
ScheduleForm first_schedule(const JobDetail& job) {
  ScheduleForm visit{job.line.date, job.line.time_window.empty() ? "morning" : job.line.time_window};
  if (visit.date.empty() || (!job.today.empty() && visit.date < job.today)) visit.date = job.today;
  return visit;
}

// A step with the quick note in the screen's language, and the visit when scheduling.
Effects take_step(TechnicianState& s, const std::string& to, const ScheduleForm& visit, const Wording& wording) {
  s.busy = true;
  s.error = {};
  s.done = {};
  const std::string note = s.step_note.empty() ? std::string() : wording("tech.note." + s.step_note, s.language);
  return {TakeStep{s.job->line.request_id, to, note, visit.date, visit.window}};
}

}  // namespace

const std::vector<std::string>& step_note_keys() {
  static const std::vector<std::string> keys{"customer-away", "running-late", "parts-ordered", "needs-second-visit"};
  return keys;
}

const std::vector<std::string>& resolution_keys() {
  static const std::vector<std::string> keys{"repaired", "replaced-part", "installed", "adjusted", "no-fault-found"};
  return keys;
}

std::vector<Effect> reduce(TechnicianState& s, const Action& action, const Wording& wording) {
  return std::visit(
      Overloaded{
          [&](const SwitchLanguage&) -> Effects {
            s.language = s.language == Language::Zh ? Language::En : Language::Zh;
            return {};
          },
          [&](const LoginInput& a) -> Effects {
            if (s.screen != Screen::Login || s.tablet.revoked) return {};
            std::optional<kit::LoginAttempt> attempt = kit::apply_login_input(s.login, a);
            if (!attempt) return {};
            return {LogIn{std::move(attempt->name), std::move(attempt->pin)}};
          },
          [&](const Logout&) -> Effects {
            if (logged_in(s) && !s.busy) end_session(s);
            return {};
          },
          [&](const RequestSync&) -> Effects {
            if (s.syncing) return {};
            s.syncing = true;
            return {SyncNow{}};
          },
          [&](const DismissNotice& a) -> Effects {
            const auto told = std::find_if(s.notices.begin(), s.notices.end(),
                                           [&](const Notice& n) { return n.step_id == a.step_id; });
            if (told == s.notices.end()) return {};
            s.notices.erase(told);
            return {MarkTold{a.step_id}};
          },
          [&](const ShowJobsFrom& a) -> Effects {
            s.jobs_first = std::min(a.first, s.jobs.empty() ? 0 : s.jobs.size() - 1);
            return {};
          },
          [&](const OpenJob& a) -> Effects {
            if (!logged_in(s) || s.busy) return {};
            const auto line = std::find_if(s.jobs.begin(), s.jobs.end(),
                                           [&](const JobLine& j) { return j.request_id == a.request_id; });
            if (line == s.jobs.end()) return {};
            JobDetail opening;
            opening.line = *line;
            s.job = std::move(opening);
            s.screen = Screen::Job;
            s.step_note.clear();
            s.schedule.reset();
            s.error = {};
            s.done = {};
            return {LoadJob{a.request_id}};
          },
          [&](const BackToJobs&) -> Effects {
            if (!logged_in(s) || s.busy) return {};
            back_to_jobs(s);
            s.error = {};
            return {LoadJobs{}};
          },
          [&](const PickStepNote& a) -> Effects {
            s.step_note = s.step_note == a.key ? std::string() : a.key;
            return {};
          },
          [&](const ChangeState& a) -> Effects {
            if (s.busy || !s.job || s.screen != Screen::Job || a.to == "done" || !offers(*s.job, a.to)) return {};
            if (a.to == "scheduled") {  // the day and time of day are agreed first
              s.schedule = first_schedule(*s.job);
              return {};
            }
            return take_step(s, a.to, {}, wording);
          },
          [&](const SetScheduleDate& a) -> Effects {
            if (s.schedule) s.schedule->date = a.date;
            return {};
          },
          [&](const ChooseScheduleWindow& a) -> Effects {
            if (s.schedule) s.schedule->window = a.window;
            return {};
          },
          [&](const ConfirmSchedule&) -> Effects {
            if (!s.schedule || s.busy || !s.job) return {};
            if (!offers(*s.job, "scheduled")) {  // a round moved the job on while the visit was agreed
              s.schedule.reset();
              s.error = {"tech.error.changed", {}};
              return {};
            }
            const ScheduleForm visit = *s.schedule;
            return take_step(s, "scheduled", visit, wording);
          },
          [&](const CancelSchedule&) -> Effects {
            s.schedule.reset();
            return {};
          },
          [&](const OpenCompletion&) -> Effects {
            if (s.busy || !s.job || !offers(*s.job, "done")) return {};
            s.completion = {};
            s.error = {};
            s.done = {};
            s.screen = Screen::Complete;
            return {};
          },
          [&](const BackToJob&) -> Effects {
            if (!s.busy && (s.screen == Screen::Complete || s.screen == Screen::Sign)) s.screen = Screen::Job;
            s.error = {};
            return {};
          },
          [&](const PickResolution& a) -> Effects {
            s.completion.resolution = a.key;
            if (s.error.key == "tech.complete.need_resolution") s.error = {};
            return {};
          },
          [&](const ToggleConfirmed&) -> Effects {
            if (s.screen != Screen::Complete || s.busy) return {};
            s.completion.confirmed = !s.completion.confirmed;
            s.completion.unconfirmed_asked = false;
            if (s.error.key == "tech.complete.unconfirmed_question" || s.error.key == "tech.complete.need_signature")
              s.error = {};
            // A confirmation is signed: the customer signs next, unless they already did.
            if (s.completion.confirmed && !kit::looks_signed(s.completion.signature.strokes)) s.screen = Screen::Sign;
            return {};
          },
          [&](const OpenSignature&) -> Effects {
            if (s.screen == Screen::Complete && !s.busy && s.completion.confirmed) s.screen = Screen::Sign;
            return {};
          },
          [&](const CloseSignature&) -> Effects {
            if (s.screen != Screen::Sign) return {};
            s.completion.signature.drawing = false;  // a finger still down is lifted with the page
            s.screen = Screen::Complete;
            return {};
          },
          [&](const SignatureInput& a) -> Effects {
            if (s.screen != Screen::Sign) return {};
            kit::apply_signature_input(s.completion.signature, a);
            if (s.error.key == "tech.complete.need_signature" && kit::looks_signed(s.completion.signature.strokes))
              s.error = {};
            return {};
          },
          [&](const PickScore& a) -> Effects {
            if (a.score < 1 || a.score > 5) return {};
            s.completion.score = s.completion.score == a.score ? 0 : a.score;
            if (s.completion.score == 0) s.completion.reasons.clear();
            return {};
          },
          [&](const ToggleReason& a) -> Effects {
            if (s.completion.score == 0) return {};
            if (!s.completion.reasons.erase(a.code)) s.completion.reasons.insert(a.code);
            return {};
          },
          [&](const SubmitCompletion&) -> Effects { return submit_completion(s, wording); },
          [&](const TabletRead& a) -> Effects {
            s.tablet = a.tablet;
            return {};
          },
          [&](const SyncReported& a) -> Effects { return on_sync(s, a); },
          [&](const LoggedIn& a) -> Effects {
            s.login = {};  // the PIN is forgotten at once
            s.staff_name = a.staff_name;
            s.screen = Screen::Jobs;
            return {LoadJobs{}};
          },
          [&](const JobsLoaded& a) -> Effects {
            if (!logged_in(s)) return {};
            s.jobs = a.jobs;
            s.jobs_first = std::min(s.jobs_first, s.jobs.empty() ? 0 : s.jobs.size() - 1);
            s.notices = a.notices;
            s.tablet.waiting = a.waiting;
            return {};
          },
          [&](const JobLoaded& a) -> Effects {
            if (!s.job || s.job->line.request_id != a.job.line.request_id) return {};
            s.job = a.job;
            if ((s.screen == Screen::Complete || s.screen == Screen::Sign) && !offers(a.job, "done")) {  // moved on
              s.screen = Screen::Job;
              s.error = {"tech.error.changed", {}};
            }
            return {};
          },
          [&](const JobChanged& a) -> Effects {
            s.busy = false;
            s.error = {};
            s.step_note.clear();
            s.schedule.reset();
            if (a.completed) {
              back_to_jobs(s);
              s.completion = {};
              s.done = {"tech.done.completed", a.job.line.code};
            } else {
              s.done = {"tech.done.changed", "tech.state." + a.job.line.state};
              s.job = a.job;
            }
            return {LoadJobs{}};
          },
          [&](const TaskFailed& a) -> Effects { return on_failure(s, a); },
      },
      action);
}

}  // namespace kiosk::technician
