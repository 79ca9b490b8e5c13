// check_screen_name: the unknown-screen message every role gives.
#include "app/screen_names.h"

#include <algorithm>

#include "core/store_time_zone.h"

namespace kiosk::app {

Result<Done> check_screen_name(const std::vector<std::string>& names, const std::string& name) {
  if (std::find(names.begin(), names.end(), name) != names.end()) return Done{};
  std::string list;
  for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
  return invalid_argument("unknown screen \"" + name + "\" (expected one of: " + list + ")");
}

SampleDays sample_days(EpochMs now) {
  constexpr EpochMs kDay = 86'400'000;
  const Result<StoreTimeZone> shanghai = StoreTimeZone::load("Asia/Shanghai");
  const auto day = [&](int days) {
    return shanghai ? shanghai.value().business_day(now + days * kDay) : std::string("2026-11-23");
  };
  return {day(0), day(1), day(2), day(60)};
}

}  // namespace kiosk::app
