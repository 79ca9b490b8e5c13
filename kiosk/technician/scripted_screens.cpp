// Scripts for each named screen of the technician's device: the worker results
// (and taps) that lead there, applied without running their effects.
#include "technician/scripted_screens.h"

#include "app/screen_names.h"

namespace kiosk::technician {
namespace {

JobLine sample_line(const app::SampleDays& days, std::string code, std::string state, std::string product_zh,
                    std::string product_en, std::string problem_zh, std::string problem_en, std::string urgency,
                    std::string window) {
  JobLine line;
  line.code = std::move(code);
  line.kind = "repair";
  line.state = std::move(state);
  line.version = 3;
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
  jobs[2].kind = "installation";
  return jobs;
}

JobDetail sample_detail(const app::SampleDays& days, const JobLine& line, bool mine, const Language language) {
  const bool zh = language == Language::Zh;
  JobDetail job;
  job.line = line;
  job.mine = mine;
  job.description =
      zh ? "客厅空调开机后吹热风，已清洗滤网" : "The living room unit blows warm air; the filter was cleaned";
  job.phone = mine ? "13812345678" : "138****5678";
  if (mine) {
    job.contact_name = zh ? "王小明" : "Wang Xiaoming";
    job.address = zh ? "世纪大道100号 8楼" : "100 Century Avenue, 8th floor";
    job.next = line.state == "assigned" ? std::vector<std::string>{"scheduled", "on-the-way"}
                                        : std::vector<std::string>{"waiting-for-parts", "done"};
  }
  job.today = days.today;
  job.last_visit_day = days.last_visit_day;
  return job;
}

}  // namespace

const std::vector<std::string>& scripted_screen_names() {
  static const std::vector<std::string> names{
      "login",        "login-wrong-pin", "jobs",     "jobs-empty",           "job",
      "job-not-mine", "schedule",        "complete", "complete-unconfirmed", "offline"};
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
  if (name == "login") return now;
  if (name == "login-wrong-pin") {
    type("Zhang");
    run({kit::FocusLoginField{kit::LoginField::Pin}});
    type("1111");
    run({kit::SubmitLogin{}, RequestFailed{"login", Failure::WrongPin, 0}});
    return now;
  }
  run({LoggedIn{"Zhang Wei"}});
  if (name == "jobs-empty") {
    run({JobsLoaded{{}}});
    return now;
  }
  const app::SampleDays days = app::sample_days(now);
  const std::vector<JobLine> jobs = sample_jobs(days);
  run({JobsLoaded{jobs}});
  if (name == "jobs") return now;
  if (name == "schedule") {  // the assigned job: agreeing the visit, another day than the customer's
    run({OpenJob{jobs[2].code}, JobLoaded{sample_detail(days, jobs[2], true, app.state().language)},
         ChangeState{"scheduled"}, SetScheduleDate{days.in_two_days}, ChooseScheduleWindow{"evening"}});
    return now;
  }
  const bool mine = name != "job-not-mine";
  run({OpenJob{jobs[0].code}, JobLoaded{sample_detail(days, jobs[0], mine, app.state().language)}});
  if (name == "job" || name == "job-not-mine") {
    if (mine) run({PickStepNote{"parts-ordered"}});
    return now;
  }
  if (name == "complete") {
    run({OpenCompletion{}, PickResolution{"replaced-part"}, ToggleConfirmed{}, PickScore{5}, ToggleReason{"solved"}});
    return now;
  }
  if (name == "complete-unconfirmed") {
    run({OpenCompletion{}, PickResolution{"replaced-part"}, SubmitCompletion{}});
    return now;
  }
  run({ChangeState{"waiting-for-parts"}, RequestFailed{"change", Failure::Unreachable, 0}});  // offline
  return now;
}

}  // namespace kiosk::technician
