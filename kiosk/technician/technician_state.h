// Everything the technician's device knows at one moment, owned by the UI
// thread. Screens read it; only technician_reducer changes it. Plain data.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/language.h"
#include "app/link_status.h"
#include "core/clock.h"
#include "kit/staff_login_form.h"

namespace kiosk::technician {

using app::Language;

enum class Screen { Login, Jobs, Job, Complete };

// A sentence for the technician: a translation key and the values for its "{}".
struct Message {
  std::string key;
  std::string value;
  bool empty() const { return key.empty(); }
};

// One row of "My jobs" (GET /jobs).
struct JobLine {
  std::string code;
  std::string kind;   // "repair", "installation"
  std::string state;  // "assigned", "on-the-way"...
  int version = 0;
  std::string product_zh, product_en;
  std::string problem_zh, problem_en;
  std::string model;
  std::string urgency;
  std::string date;         // the scheduled date, else the preferred one ("" if none)
  std::string time_window;  // "morning", "afternoon", "evening" or ""
};

// GET /jobs/CODE: the line plus what only the assigned technician sees.
struct JobDetail {
  JobLine line;
  bool mine = false;
  std::string description;
  std::string contact_name;       // "" unless mine
  std::string phone;              // full if mine, else masked by the node
  std::string address;            // "" unless mine
  std::vector<std::string> next;  // the states I may move it to now
  std::string today;              // the store's day, and the last a visit may be on
  std::string last_visit_day;
};

// Scheduling the visit: the day and time of day agreed with the customer
// (at first the customer's preferred ones, or today when that day is past).
struct ScheduleForm {
  std::string date;    // YYYY-MM-DD
  std::string window;  // "morning", "afternoon", "evening"
};

// The completion screen: what was done, the customer's word and rating.
struct CompletionForm {
  std::string resolution;          // a resolution key ("replaced-part"...), "" none yet
  bool confirmed = false;          // the customer confirms the job is done
  bool unconfirmed_asked = false;  // "complete without the customer's confirmation?" was asked
  int score = 0;                   // 0: the customer did not rate
  std::set<std::string> reasons;
};

using app::LinkStatus;

struct TechnicianState {
  Screen screen = Screen::Login;
  Language language = Language::Zh;
  kit::StaffLoginForm login;  // the staff login (kit/staff_login_form.h)
  std::string staff_name;     // empty: nobody logged in
  std::vector<JobLine> jobs;
  std::optional<JobDetail> job;          // the job open on the Job and Complete screens
  std::string step_note;                 // a quick note key for the next status change ("" none)
  std::optional<ScheduleForm> schedule;  // "scheduled" tapped: the visit being agreed
  CompletionForm completion;
  bool busy = false;  // a change is on its way: further presses do nothing
  Message error;      // the last refusal, in plain words
  Message done;       // what the last change did
  LinkStatus link;
  EpochMs jobs_loaded_at = 0;
  bool jobs_loading = false;
};

struct TechnicianTimings {
  EpochMs jobs_refresh = 15'000;
  EpochMs first_retry = 1'000;  // then doubled after each failure...
  EpochMs max_retry = 10'000;   // ...up to this
};

// The quick notes a status change may carry, and the resolutions of a
// completion (translation keys "tech.note.<key>", "tech.resolution.<key>").
const std::vector<std::string>& step_note_keys();
const std::vector<std::string>& resolution_keys();

}  // namespace kiosk::technician
