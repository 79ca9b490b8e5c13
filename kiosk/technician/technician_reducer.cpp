// The technician device's reducer: PIN login, my jobs and their refreshes,
// opening a job, status changes with a quick note, the completion with the
// customer's confirmation and rating, a version conflict told plainly (and the
// job read again), the link to the store node going down (retries with
// backoff) and a session ending.
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

Effects load_jobs(TechnicianState& s) {
  if (s.jobs_loading || !logged_in(s)) return {};
  s.jobs_loading = true;
  return {LoadJobs{}};
}

// Back to the login screen with everything of the session forgotten but the
// name (and that the session ended by itself, if it did).
void end_session(TechnicianState& s, bool ended) {
  TechnicianState fresh;
  fresh.language = s.language;
  fresh.link = s.link;
  fresh.login = kit::login_form_after(s.staff_name.empty() ? s.login.name : s.staff_name, ended);
  s = std::move(fresh);
}

void link_failed(TechnicianState& s, EpochMs now, const TechnicianTimings& t) {
  app::link_failed(s.link, now, t.first_retry, t.max_retry);
}

Effects on_failure(TechnicianState& s, const RequestFailed& f, EpochMs now, const TechnicianTimings& t) {
  const bool is_login = f.what == "login", is_jobs = f.what == "jobs",
             is_change = f.what == "change" || f.what == "complete";
  if (is_login) s.login.busy = false;
  if (is_jobs) s.jobs_loading = false;
  if (is_change) s.busy = false;
  switch (f.failure) {
    case Failure::Unreachable:
      link_failed(s, now, t);
      if (is_login)
        kit::refuse_login(s.login, kit::LoginRefusal::Unreachable);
      else if (is_change)
        s.error = {"tech.error.unreachable", {}};
      return {};
    case Failure::SessionEnded:
      if (logged_in(s)) end_session(s, /*ended=*/true);
      return {};
    case Failure::WrongPin:
      kit::refuse_login(s.login, kit::LoginRefusal::WrongPin);
      return {};
    case Failure::LockedOut:
      kit::refuse_login(s.login, kit::LoginRefusal::LockedOut, f.locked_minutes);
      return {};
    case Failure::NotTechnician:
      kit::refuse_login(s.login, kit::LoginRefusal::NotTechnician);
      return {};
    case Failure::Conflict:
      s.error = {"tech.error.conflict", {}};
      return s.job ? Effects{LoadJob{s.job->line.code}} : Effects{};
    case Failure::Refused:
      if (is_login)
        kit::refuse_login(s.login, kit::LoginRefusal::Refused);
      else
        s.error = {"tech.error.refused", {}};
      return s.job && is_change ? Effects{LoadJob{s.job->line.code}} : Effects{};
    case Failure::Other:
      if (is_login)
        kit::refuse_login(s.login, kit::LoginRefusal::Other);
      else if (!is_jobs)
        s.error = {"tech.error.other", {}};
      return {};
  }
  return {};
}

Effects on_tick(TechnicianState& s, EpochMs now, const TechnicianTimings& t) {
  if (!logged_in(s) || s.jobs_loading) return {};
  if (s.link.down) return now >= s.link.retry_at ? load_jobs(s) : Effects{};
  if (s.screen == Screen::Jobs && now - s.jobs_loaded_at >= t.jobs_refresh) return load_jobs(s);
  return {};
}

