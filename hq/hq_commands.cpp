// Request commands at HQ: the current status of a request (HQ's own, or the
// latest one its store uploaded), the lifecycle check, the precedence rule
// between commands made from the same version, and the feed entry of every
// decision. See hq_commands.h and docs/hq-sync-protocol.md.
#include "hq/hq_commands.h"

#include <set>

#include "codec/technician_report_json.h"
#include "core/random_id.h"
#include "hq/hq_sync.h"
#include "hq/request_mirror.h"
#include "hq/technician_feed.h"
#include "model/request_model.h"
#include "requests/request_lifecycle.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

constexpr std::size_t kMaxCommands = 100;
constexpr std::int64_t kMaxVersion = std::int64_t(1) << 31;

struct Status {
  std::string request_id;
  std::string state;
  std::int64_t version = 0;
  std::optional<std::string> last_command;  // made the latest transition at HQ
  std::optional<std::string> before_state;  // the state before it
  std::optional<std::int64_t> before_version;
  std::optional<std::string> uploaded_by;  // the device whose upload it is, before HQ decided anything
};

json result(const std::string& id, const std::string& outcome, const std::optional<Status>& status,
            const std::string& code, const std::string& message) {
  json r{{"id", id}, {"outcome", outcome}};
  r["status"] = status ? json(status->state) : json(nullptr);
  r["version"] = status ? json(status->version) : json(nullptr);
  r["code"] = code;
  r["message"] = message;
  return r;
}

// HQ's status of the request once it decided anything about it; before that,
// the one its store uploaded (every transition until then was the store's);
// none for a request HQ never received.
std::optional<Status> current_status(HqDb& db, const std::string& store_id, const std::string& code) {
  std::optional<Status> status;
  db.first(
      "SELECT request_id, state, version, last_command, before_state, before_version FROM request_status "
      "WHERE store_id = ?1 AND request_code = ?2",
      {store_id, code}, [&](const SqlRow& row) {
        status = Status{row.text(0),          row.text(1),           row.int64(2), row.optional_text(3),
                        row.optional_text(4), row.optional_int64(5), std::nullopt};
      });
  if (status) return status;
  db.first("SELECT id, " + db.json_field("data", "state") + ", " + db.json_field("data", "version") +
               ", device_id FROM record WHERE store_id = ?1 AND kind = 'request' AND " + db.json_field("data", "code") +
               " = ?2",
           {store_id, code}, [&](const SqlRow& row) {
             if (!row.is_null(1) && !row.is_null(2))
               status = Status{row.text(0),  row.text(1),  row.int64(2), std::nullopt,
                               std::nullopt, std::nullopt, row.text(3)};
           });
  return status;
}

void save_status(HqDb& db, const std::string& store_id, const std::string& code, const Status& s, EpochMs now) {
  db.run(
      "INSERT INTO request_status(store_id, request_code, request_id, state, version, last_command, before_state, "
      "before_version, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(store_id, request_code) "
      "DO UPDATE SET request_id = excluded.request_id, state = excluded.state, version = excluded.version, "
      "last_command = excluded.last_command, before_state = excluded.before_state, "
      "before_version = excluded.before_version, updated_at = excluded.updated_at",
      {store_id, code, s.request_id, s.state, s.version, s.last_command, s.before_state, s.before_version, now});
}

std::optional<std::string> optional_text(const json& value) {
  return value.is_null() ? std::nullopt : std::optional(value.get<std::string>());
}
std::optional<std::int64_t> optional_int64(const json& value) {
  return value.is_null() ? std::nullopt : std::optional(value.get<std::int64_t>());
}

void record_command(HqDb& db, const CommandSender& sender, const RequestCommand& c, const json& r, EpochMs now) {
  db.run(
      "INSERT INTO request_command(id, store_id, device_id, request_code, to_state, from_version, at, data, "
      "received_at, outcome, status, version, code, message) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
      {c.id, sender.store_id, sender.device_id, c.request_code, c.to, c.from_version, c.at, c.data.dump(), now,
       r["outcome"].get<std::string>(), optional_text(r["status"]), optional_int64(r["version"]),
       r["code"].get<std::string>(), r["message"].get<std::string>()});
}

struct StoredCommand {
  json result;
  std::string store_id;
  std::optional<std::string> device_id;
};

std::optional<StoredCommand> stored_command(HqDb& db, const std::string& id) {
  std::optional<StoredCommand> found;
  db.first("SELECT outcome, status, version, code, message, store_id, device_id FROM request_command WHERE id = ?1",
           {id}, [&](const SqlRow& row) {
             json r{{"id", id}, {"outcome", row.text(0)}};
             r["status"] = row.is_null(1) ? json(nullptr) : json(row.text(1));
             r["version"] = row.is_null(2) ? json(nullptr) : json(row.int64(2));
             r["code"] = row.text(3);
             r["message"] = row.text(4);
             found = StoredCommand{r, row.text(5), row.optional_text(6)};
           });
  return found;
}

