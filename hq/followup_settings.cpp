// The follow-up calls' settings (followup_settings.h).
#include "hq/followup_settings.h"

#include "hq/console_audit.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

constexpr const char* kWorkingDays = "followup_working_days";
constexpr const char* kDueDays = "followup_due_days";
constexpr const char* kComplaintServices = "complaint_services";

std::int64_t working_day_bits(const FollowupSettings& s) {
  std::int64_t bits = 0;
  for (int day = 0; day < 7; ++day)
    if (s.working_days[static_cast<std::size_t>(day)]) bits |= std::int64_t(1) << day;
  return bits;
}

std::int64_t service_bits(const FollowupSettings& s) {
  std::int64_t bits = 0;
  for (const std::string& code : s.complaint_services) bits |= std::int64_t(1) << (code[0] - 'A');
  return bits;
}

bool is_service_code(const std::string& code) { return code.size() == 1 && code[0] >= 'A' && code[0] <= 'Z'; }

Error bad_setting(const std::string& message) { return invalid_argument(message, "bad-setting"); }

}  // namespace

FollowupSettings followup_settings(HqDb& db) {
  FollowupSettings s;
  db.each("SELECT name, value FROM console_setting WHERE name IN (?1, ?2, ?3)",
          {kWorkingDays, kDueDays, kComplaintServices}, [&](const SqlRow& row) {
            const std::string name = row.text(0);
            const std::int64_t value = row.int64(1);
            if (name == kDueDays) s.due_days = value;
            if (name == kWorkingDays)
              for (int day = 0; day < 7; ++day) s.working_days[static_cast<std::size_t>(day)] = (value >> day) & 1;
            if (name == kComplaintServices) {
              s.complaint_services.clear();
              for (int letter = 0; letter < 26; ++letter)
                if ((value >> letter) & 1) s.complaint_services.insert(std::string(1, char('A' + letter)));
            }
          });
  return s;
}

json to_json(const FollowupSettings& s) {
  json days = json::array();
  for (int day = 0; day < 7; ++day)
    if (s.working_days[static_cast<std::size_t>(day)]) days.push_back(day);
  return json{
      {kWorkingDays, days},
      {kDueDays, s.due_days},
      {kComplaintServices, json(std::vector<std::string>(s.complaint_services.begin(), s.complaint_services.end()))}};
}

Result<FollowupSettings> followup_settings_from(const nlohmann::json& body) {
  if (!body.is_object()) return bad_setting("the settings must be a JSON object");
  FollowupSettings s;
  const auto days = body.find(kWorkingDays);
  if (days == body.end() || !days->is_array() || days->empty())
    return bad_setting("followup_working_days must list the working days, 0 (Sunday) to 6 (Saturday)");
  s.working_days.fill(false);
  for (const nlohmann::json& day : *days) {
    if (!day.is_number_integer() || day.get<std::int64_t>() < 0 || day.get<std::int64_t>() > 6)
      return bad_setting("followup_working_days holds " + day.dump() + ", not a weekday 0 (Sunday) to 6 (Saturday)");
    bool& working = s.working_days[day.get<std::size_t>()];
    if (working) return bad_setting("followup_working_days names weekday " + day.dump() + " twice");
    working = true;
  }
  const auto due = body.find(kDueDays);
  if (due == body.end() || !due->is_number_integer() || due->get<std::int64_t>() < 1 ||
      due->get<std::int64_t>() > kMaxFollowupDueDays)
    return bad_setting("followup_due_days must be a whole number of working days, 1 to " +
                       std::to_string(kMaxFollowupDueDays));
  s.due_days = due->get<std::int64_t>();
  const auto services = body.find(kComplaintServices);
  if (services == body.end() || !services->is_array())
    return bad_setting("complaint_services must list service codes such as \"B\" (an empty list: none)");
  s.complaint_services.clear();
  for (const nlohmann::json& code : *services) {
    if (!code.is_string() || !is_service_code(code.get<std::string>()))
      return bad_setting("complaint_services holds " + code.dump() + ", not a service code (one capital letter)");
    if (!s.complaint_services.insert(code.get<std::string>()).second)
      return bad_setting("complaint_services names " + code.get<std::string>() + " twice");
  }
  return s;
}

Result<json> set_followup_settings(HqDb& db, const FollowupSettings& s, const std::string& actor, EpochMs now) {
  return hq_guarded([&] {
    return db.write([&]() -> Result<json> {
      const std::pair<const char*, std::int64_t> values[] = {
          {kWorkingDays, working_day_bits(s)}, {kDueDays, s.due_days}, {kComplaintServices, service_bits(s)}};
      for (const auto& [name, value] : values)
        db.run(
            "INSERT INTO console_setting(name, value, updated_at) VALUES (?1, ?2, ?3) ON CONFLICT(name) DO UPDATE "
            "SET value = excluded.value, updated_at = excluded.updated_at",
            {std::string(name), value, now});
      record_audit(db, now, actor, "settings-change", "followups", to_json(s));
      return to_json(s);
    });
  });
}

}  // namespace kiosk::hq
