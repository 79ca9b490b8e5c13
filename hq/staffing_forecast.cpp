// The staffing forecast from a store's ledgers (staffing_forecast.h).
#include "hq/staffing_forecast.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <utility>

#include "core/store_time_zone.h"
#include "hq/figure_ledger.h"
#include "hq/figure_store.h"
#include "queue/staffing.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

constexpr EpochMs kHourMs = 3'600'000;
constexpr int kHoursOfWeek = 7 * 24;

// One hour of the week of one service, summed over the weeks.
struct HourSums {
  std::int64_t arrivals = 0;      // tickets issued into the service's queue (transfers' continuations too)
  std::int64_t counter_days = 0;  // per day, the distinct counters that called one of its tickets in the hour
  StatsSums stats;                // queue/day_stats.h: the done tickets' service times
};

struct ServiceSums {
  std::array<HourSums, kHoursOfWeek> hours{};
  StatsSums stats;
};

// The hour of the business day `t` falls in, counted from the day's start
// (the store's local hour; clamped to the day like the arrivals figure).
int hour_of(EpochMs t, EpochMs day_start) { return int(std::clamp<EpochMs>((t - day_start) / kHourMs, 0, 23)); }

std::optional<double> average_service_s(const StatsSums& stats) {
  return figures_of(stats, 0, std::nullopt).average_service_s;
}

json or_null(const std::optional<double>& value) { return value ? json(*value) : json(nullptr); }

json hour_json(int slot, const HourSums& sums, const std::optional<double>& service_average, std::int64_t weeks,
               int target_s) {
  const double arrivals_per_hour = double(sums.arrivals) / double(weeks);
  const bool own = sums.stats.service_n >= kForecastHourSamplesMin;
  const std::optional<double> service_s = own ? average_service_s(sums.stats) : service_average;
  const double open = double(sums.counter_days) / double(weeks);
  std::optional<int> needed;
  if (service_s) needed = counters_needed(arrivals_per_hour / 3600.0, *service_s, target_s);
  return json{{"weekday", slot / 24},
              {"hour", slot % 24},
              {"arrivals_per_hour", arrivals_per_hour},
              {"average_service_s", or_null(service_s)},
              {"service_s_of", own ? "hour" : "service"},
              {"counters_needed", needed ? json(*needed) : json(nullptr)},
              {"counters_open", open},
              {"short", needed && open < *needed}};
}

}  // namespace

std::variant<json, ApiError> staffing_forecast(HqDb& db, const std::string& store, std::int64_t weeks, EpochMs now) {
  if (weeks < 1 || weeks > kForecastWeeksMax)
    return ApiError{400,
                    "bad-query",
                    "weeks must be 1 to " + std::to_string(kForecastWeeksMax) + " (got " + std::to_string(weeks) + ")",
                    {}};
  std::string zone_name;
  if (!db.first("SELECT time_zone FROM hq_store WHERE id = ?1", {store},
                [&](const SqlRow& row) { zone_name = row.text(0); }))
    return ApiError{404, "unknown-store", "no store " + store + " at HQ", {}};
  const Result<StoreTimeZone> loaded = StoreTimeZone::load(zone_name);
  const StoreTimeZone zone = loaded ? loaded.value() : StoreTimeZone::load("Asia/Shanghai").value();
  const std::string today = zone.business_day(now);
  const std::string from = days_after(today, -7 * int(weeks)), to = days_after(today, -1);
  const std::map<std::string, int> targets = service_wait_targets(db);

  std::map<std::string, ServiceSums> services;
  // (service, day) -> by hour of the day, the counters that called one of its tickets
  std::map<std::pair<std::string, std::string>, std::array<std::set<int>, 24>> callers;
  db.each("SELECT service, day, ledger FROM figure_ledger WHERE store_id = ?1 AND day BETWEEN ?2 AND ?3",
          {store, from, to}, [&](const SqlRow& row) {
            const std::string service = row.text(0), day = row.text(1);
            const std::optional<Ledger> ledger = decode_ledger(row.text(2), service);
            if (!ledger)
              throw StorageFailure(StorageFailure::Kind::Failed,
                                   "the figures of a day are damaged; run `hq figures rebuild`");
            const EpochMs day_start = zone.day_start(day);
            const int target_s = wait_target_of(targets, service);
            ServiceSums& sums = services[service];
            std::array<std::set<int>, 24>& day_callers = callers[{service, day}];
            const int first_slot = weekday_of(day) * 24;
            for (const auto& [id, e] : *ledger) {
              HourSums& hour = sums.hours[std::size_t(first_slot + hour_of(e.times.issued_at, day_start))];
              ++hour.arrivals;
              add_ticket(hour.stats, e.times, target_s);
              add_ticket(sums.stats, e.times, target_s);
              if (e.counter && e.times.called_at)
                day_callers[std::size_t(hour_of(*e.times.called_at, day_start))].insert(*e.counter);
            }
          });
  for (const auto& [key, hours] : callers) {
    const auto& [service, day] = key;
    for (std::size_t hour = 0; hour < hours.size(); ++hour)
      services[service].hours[std::size_t(weekday_of(day) * 24) + hour].counter_days +=
          std::int64_t(hours[hour].size());
  }

  const std::map<std::string, ServiceNames> names = service_names(db);
  json service_rows = json::array();
  for (const auto& [code, sums] : services) {
    const int target_s = wait_target_of(targets, code);
    const std::optional<double> service_average = average_service_s(sums.stats);
    json hours = json::array();
    for (int slot = 0; slot < kHoursOfWeek; ++slot) {
      const HourSums& hour = sums.hours[std::size_t(slot)];
      if (hour.arrivals > 0 || hour.counter_days > 0)
        hours.push_back(hour_json(slot, hour, service_average, weeks, target_s));
    }
    const auto name = names.find(code);
    service_rows.push_back({{"service", code},
                            {"zh", name != names.end() ? name->second.zh : code},
                            {"en", name != names.end() ? name->second.en : code},
                            {"wait_target_min", target_s / 60},
                            {"average_service_s", or_null(service_average)},
                            {"service_samples", sums.stats.service_n},
                            {"hours", hours}});
  }
  return json{{"query", {{"store", store}, {"weeks", weeks}, {"from", from}, {"to", to}}},
              {"time_zone", zone.name()},
              {"goal_share", kStaffingGoalShare},
              {"hour_samples_min", kForecastHourSamplesMin},
              {"services", service_rows},
              {"hq_time", now}};
}

}  // namespace kiosk::hq
