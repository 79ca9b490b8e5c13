// Scripts for each named screen of the technician's tablet: the worker's and
// the sync thread's results (and taps) that lead there, applied without
// running their effects.
#include "technician/scripted_screens.h"

#include <cmath>

#include "app/screen_names.h"

namespace kiosk::technician {
namespace {

JobLine sample_line(const app::SampleDays& days, std::string code, std::string state, std::string product_zh,
                    std::string product_en, std::string problem_zh, std::string problem_en, std::string urgency,
                    std::string window) {
  JobLine line;
  line.request_id = "00000000-0000-4000-8000-0000" + code.substr(0, 4) + code.substr(5, 4);
  line.code = std::move(code);
  line.kind = "repair";
  line.state = std::move(state);
  line.product_zh = std::move(product_zh);
  line.product_en = std::move(product_en);
  line.problem_zh = std::move(problem_zh);
  line.problem_en = std::move(problem_en);
  line.model = "KFR-35GW";
  line.urgency = std::move(urgency);
  line.date = days.tomorrow;
  line.time_window = std::move(window);
  return line;
}

std::vector<JobLine> sample_jobs(const app::SampleDays& days) {
  std::vector<JobLine> jobs{
      sample_line(days, "R7K2-9QX", "on-site", "空调", "Air conditioner", "不制冷", "Not cooling", "urgent",
                  "afternoon"),
      sample_line(days, "M3PD-4TW", "scheduled", "洗衣机", "Washing machine", "不排水", "Does not drain", "normal",
                  "morning"),
      sample_line(days, "H8NC-2VB", "assigned", "热水器", "Water heater", "不出热水", "No hot water", "normal", "")};
  jobs[0].waiting = true;
  jobs[1].waiting = true;
  jobs[2].kind = "installation";
  return jobs;
}

JobDetail sample_detail(const app::SampleDays& days, const JobLine& line, Language language, bool purged = false) {
  const bool zh = language == Language::Zh;
  JobDetail job;
  job.line = line;
  job.purged = purged;
  if (!purged) {
    job.description =
        zh ? "客厅空调开机后吹热风，已清洗滤网" : "The living room unit blows warm air; the filter was cleaned";
    job.phone = "13812345678";
    job.contact_name = zh ? "王小明" : "Wang Xiaoming";
    job.address = zh ? "世纪大道100号 8楼" : "100 Century Avenue, 8th floor";
  }
  if (line.state == "assigned") job.next = {"scheduled", "on-the-way", "on-site"};
  if (line.state == "on-site") job.next = {"waiting-for-parts", "done"};
  job.today = days.today;
  job.last_visit_day = days.last_visit_day;
  return job;
}

// The tablet set up, its technician known, synced 38 minutes ago with two steps waiting.
TabletStatus sample_tablet(EpochMs now, std::int64_t waiting = 2) {
  return TabletStatus{true, true, false, true, now - 38 * 60'000, waiting};
}

// A customer's name written with a finger: strokes of points in em on the pad.
std::vector<std::vector<kit::InkPoint>> sample_signature() {
  std::vector<std::vector<kit::InkPoint>> strokes;
  // A "W" from the baseline's start.
  const kit::InkPoint corners[] = {{3.0f, 3.4f}, {3.8f, 6.0f}, {4.6f, 4.1f}, {5.4f, 6.0f}, {6.3f, 3.4f}};
  std::vector<kit::InkPoint> w;
  for (std::size_t i = 0; i + 1 < std::size(corners); ++i)
    for (int step = 0; step < 12; ++step) {
      const float t = static_cast<float>(step) / 12;
      w.push_back(
          {corners[i].x + t * (corners[i + 1].x - corners[i].x), corners[i].y + t * (corners[i + 1].y - corners[i].y)});
    }
  w.push_back(corners[std::size(corners) - 1]);
  strokes.push_back(w);
  // Joined-up "ang": loops along the line, a little smaller as it goes.
  std::vector<kit::InkPoint> rest;
  for (int step = 0; step <= 90; ++step) {
    const float t = static_cast<float>(step) / 90;
    rest.push_back({6.8f + 7.0f * t + 0.45f * std::sin(t * 18.8f), 5.3f - (0.75f - 0.2f * t) * std::cos(t * 18.8f)});
  }
  strokes.push_back(rest);
  // The underline's flourish.
  std::vector<kit::InkPoint> line;
  for (int step = 0; step <= 30; ++step) line.push_back({3.2f + 0.38f * step, 6.7f - 0.0012f * step * step});
  strokes.push_back(line);
  // Life-size on the signature page, near its baseline.
  for (std::vector<kit::InkPoint>& stroke : strokes)
    for (kit::InkPoint& p : stroke) p = {3.0f + (p.x - 3.0f) * 1.6f, 8.4f + (p.y - 3.4f) * 1.5f};
  return strokes;
}

}  // namespace

const std::vector<std::string>& scripted_screen_names() {
  static const std::vector<std::string> names{"login",      "login-wrong-pin",
                                              "not-set-up", "waiting-for-hq",
                                              "revoked",    "jobs",
                                              "jobs-empty", "notice",
                                              "job",        "job-purged",
                                              "schedule",   "complete",
                                              "sign",       "complete-unconfirmed"};
  return names;
}

Result<EpochMs> script_screen(TechnicianApp& app, const std::string& name, EpochMs now) {
  if (Result<Done> known = app::check_screen_name(scripted_screen_names(), name); !known) return known.error();
  auto run = [&](std::initializer_list<Action> actions) {
    for (const Action& a : actions) app.show_sample(a, now += 1000);
  };
  auto type = [&](const std::string& keys) {
    for (char c : keys) run({kit::LoginKey{c}});
  };
  const app::SampleDays days = app::sample_days(now);
  const TabletStatus tablet = sample_tablet(now);
  if (name == "not-set-up" || name == "waiting-for-hq" || name == "revoked") {
    const bool configured = name == "waiting-for-hq";
    const TabletStatus unset{true, configured, name == "revoked", false, std::nullopt, 0};
    run({SyncReported{unset, configured ? "tech.sync.error.unreachable" : "", false, name == "revoked"}});
    return now;
  }
  run({TabletRead{tablet}});
  if (name == "login") return now;
  if (name == "login-wrong-pin") {
    type("Zhang");
    run({kit::FocusLoginField{kit::LoginField::Pin}});
    type("1111");
    run({kit::SubmitLogin{}, TaskFailed{Task::Login, Failure::WrongPin, 0}});
    return now;
  }
  run({LoggedIn{"Zhang Wei"}});
  if (name == "jobs-empty") {
    run({JobsLoaded{{}, {}, 0}, SyncReported{sample_tablet(now, 0), "", false, false}});
    return now;
  }
  const std::vector<JobLine> jobs = sample_jobs(days);
  run({JobsLoaded{jobs, {}, 2}});
  if (name == "jobs") {
    run({SyncReported{tablet, "tech.sync.error.unreachable", false, false}});
    return now;
  }
  if (name == "notice") {
    std::vector<JobLine> told = jobs;  // HQ's answers are in: nothing waits, one job was cancelled
    for (JobLine& job : told) job.waiting = false;
    told[1].state = "cancelled";
    const std::vector<Notice> notices{{"step-1", told[1].code, "on-site", "cancelled"},
                                      {"step-2", told[2].code, "on-the-way", "conflict"}};
    run({SyncReported{sample_tablet(now, 0), "", true, false}, JobsLoaded{told, notices, 0}});
    return now;
  }
  if (name == "schedule") {  // the assigned job: agreeing the visit, another day than the customer's
    run({OpenJob{jobs[2].request_id}, JobLoaded{sample_detail(days, jobs[2], app.state().language)},
         ChangeState{"scheduled"}, SetScheduleDate{days.in_two_days}, ChooseScheduleWindow{"evening"}});
    return now;
  }
  if (name == "job-purged") {  // a finished job after the purge
    JobLine done = jobs[1];
    done.state = "done";
    done.waiting = false;
    run({JobsLoaded{{done}, {}, 0}, OpenJob{done.request_id},
         JobLoaded{sample_detail(days, done, app.state().language, true)}});
    return now;
  }
  run({OpenJob{jobs[0].request_id}, JobLoaded{sample_detail(days, jobs[0], app.state().language)}});
  if (name == "job") {
    run({PickStepNote{"parts-ordered"}});
    return now;
  }
  run({OpenCompletion{}, PickResolution{"replaced-part"}});
  if (name == "complete-unconfirmed") {
    run({SubmitCompletion{}});
    return now;
  }
  // The customer rates, confirms and signs; "complete" is the page they sign back on.
  run({PickScore{5}, ToggleReason{"solved"}, ToggleReason{"professional"}, ToggleConfirmed{}});
  for (const std::vector<kit::InkPoint>& stroke : sample_signature()) {
    run({kit::PenDown{stroke.front()}});
    for (std::size_t i = 1; i < stroke.size(); ++i) run({kit::PenMove{stroke[i]}});
    run({kit::PenUp{stroke.back()}});
  }
  if (name == "complete") run({CloseSignature{}});
  return now;
}

}  // namespace kiosk::technician
