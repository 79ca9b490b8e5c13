// Everything the technician's tablet shows at one moment, owned by the UI
// thread. Screens read it; only technician_reducer changes it. Plain data:
// the tablet's own database (shared/field) is read by the worker, never here.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/language.h"
#include "core/clock.h"
#include "kit/signature_ink.h"
#include "kit/staff_login_form.h"

namespace kiosk::technician {

using app::Language;

enum class Screen { Login, Jobs, Job, Complete, Sign };  // Sign: the customer's signature, from Complete

// A sentence for the technician: a translation key and the value for its "{}".
struct Message {
  std::string key;
  std::string value;
  bool empty() const { return key.empty(); }
};

// One row of "My jobs".
struct JobLine {
  std::string request_id;  // the job's id on the tablet (HQ's request UUID)
  std::string code;        // "RWU3-H8N"
  std::string kind;        // "repair", "installation"
  std::string state;       // "assigned", "on-the-way"...: the tablet's, its own steps included
  std::string product_zh, product_en;
  std::string problem_zh, problem_en;
  std::string model;
  std::string urgency;
  std::string date;         // the scheduled date, else the preferred one ("" if none)
  std::string time_window;  // "morning", "afternoon", "evening" or ""
  bool waiting = false;     // steps of it HQ has not got yet ("waiting to send")
};

// One job opened: the line plus the customer (until the purge removes them).
struct JobDetail {
  JobLine line;
  std::string description;
  std::string contact_name;
  std::string phone;
  std::string address;
  bool purged = false;            // the job is over and its customer's details were removed
  std::vector<std::string> next;  // the steps the technician may take now ("done" among them)
  std::string today;              // the store's day, and the last a visit may be on
  std::string last_visit_day;
};

// A step HQ did not keep, told until the technician taps OK.
struct Notice {
  std::string step_id;
  std::string code;    // the job's
  std::string step;    // the state the step asked for: "on-site"...
  std::string reason;  // "cancelled", "reassigned", "conflict" or "rejected"
};

// What the tablet knows of itself and its link with HQ.
struct TabletStatus {
  bool read = false;            // the database was read at least once
  bool configured = false;      // HQ's URL and the token are set (kioskctl tablet set)
  bool revoked = false;         // HQ revoked the tablet: wiped, logins refused
  bool has_technician = false;  // HQ's feed brought the technician (the login)
  std::optional<EpochMs> last_sync_at;
  std::int64_t waiting = 0;  // steps and signatures HQ has not got
};

// Scheduling the visit: the day and time of day agreed with the customer
// (at first the customer's preferred ones, or today when that day is past).
struct ScheduleForm {
  std::string date;    // YYYY-MM-DD
  std::string window;  // "morning", "afternoon", "evening"
};

// The completion screen: what was done, the customer's word, signature and rating.
struct CompletionForm {
  std::string resolution;          // a resolution key ("replaced-part"...), "" none yet
  bool confirmed = false;          // the customer confirms the job is done (and signs)
  bool unconfirmed_asked = false;  // "complete without the customer's confirmation?" was asked
  kit::SignatureInk signature;     // the customer's, drawn on the pad
  int score = 0;                   // 0: the customer did not rate
  std::set<std::string> reasons;
};

struct TechnicianState {
  Screen screen = Screen::Login;
  Language language = Language::Zh;
  kit::StaffLoginForm login;  // the staff login (kit/staff_login_form.h)
  std::string staff_name;     // empty: nobody logged in
  TabletStatus tablet;
  std::string sync_error;  // the last round's failure as a translation key, "" when it went through
  bool syncing = false;    // "Sync now" tapped, its round not reported yet
  std::vector<JobLine> jobs;
  std::size_t jobs_first = 0;            // the first row on screen when they do not all fit
  std::vector<Notice> notices;           // oldest first; the first is shown
  std::optional<JobDetail> job;          // the job open on the Job and Complete screens
  std::string step_note;                 // a quick note key for the next step ("" none)
  std::optional<ScheduleForm> schedule;  // "scheduled" tapped: the visit being agreed
  CompletionForm completion;
  bool busy = false;  // a step is being stored: further presses do nothing
  Message error;      // the last refusal, in plain words
  Message done;       // what the last step did
};

// The quick notes a step may carry, and the resolutions of a completion
// (translation keys "tech.note.<key>", "tech.resolution.<key>").
const std::vector<std::string>& step_note_keys();
const std::vector<std::string>& resolution_keys();

}  // namespace kiosk::technician