// The precedence between two commands made from the same version: HQ's over a
// device's, then the smaller command id. Independent of arrival.
bool outranks(bool a_from_hq, const std::string& a_id, bool b_from_hq, const std::string& b_id) {
  if (a_from_hq != b_from_hq) return a_from_hq;
  return a_id < b_id;
}

// What an applied command sets besides the state, as its data names it: the
// technician of an assignment, the visit of a scheduling.
RequestDecision decision_of(const Status& s, const RequestCommand& c) {
  const auto text = [&](const char* field) -> std::optional<std::string> {
    const auto found = c.data.find(field);
    return found != c.data.end() && found->is_string() ? std::optional(found->get<std::string>()) : std::nullopt;
  };
  RequestDecision decision{s.state, s.version, std::nullopt, std::nullopt, std::nullopt};
  if (c.to == to_string(RequestState::Assigned)) decision.assignee = text("assignee");
  if (c.to == to_string(RequestState::Scheduled)) {
    decision.scheduled_date = text("scheduled_date");
    decision.scheduled_window = text("scheduled_window");
  }
  return decision;
}

// An applied transition goes into the change feed (to the store) and onto
// HQ's copy of the request (the dispatch board).
void publish_status(HqDb& db, const std::string& store_id, const std::string& code, const Status& s,
                    const CommandSender& sender, const RequestCommand& c, const std::optional<std::string>& displaced,
                    EpochMs now) {
  mirror_decision(db, store_id, code, decision_of(s, c), now);
  json data{{"request", code},   {"id", s.request_id},
            {"status", s.state}, {"version", s.version},
            {"command", c.id},   {"by", sender.device_id ? *sender.device_id : std::string("hq")},
            {"at", c.at},        {"data", c.data}};
  if (displaced) data["displaced"] = *displaced;
  db.append_change(store_id, "request_status", code, data, now, std::nullopt);
}

}  // namespace

std::string request_lock_key(const std::string& store_id, const std::string& code) {
  return "request/" + store_id + "/" + code;
}

json decide_command(HqDb& db, const CommandSender& sender, const RequestCommand& c, EpochMs now) {
  if (std::optional<StoredCommand> seen = stored_command(db, c.id)) {
    if (seen->store_id != sender.store_id || seen->device_id != sender.device_id)
      return result(c.id, "rejected", std::nullopt, "id-conflict",
                    "command id " + c.id + " was used by another sender");
    return seen->result;
  }
  const auto decided = [&](const json& r) {
    record_command(db, sender, c, r, now);
    return r;
  };
  const std::optional<RequestState> to = request_state_from(c.to);
  if (!to)
    return decided(result(c.id, "rejected", std::nullopt, "bad-state",
                          "\"" + c.to + "\" is not a request state (" + request_state_names() + ")"));
  std::optional<Status> status = current_status(db, sender.store_id, c.request_code);
  if (!status)
    return decided(result(c.id, "rejected", std::nullopt, "unknown-request",
                          "no request " + c.request_code + " of store " + sender.store_id +
                              " at HQ (requests arrive when the store syncs them)"));
  const std::optional<RequestState> state = request_state_from(status->state);
  if (!state)
    return decided(
        result(c.id, "rejected", status, "bad-record", "HQ holds an unknown state \"" + status->state + "\""));
  if (sender.technician_id) {
    if (!is_technician_step(*to))
      return decided(result(c.id, "rejected", status, "office-step",
                            std::string("a technician does not move a job to ") + c.to + "; the office does"));
    if (assignee_of(db, sender.store_id, c.request_code) != sender.technician_id)
      return decided(result(c.id, "rejected", status, "not-assigned",
                            "request " + c.request_code + " is not this technician's job at HQ now"));
  }

  // A transition older than the request its own device uploaded is already in
  // it: the store made it before the upload (offline, or before it had HQ).
  // The one that made the uploaded state becomes HQ's latest transition, as
  // if decided here, so a command of HQ's from the version before it still
  // outranks it (data.from: the state it was made from).
  if (status->uploaded_by && status->uploaded_by == sender.device_id && c.from_version < status->version) {
    const auto from = c.data.find("from");
    if (c.from_version + 1 == status->version && from != c.data.end() && from->is_string()) {
      status->before_state = from->get<std::string>();
      status->before_version = c.from_version;
      status->last_command = c.id;
      save_status(db, sender.store_id, c.request_code, *status, now);
    }
    return decided(result(c.id, "applied", status, "", "already in the request as the store uploaded it"));
  }

  if (c.from_version == status->version) {
    if (std::optional<Error> illegal = check_transition(*state, *to))
      return decided(result(c.id, "rejected", status, illegal->code, illegal->message));
    status->before_state = status->state;
    status->before_version = status->version;
    status->state = c.to;
    status->version += 1;
    status->last_command = c.id;
    save_status(db, sender.store_id, c.request_code, *status, now);
    publish_status(db, sender.store_id, c.request_code, *status, sender, c, std::nullopt, now);
    return decided(result(c.id, "applied", status, "", ""));
  }

  // Made from the version before HQ's latest transition: the higher precedence
  // of the two stands, whichever arrived first.
  std::optional<StoredCommand> latest = status->last_command ? stored_command(db, *status->last_command) : std::nullopt;
  if (latest && status->before_version == c.from_version &&
      outranks(!sender.device_id, c.id, !latest->device_id, *status->last_command)) {
    const std::optional<RequestState> before = request_state_from(status->before_state.value_or(""));
    if (!before) return decided(result(c.id, "rejected", status, "bad-record", "HQ holds an unknown earlier state"));
    if (std::optional<Error> illegal = check_transition(*before, *to))
      return decided(result(c.id, "rejected", status, illegal->code, illegal->message));
    const std::string displaced = *status->last_command;
    status->state = c.to;
    status->version += 1;
    status->last_command = c.id;
    save_status(db, sender.store_id, c.request_code, *status, now);
    publish_status(db, sender.store_id, c.request_code, *status, sender, c, displaced, now);
    db.run(
        "UPDATE request_command SET outcome = 'conflict', status = ?2, version = ?3, code = 'displaced', "
        "message = ?4 WHERE id = ?1",
        {displaced, status->state, status->version,
         "command " + c.id + " of higher precedence was made from the same version " + std::to_string(c.from_version) +
             "; the request is " + status->state});
    return decided(result(c.id, "applied", status, "", ""));
  }
  return decided(result(c.id, "conflict", status, "version-conflict",
                        "request " + c.request_code + " is at version " + std::to_string(status->version) + " (" +
                            status->state + "), not " + std::to_string(c.from_version) +
                            ": it changed since it was read"));
}

