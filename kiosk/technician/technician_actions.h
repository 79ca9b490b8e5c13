// What can happen on the technician's device (taps, time, worker results) and
// what the reducer asks the worker to do (effects: one API request each).
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "technician/technician_state.h"

namespace kiosk::technician {

// [SECTION] Taps
struct SwitchLanguage {};
using kit::LoginInput;  // the staff login's taps and keys (kit/staff_login_form.h)
struct Logout {};
struct OpenJob {
  std::string code;
};
struct BackToJobs {};
struct RefreshJobs {};
struct PickStepNote {
  std::string key;
};  // again: no note
struct ChangeState {
  std::string to;
};  // one of the job's `next`, not "done"; "scheduled" asks the visit first
struct SetScheduleDate {
  std::string date;
};
struct ChooseScheduleWindow {
  std::string window;
};
struct ConfirmSchedule {};  // sends "scheduled" with the day and window chosen
struct CancelSchedule {};
struct OpenCompletion {};
struct BackToJob {};
struct PickResolution {
  std::string key;
};
struct ToggleConfirmed {};
struct PickScore {
  int score;
};  // again: no rating
struct ToggleReason {
  std::string code;
};
struct SubmitCompletion {};

// [SECTION] Time and worker results
struct Tick {};
struct LoggedIn {
  std::string staff_name;
};
struct JobsLoaded {
  std::vector<JobLine> jobs;
};
struct JobLoaded {
  JobDetail job;
};
struct JobChanged {  // a transition or the completion went through
  JobDetail job;
  bool completed = false;
};
enum class Failure { Unreachable, SessionEnded, WrongPin, LockedOut, NotTechnician, Conflict, Refused, Other };
struct RequestFailed {
  std::string what;  // "login", "jobs", "job", "change", "complete"
  Failure failure = Failure::Other;
  int locked_minutes = 0;
};

using Action = std::variant<SwitchLanguage, LoginInput, Logout, OpenJob, BackToJobs, RefreshJobs, PickStepNote,
                            ChangeState, SetScheduleDate, ChooseScheduleWindow, ConfirmSchedule, CancelSchedule,
                            OpenCompletion, BackToJob, PickResolution, ToggleConfirmed, PickScore, ToggleReason,
                            SubmitCompletion, Tick, LoggedIn, JobsLoaded, JobLoaded, JobChanged, RequestFailed>;

// [SECTION] Effects
struct LogIn {
  std::string name;
  std::string pin;
};
struct LogOut {};
struct LoadJobs {};
struct LoadJob {
  std::string code;
};
struct SendTransition {
  std::string code;
  std::string to;
  std::string note;  // in the language the technician reads
  int version = 0;
  std::string scheduled_date;  // to "scheduled": the visit agreed
  std::string scheduled_window;
};
struct SendCompletion {
  std::string code;
  std::string note;
  bool confirmed = false;
  int score = 0;  // 0: no rating
  std::vector<std::string> reasons;
  int version = 0;
};

using Effect = std::variant<LogIn, LogOut, LoadJobs, LoadJob, SendTransition, SendCompletion>;

}  // namespace kiosk::technician