Effects submit_completion(TechnicianState& s, const Wording& wording) {
  if (s.busy || !s.job || s.screen != Screen::Complete) return {};
  const CompletionForm& c = s.completion;
  if (c.resolution.empty()) {
    s.error = {"tech.complete.need_resolution", {}};
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
  return {SendCompletion{s.job->line.code, note, c.confirmed, c.score,
                         std::vector<std::string>(c.reasons.begin(), c.reasons.end()), s.job->line.version}};
}

// The visit as the customer asked for it; today when that day is past or unknown.
ScheduleForm first_schedule(const JobDetail& job) {
  ScheduleForm visit{job.line.date, job.line.time_window.empty() ? "morning" : job.line.time_window};
  if (visit.date.empty() || (!job.today.empty() && visit.date < job.today)) visit.date = job.today;
  return visit;
}

// A step with the quick note in the screen's language, and the visit when scheduling.
Effects send_transition(TechnicianState& s, const std::string& to, const ScheduleForm& visit, const Wording& wording) {
  s.busy = true;
  s.error = {};
  s.done = {};
  const std::string note = s.step_note.empty() ? std::string() : wording("tech.note." + s.step_note, s.language);
  return {SendTransition{s.job->line.code, to, note, s.job->line.version, visit.date, visit.window}};
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

int retry_seconds_left(const TechnicianState& s, EpochMs now) {
  return static_cast<int>(std::max<EpochMs>(0, (s.link.retry_at - now + 999) / 1000));
}

std::vector<Effect> reduce(TechnicianState& s, const Action& action, EpochMs now, const TechnicianTimings& t,
                           const Wording& wording) {
  return std::visit(Overloaded{
                        [&](const SwitchLanguage&) -> Effects {
                          s.language = s.language == Language::Zh ? Language::En : Language::Zh;
                          return {};
                        },
                        [&](const LoginInput& a) -> Effects {
                          if (s.screen != Screen::Login) return {};
                          std::optional<kit::LoginAttempt> attempt = kit::apply_login_input(s.login, a);
                          if (!attempt) return {};
                          return {LogIn{std::move(attempt->name), std::move(attempt->pin)}};
                        },
                        [&](const Logout&) -> Effects {
                          if (!logged_in(s)) return {};
                          end_session(s, /*ended=*/false);
                          s.login = {};
                          return {LogOut{}};
                        },
                        [&](const OpenJob& a) -> Effects {
                          if (!logged_in(s) || s.busy) return {};
                          const auto line = std::find_if(s.jobs.begin(), s.jobs.end(),
                                                         [&](const JobLine& j) { return j.code == a.code; });
                          if (line == s.jobs.end()) return {};
                          s.job = JobDetail{*line, false, {}, {}, {}, {}, {}, {}, {}};
                          s.screen = Screen::Job;
                          s.step_note.clear();
                          s.schedule.reset();
                          s.error = {};
                          s.done = {};
                          return {LoadJob{a.code}};
                        },
                        [&](const BackToJobs&) -> Effects {
                          if (!logged_in(s) || s.busy) return {};
                          s.screen = Screen::Jobs;
                          s.job.reset();
                          s.error = {};
                          return load_jobs(s);
                        },
                        [&](const RefreshJobs&) -> Effects { return load_jobs(s); },
                        [&](const PickStepNote& a) -> Effects {
                          s.step_note = s.step_note == a.key ? std::string() : a.key;
                          return {};
                        },
                        [&](const ChangeState& a) -> Effects {
                          if (s.busy || !s.job || s.screen != Screen::Job || a.to == "done" || !offers(*s.job, a.to))
                            return {};
                          if (a.to == "scheduled") {  // the day and time of day are agreed first
                            s.schedule = first_schedule(*s.job);
                            return {};
                          }
                          return send_transition(s, a.to, {}, wording);
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
                          if (!s.schedule || s.busy || !s.job || !offers(*s.job, "scheduled")) return {};
                          const ScheduleForm visit = *s.schedule;
                          return send_transition(s, "scheduled", visit, wording);
                        },
                        [&](const CancelSchedule&) -> Effects {
                          s.schedule.reset();
                          return {};
                        },
                        [&](const OpenCompletion&) -> Effects {
                          if (s.busy || !s.job || !offers(*s.job, "done")) return {};
                          s.completion = {};
                          s.error = {};
                          s.screen = Screen::Complete;
                          return {};
                        },
                        [&](const BackToJob&) -> Effects {
                          if (!s.busy && s.screen == Screen::Complete) s.screen = Screen::Job;
                          s.error = {};
                          return {};
                        },
                        [&](const PickResolution& a) -> Effects {
                          s.completion.resolution = a.key;
                          if (s.error.key == "tech.complete.need_resolution") s.error = {};
                          return {};
                        },
                        [&](const ToggleConfirmed&) -> Effects {
                          s.completion.confirmed = !s.completion.confirmed;
                          s.completion.unconfirmed_asked = false;
                          if (s.error.key == "tech.complete.unconfirmed_question") s.error = {};
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
                        [&](const Tick&) -> Effects { return on_tick(s, now, t); },
                        [&](const LoggedIn& a) -> Effects {
                          s.login = {};  // the PIN is forgotten at once
                          s.staff_name = a.staff_name;
                          s.screen = Screen::Jobs;
                          return load_jobs(s);
                        },
                        [&](const JobsLoaded& a) -> Effects {
                          s.jobs = a.jobs;
                          s.jobs_loading = false;
                          s.jobs_loaded_at = now;
                          if (s.link.down && s.error.key == "tech.error.unreachable") s.error = {};
                          s.link = {};
                          return {};
                        },
                        [&](const JobLoaded& a) -> Effects {
                          if (s.job && s.job->line.code == a.job.line.code) s.job = a.job;
                          if (s.screen == Screen::Complete && !offers(a.job, "done")) s.screen = Screen::Job;
                          return {};
                        },
                        [&](const JobChanged& a) -> Effects {
                          s.busy = false;
                          s.error = {};
                          s.step_note.clear();
                          s.schedule.reset();
                          if (a.completed) {
                            s.done = {"tech.done.completed", a.job.line.code};
                            s.job.reset();
                            s.screen = Screen::Jobs;
                          } else {
                            s.done = {"tech.done.changed", "tech.state." + a.job.line.state};
                            s.job = a.job;
                          }
                          return load_jobs(s);
                        },
                        [&](const RequestFailed& a) -> Effects { return on_failure(s, a, now, t); },
                    },
                    action);
}

std::optional<EpochMs> next_deadline(const TechnicianState& s, EpochMs now, const TechnicianTimings& t) {
  if (!logged_in(s) || s.jobs_loading) return std::nullopt;
  if (s.link.down) {
    const EpochMs left = s.link.retry_at - now;
    if (left <= 0) return now;
    return now + (left % 1000 == 0 ? 1000 : left % 1000);
  }
  return s.jobs_loaded_at + t.jobs_refresh;
}

}  // namespace kiosk::technician