std::optional<RequestStatusNow> request_status_now(HqDb& db, const std::string& store_id, const std::string& code) {
  const std::optional<Status> status = current_status(db, store_id, code);
  if (!status) return std::nullopt;
  return RequestStatusNow{status->state, status->version};
}

Result<json> hq_transition(HqDb& db, const std::string& store_id, const std::string& request_code,
                           const std::string& to, std::int64_t from_version, EpochMs now) {
  // Drawn once, before the transaction: a retry decides the same command.
  const RequestCommand command{new_uuid(), request_code, to, from_version, now, nlohmann::json::object()};
  return hq_guarded([&] {
    return db.write([&]() -> Result<json> {
      if (!db.first("SELECT 1 FROM hq_store WHERE id = ?1", {store_id}))
        return invalid_argument("no store " + store_id + " at HQ", "unknown-store");
      db.lock_key(request_lock_key(store_id, request_code));
      return decide_command(db, CommandSender{store_id, std::nullopt, std::nullopt}, command, now);
    });
  });
}

std::variant<json, ApiError> apply_commands(HqDb& db, const Device& device, const std::string& body_text, EpochMs now) {
  const JsonBody body(body_text);
  if (!body.has("commands")) throw BadRequest("missing-field", "field \"commands\" is required");
  const nlohmann::json& list = body.json()["commands"];
  if (!list.is_array() || list.size() > kMaxCommands)
    throw BadRequest("bad-field",
                     "field \"commands\" must be an array of at most " + std::to_string(kMaxCommands) + " commands");
  std::vector<RequestCommand> commands;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string where = "commands[" + std::to_string(i) + "].";
    const JsonBody c(list[i], where);
    RequestCommand command;
    command.id = c.text("id", 36);
    if (!is_uuid(command.id)) throw BadRequest("bad-field", "field \"" + where + "id\" must be a UUID");
    if (!ids.insert(command.id).second)
      throw BadRequest("duplicate-id", "command " + command.id + " appears twice in this body");
    const std::string store = c.text("store", 64);
    if (store != device.store_id)
      return ApiError{403,
                      "wrong-store",
                      where + "store is \"" + store + "\" but this device belongs to store \"" + device.store_id +
                          "\"; no command of this body was taken",
                      {}};
    command.request_code = c.text("request", 32);
    command.to = c.text("action", 32);
    command.from_version = c.integer("from_version", 1, kMaxVersion);
    command.at = c.integer("at", 0, std::int64_t(1) << 53);
    if (c.has("data")) {
      if (!c.json()["data"].is_object()) throw BadRequest("bad-field", "field \"" + where + "data\" must be an object");
      command.data = c.json()["data"];
    }
    if (device.technician_id && !technician_report_from(command.data, where + "data."))
      throw BadRequest("missing-field", "field \"" + where + "data.actor\" is required of a technician's step");
    commands.push_back(std::move(command));
  }
  const CommandSender sender{device.store_id, device.id, device.technician_id};
  // Every request of the body is locked first, in one order, so two
  // processes deciding on one request take turns and never deadlock.
  std::set<std::string> requests;
  for (const RequestCommand& command : commands) requests.insert(command.request_code);
  return db.write([&]() -> std::variant<json, ApiError> {
    for (const std::string& code : requests) db.lock_key(request_lock_key(device.store_id, code));
    json results = json::array();
    for (const RequestCommand& command : commands) results.push_back(decide_command(db, sender, command, now));
    return json{{"results", results}, {"hq_time", now}};
  });
}

}  // namespace kiosk::hq
