// The console's live view (console_live.h).
#include "hq/console_live.h"

#include "core/store_time_zone.h"
#include "hq/figure_ledger.h"
#include "hq/figure_store.h"
#include "hq/store_health_list.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

constexpr EpochMs kCounterOpenWindowMs = 30 * 60'000;  // a call this recent keeps a counter open

void add_ledger(StoreNow& store, const std::string& service, const Ledger& ledger, EpochMs now) {
  ServiceNow& s = store.services[service];
  for (const auto& [id, e] : ledger) {
    const TicketTimes& t = e.times;
    if (t.state == TicketState::Waiting) {
      ++s.waiting;
      if (!s.oldest || t.issued_at < *s.oldest) s.oldest = t.issued_at;
    }
    const bool at_counter = t.state == TicketState::Called || t.state == TicketState::Serving;
    if (e.counter && (at_counter || (t.called_at && now - *t.called_at <= kCounterOpenWindowMs)))
      store.counters_open.insert(*e.counter);
  }
}

std::optional<double> wait_s(const std::optional<EpochMs>& oldest, EpochMs now) {
  return oldest ? std::optional(double(std::max<EpochMs>(0, now - *oldest)) / 1000.0) : std::nullopt;
}

template <class T>
json or_null(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

}  // namespace

std::map<std::string, StoreNow> stores_now(HqDb& db, EpochMs now) {
  std::map<std::string, StoreNow> stores;
  std::map<std::string, std::vector<std::string>> stores_by_today;
  db.each("SELECT id, name, time_zone FROM hq_store", {}, [&](const SqlRow& row) {
    Result<StoreTimeZone> zone = StoreTimeZone::load(row.text(2));
    const std::string today = (zone ? zone.value() : StoreTimeZone::load("Asia/Shanghai").value()).business_day(now);
    stores[row.text(0)] = StoreNow{row.text(1), today, {}, {}, std::nullopt, {}};
    stores_by_today[today].push_back(row.text(0));
  });
  for (const auto& [today, ids] : stores_by_today)
    db.each("SELECT store_id, service, ledger FROM figure_ledger WHERE day = ?1", {today},
            [&, &today = today](const SqlRow& row) {  // clang 14: no captured structured bindings
              const auto store = stores.find(row.text(0));
              if (store == stores.end() || store->second.today != today) return;
              if (const std::optional<Ledger> ledger = decode_ledger(row.text(2), row.text(1)))
                add_ledger(store->second, row.text(1), *ledger, now);
            });
  for (const DeviceHealth& health : read_device_health(db)) {
    const auto store = stores.find(health.store_id);
    if (store == stores.end()) continue;
    if (health.received_at && (!store->second.last_contact || *health.received_at > *store->second.last_contact))
      store->second.last_contact = health.received_at;
    for (const std::string& problem : health_problems(health, now, HealthThresholds{}))
      store->second.problems.insert(problem);
  }
  return stores;
}

json live_view(HqDb& db, EpochMs now) {
  const std::map<std::string, StoreNow> stores = stores_now(db, now);
  const std::map<std::string, int> targets = service_wait_targets(db);
  const std::map<std::string, ServiceNames> names = service_names(db);
  json list = json::array();
  for (const auto& [id, store] : stores) {
    json services = json::array();
    std::int64_t waiting = 0;
    std::optional<EpochMs> oldest;
    for (const auto& [code, s] : store.services) {
      if (s.waiting == 0) continue;
      const std::optional<double> longest = wait_s(s.oldest, now);
      const auto name = names.find(code);
      services.push_back({{"service", code},
                          {"zh", name != names.end() ? name->second.zh : code},
                          {"en", name != names.end() ? name->second.en : code},
                          {"waiting", s.waiting},
                          {"longest_wait_s", or_null(longest)},
                          {"wait_target_min", wait_target_of(targets, code) / 60},
                          {"over_target", longest && *longest > wait_target_of(targets, code)}});
      waiting += s.waiting;
      if (s.oldest && (!oldest || *s.oldest < *oldest)) oldest = s.oldest;
    }
    list.push_back({{"store", id},
                    {"name", store.name},
                    {"today", store.today},
                    {"waiting", waiting},
                    {"longest_wait_s", or_null(wait_s(oldest, now))},
                    {"counters_open", store.counters_open.size()},
                    {"last_contact_at", or_null(store.last_contact)},
                    {"problems", store.problems},
                    {"services", services}});
  }
  return json{{"stores", list}, {"hq_time", now}};
}

}  // namespace kiosk::hq
