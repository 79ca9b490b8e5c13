// What can happen on the technician's tablet (taps, the worker's and the sync
// thread's results) and what the reducer asks the worker to do (effects: each
// one read or write of the tablet's database, or a word to the sync thread).
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
struct RequestSync {};  // "Sync now"
struct DismissNotice {  // "OK" under a notice
  std::string step_id;
};
struct ShowJobsFrom {  // "Earlier" / "Later" when the jobs do not all fit
  std::size_t first;
};
struct OpenJob {
  std::string request_id;
};
struct BackToJobs {};
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
struct ConfirmSchedule {};  // takes "scheduled" with the day and window chosen
struct CancelSchedule {};
struct OpenCompletion {};
struct BackToJob {};
struct PickResolution {
  std::string key;
};
struct ToggleConfirmed {};  // on: the customer signs next
struct OpenSignature {};    // the customer signs (again)
struct CloseSignature {};   // back to the completion, the ink kept
using kit::SignatureInput;  // the signature pad's finger (kit/signature_ink.h)
struct PickScore {
  int score;
};  // again: no rating
struct ToggleReason {
  std::string code;
};
struct SubmitCompletion {};

// [SECTION] Results of the worker and the sync thread
struct TabletRead {  // the tablet's state, read at start
  TabletStatus tablet;
};
struct SyncReported {  // a sync round ended
  TabletStatus tablet;
  std::string error_key;  // "" when it went through
  bool changed = false;   // it took changes or HQ decided steps: the jobs on screen are read again
  bool wiped = false;     // HQ revoked the tablet and it wiped itself
};
struct LoggedIn {
  std::string staff_name;
};
struct JobsLoaded {
  std::vector<JobLine> jobs;
  std::vector<Notice> notices;
  std::int64_t waiting = 0;
};
struct JobLoaded {
  JobDetail job;
};
struct JobChanged {  // a step or the completion was stored (and waits to be sent)
  JobDetail job;
  bool completed = false;
};
enum class Task { Login, Jobs, Job, Step, Notice };
enum class Failure {
  WrongPin,
  LockedOut,
  Retired,   // HQ retired the technician
  NotSetUp,  // no technician from HQ yet
  Revoked,   // HQ revoked the tablet
  Changed,   // the job changed meanwhile (HQ's answer, a sync): the step no longer applies
  Gone,      // the job is no longer on the tablet
  Other,     // the database failed, or a bug
};
struct TaskFailed {
  Task task = Task::Login;
  Failure failure = Failure::Other;
  int locked_minutes = 0;
};

using Action = std::variant<SwitchLanguage, LoginInput, Logout, RequestSync, DismissNotice, ShowJobsFrom, OpenJob,
                            BackToJobs, PickStepNote, ChangeState, SetScheduleDate, ChooseScheduleWindow,
                            ConfirmSchedule, CancelSchedule, OpenCompletion, BackToJob, PickResolution, ToggleConfirmed,
                            OpenSignature, CloseSignature, SignatureInput, PickScore, ToggleReason, SubmitCompletion,
                            TabletRead, SyncReported, LoggedIn, JobsLoaded, JobLoaded, JobChanged, TaskFailed>;

// [SECTION] Effects
struct ReadTablet {};
struct LogIn {
  std::string name;
  std::string pin;
};
struct LoadJobs {};
struct LoadJob {
  std::string request_id;
};
struct TakeStep {
  std::string request_id;
  std::string to;
  std::string note;            // in the language the technician reads
  std::string scheduled_date;  // to "scheduled": the visit agreed
  std::string scheduled_window;
};
struct CompleteJob {
  std::string request_id;
  std::string resolution;  // a resolution key
  std::string note;        // the resolution in words (and "not confirmed" when so)
  bool confirmed = false;
  std::vector<kit::InkStroke> signature;  // the customer's, when confirmed: a PNG of it goes up
  int score = 0;                          // 0: no rating
  std::vector<std::string> reasons;
};
struct MarkTold {
  std::string step_id;
};
struct SyncNow {};

using Effect = std::variant<ReadTablet, LogIn, LoadJobs, LoadJob, TakeStep, CompleteJob, MarkTold, SyncNow>;

}  // namespace kiosk::technician
