// The follow-up calls' settings (docs/follow-up.md), kept in console_setting
// as whole numbers: the working days (followup_working_days, a bit per
// weekday, bit 0 Sunday; default Monday to Saturday), how many working days
// after the day a request was done its call is due (followup_due_days,
// default 1) and the complaint services (complaint_services, a bit per
// service letter, bit 0 "A"; default "B", 投诉与建议). The admin changes them
// on the settings page (validated, audited).
#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

struct FollowupSettings {
  std::array<bool, 7> working_days{false, true, true, true, true, true, true};  // [0] Sunday
  std::int64_t due_days = 1;
  std::set<std::string> complaint_services{"B"};
};

constexpr std::int64_t kMaxFollowupDueDays = 10;

FollowupSettings followup_settings(HqDb& db);
nlohmann::ordered_json to_json(const FollowupSettings& settings);

// Reads {"followup_working_days": [1, ...], "followup_due_days": 1,
// "complaint_services": ["B"]}: at least one working day of 0-6 (0 Sunday),
// each once; 1 to kMaxFollowupDueDays days; service codes of one capital
// letter, each once (none: no complaints kept). InvalidArgument "bad-setting"
// naming the field otherwise.
Result<FollowupSettings> followup_settings_from(const nlohmann::json& body);

// Stores them (an admin's change, audited) and answers them as stored.
Result<nlohmann::ordered_json> set_followup_settings(HqDb& db, const FollowupSettings& settings,
                                                     const std::string& actor, EpochMs now);

}  // namespace kiosk::hq
