// HQ's administration: stores, devices and their tokens, the catalogue, staff,
// technician assignments (each change of configuration enters the change feed
// in the same transaction), exports of uploaded records and parked records.
// Every operation returns the JSON the hq command prints, or an Error.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "hq/hq_db.h"
#include "staff/pin_hash.h"

namespace kiosk::hq {

using Json = nlohmann::ordered_json;

class HqAdmin {
 public:
  HqAdmin(HqDb& db, const Clock& clock) : db_(db), clock_(clock) {}

  Result<Json> add_store(const std::string& id, const std::string& name,
                         const std::string& time_zone = "Asia/Shanghai");
  Result<Json> stores();

  // A new device of the store; the answer holds its token, shown only this once.
  Result<Json> add_device(const std::string& store_id, const std::string& label);
  Result<Json> revoke_device(const std::string& device_id);
  Result<Json> devices(const std::optional<std::string>& store_id);

  // Replaces the catalogue from a catalogue file (JSON Lines, like kioskctl's):
  // new and changed services, and those no longer listed (inactive), enter the feed.
  Result<Json> import_catalog(const std::string& path);

  Result<Json> add_staff(const std::string& store_id, const std::string& name, const std::string& pin,
                         const std::string& role, const PinHashCost& cost);
  Result<Json> retire_staff(const std::string& store_id, const std::string& name);

  // Assigns a technician (staff of the request's store) to a request uploaded by that store.
  Result<Json> assign(const std::string& request_code, const std::string& technician_id);

  // Each uploaded record of the store and kind ("tickets", "ratings", "requests",
  // "request-events") as one JSON line, passed to `line`.
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

  HqDb& db_;
  const Clock& clock_;
};

}  // namespace kiosk::hq
