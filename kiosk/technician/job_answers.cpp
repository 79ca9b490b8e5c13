// Job answers of the store node as plain state (see job_answers.h).
#include "technician/job_answers.h"

namespace kiosk::technician {
namespace {

using json = nlohmann::json;

std::string text(const json& object, const char* field) {
  if (!object.is_object() || !object.contains(field) || !object[field].is_string()) return {};
  return object[field].get<std::string>();
}

const json& member(const json& object, const char* field) {
  static const json kNull;
  return object.is_object() && object.contains(field) ? object[field] : kNull;
}

}  // namespace

JobLine job_line_from_json(const json& j) {
  JobLine line;
  line.code = text(j, "code");
  line.kind = text(j, "kind");
  line.state = text(j, "state");
  const json& version = member(j, "version");
  line.version = version.is_number_integer() ? version.get<int>() : 0;
  line.product_zh = text(member(j, "product"), "zh");
  line.product_en = text(member(j, "product"), "en");
  line.problem_zh = text(member(j, "problem"), "zh");
  line.problem_en = text(member(j, "problem"), "en");
  line.model = text(j, "model");
  line.urgency = text(j, "urgency");
  const std::string scheduled = text(j, "scheduled_date");
  line.date = scheduled.empty() ? text(j, "preferred_date") : scheduled;
  line.time_window = scheduled.empty() ? text(j, "time_window") : text(j, "scheduled_window");
  return line;
}

JobDetail job_detail_from_json(const json& answer) {
  const json& j = member(answer, "job");
  JobDetail d;
  d.today = text(answer, "today");
  d.last_visit_day = text(answer, "last_visit_day");
  d.line = job_line_from_json(j);
  d.mine = member(j, "mine").is_boolean() && member(j, "mine").get<bool>();
  d.description = text(j, "description");
  d.contact_name = text(j, "contact_name");
  d.phone = text(j, "phone");
  d.address = text(j, "address");
  for (const json& state : member(j, "next"))
    if (state.is_string()) d.next.push_back(state.get<std::string>());
  return d;
}

std::vector<JobLine> jobs_from_json(const json& answer) {
  std::vector<JobLine> jobs;
  for (const json& job : member(answer, "jobs"))
    if (job.is_object()) jobs.push_back(job_line_from_json(job));
  return jobs;
}

RequestFailed failure_from_error(const std::string& what, const Error& e) {
  RequestFailed failed{what, Failure::Other, 0};
  if (e.kind == ErrorKind::Unavailable)
    failed.failure = Failure::Unreachable;
  else if (e.code == "missing-token" || e.code == "invalid-token" || e.code == "expired-token")
    failed.failure = Failure::SessionEnded;
  else if (e.code == "wrong-pin")
    failed.failure = Failure::WrongPin;
  else if (e.code == "locked-out")
    failed.failure = Failure::LockedOut;
  else if (e.code == "not-a-technician")
    failed.failure = Failure::NotTechnician;
  else if (e.code == "version-conflict")
    failed.failure = Failure::Conflict;
  else if (e.kind == ErrorKind::Refused)
    failed.failure = Failure::Refused;
  return failed;
}

}  // namespace kiosk::technician
