// HQ's administration: stores, devices and their tokens, the catalogue, staff,
// technician assignments (each change of configuration enters the change feed
// and the audit list in the same transaction), exports of uploaded records and
// parked records. Every operation returns the JSON the hq command (or the
// console's admin API) answers, or an Error.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "hq/hq_db.h"
#include "model/queue_model.h"
#include "staff/pin_hash.h"

namespace kiosk::hq {

using Json = nlohmann::ordered_json;

class HqAdmin {
 public:
  // `actor` names who changes things in the audit list: "cli" or a console user.
  HqAdmin(HqDb& db, const Clock& clock, std::string actor = "cli") : db_(db), clock_(clock), actor_(std::move(actor)) {}

  Result<Json> add_store(const std::string& id, const std::string& name,
                         const std::string& time_zone = "Asia/Shanghai");
  Result<Json> stores();

  // A new device of the store; the answer holds its token, shown only this once.
  Result<Json> add_device(const std::string& store_id, const std::string& label);
  // A technician's tablet (docs/hq-sync-protocol.md, "Technician devices"),
  // of the technician's store; their open jobs enter its feed at once.
  // `store_id`: the store it must belong to, if the caller names one.
  Result<Json> add_technician_device(const std::string& technician_id, const std::string& label,
                                     const std::optional<std::string>& store_id = std::nullopt);
  Result<Json> revoke_device(const std::string& device_id);
  Result<Json> devices(const std::optional<std::string>& store_id);

  // Replaces the catalogue with `services` (parsed from a catalogue file, JSON
  // Lines like kioskctl's): new and changed services, and those no longer
  // listed (inactive), enter the feed.
  Result<Json> import_catalog(const std::vector<Service>& services);
  // Adds or changes one service; one no longer `active` is kept, offered nowhere.
  Result<Json> put_service(Service service, bool active);
  // Every service HQ knows, in catalogue order: {"services": [{code, zh, en, ..., active}]}.
  Result<Json> services();
  // The active services as a catalogue file's lines (import_catalog reads them back).
  Result<std::string> export_catalog();

  // Replaces the product catalogue (store/product_catalog.h's lines, checked):
  // stores take it whole through the feed.
  Result<Json> import_products(const std::string& lines, const std::string& source);
  // {"catalog": its lines ("" before the first import), "products": [...]}.
  Result<Json> products();

  Result<Json> add_staff(const std::string& store_id, const std::string& name, const std::string& pin,
                         const std::string& role, const PinHashCost& cost);
  Result<Json> retire_staff(const std::string& store_id, const std::string& name);
  Result<Json> reset_pin(const std::string& store_id, const std::string& name, const std::string& pin,
                         const PinHashCost& cost);
  // A store's staff (every store's: none given), active first:
  // {"staff": [{id, store, name, role, active}]}.
  Result<Json> staff(const std::optional<std::string>& store_id);

  // Assigns a technician to a request their store uploaded: HQ's own command
  // `assigned` from the version HQ holds (as the dispatch board gives it),
  // which the store applies from the feed. A request that moved meanwhile is
  // refused (try again).
  Result<Json> assign(const std::string& request_code, const std::string& technician_id);

  // Each uploaded record of the store and kind ("tickets", "ratings", "requests",
  // "request-events", "request-ratings", "signatures", "kb-uses") as one JSON
  // line, passed to `line`.
  Result<Json> export_records(const std::string& store_id, const std::string& kind,
                              const std::function<void(const std::string&)>& line);
  Result<Json> parked(const std::optional<std::string>& store_id, const std::function<void(const std::string&)>& line);

 private:
  bool store_exists(const std::string& id);
  // Runs `body` in one write transaction (HqDb::write); a storage failure is an Error.
  template <class Body>
  Result<Json> written(Body&& body) {
    return hq_guarded([&] { return db_.write(body); });
  }
  void log_change(const std::optional<std::string>& store_id, const std::string& kind, const std::string& key,
                  const Json& data);
  Json insert_device(const std::string& store_id, const std::string& label,
                     const std::optional<std::string>& technician_id);
  void log_staff(const std::string& store_id, const std::string& id, const std::string& name, const std::string& role,
                 const std::string& pin_hash, bool active);
  void audit(const std::string& action, const std::string& target, const Json& detail = Json::object());
  // Writes a service's row and feed entry when it differs from `before` (its data and active flag).
  bool save_service(const std::string& code, const Json& data, bool active,
                    const std::optional<std::pair<std::string, bool>>& before);

  HqDb& db_;
  const Clock& clock_;
  std::string actor_;
};

}  // namespace kiosk::hq
