// The store's request commands: the next to send, HQ's decisions kept.
#include "sync/command_outbox.h"

#include "model/request_model.h"
#include "requests/request_book.h"
#include "store/storage_guard.h"

namespace kiosk {
namespace {

std::string text_of(const nlohmann::json& result, const char* field) {
  const auto found = result.find(field);
  return found != result.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// The request a command belongs to: its id and code.
std::optional<std::pair<std::string, std::string>> request_of(Database& db, const std::string& command_id) {
  Statement& q = db.prepare(
      "SELECT r.id, r.code FROM request_command c JOIN request r ON r.id = c.request_id WHERE c.id = ?1 AND c.outcome "
      "IS NULL");
  q.bind(1, command_id);
  std::optional<std::pair<std::string, std::string>> found;
  if (q.step()) found = std::make_pair(q.text(0), q.text(1));
  q.reset();
  return found;
}

}  // namespace

Result<std::vector<OutgoingCommand>> CommandOutbox::next(int limit) {
  return storage_guarded([&]() -> Result<std::vector<OutgoingCommand>> {
    Statement& q = store_.db().prepare(
        "SELECT c.id, r.code, c.from_state, c.action, c.from_version, c.at FROM request_command c "
        "JOIN request r ON r.id = c.request_id "
        "WHERE c.outcome IS NULL AND c.rowid = (SELECT min(rowid) FROM request_command d "
        "                                       WHERE d.request_id = c.request_id AND d.outcome IS NULL) "
        "ORDER BY c.rowid LIMIT ?1");
    q.bind(1, limit);
    std::vector<OutgoingCommand> commands;
    while (q.step())
      commands.push_back(OutgoingCommand{q.text(0), q.text(1), q.text(2), q.text(3), q.int64(4), q.int64(5)});
    q.reset();
    return commands;
  });
}

Result<CommandTally> CommandOutbox::record(const nlohmann::json& results) {
  return storage_guarded([&]() -> Result<CommandTally> {
    Database& db = store_.db();
    const EpochMs now = clock_.now_ms();
    Transaction tx(db);
    CommandTally tally;
    for (const nlohmann::json& result : results) {
      if (!result.is_object()) continue;
      const std::string id = text_of(result, "id"), outcome = text_of(result, "outcome"),
                        code = text_of(result, "code");
      if (outcome != "applied" && outcome != "conflict" && outcome != "rejected") continue;
      if (outcome == "rejected" && code == "unknown-request") continue;  // HQ has not received the request yet
      const std::optional<std::pair<std::string, std::string>> request = request_of(db, id);
      if (!request) continue;  // not ours, or decided before
      const std::string message = text_of(result, "message");
      db.prepare("UPDATE request_command SET outcome = ?2, code = ?3, message = ?4, decided_at = ?5 WHERE id = ?1")
          .bind(1, id)
          .bind(2, outcome)
          .bind(3, code)
          .bind(4, message)
          .bind(5, now)
          .run();
      ++tally.decided;
      if (outcome != "applied") {
        ++tally.refused;
        db.prepare(
              "UPDATE request_command SET outcome = 'dropped', code = 'after-refusal', message = ?2, decided_at = ?3 "
              "WHERE request_id = ?1 AND outcome IS NULL")
            .bind(1, request->first)
            .bind(2, "not sent: HQ refused the transition before it (" + code + ")")
            .bind(3, now)
            .run();
      }
      const std::optional<RequestState> state = request_state_from(text_of(result, "status"));
      const auto version = result.find("version");
      if (state && version != result.end() && version->is_number_integer())
        adopt_hq_status(db, request->second,
                        HqStatus{*state, version->get<int>(), std::nullopt, std::nullopt, std::nullopt, std::nullopt},
                        HqStatusSource::CommandResult,
                        outcome == "applied" ? "decided at HQ" : "HQ kept this state: " + message.substr(0, 400), now);
    }
    tx.commit();
    return tally;
  });
}

Result<CommandCounts> CommandOutbox::counts() {
  return storage_guarded([&]() -> Result<CommandCounts> {
    Statement& q = store_.db().prepare(
        "SELECT count(*) FILTER (WHERE outcome IS NULL), count(*) FILTER (WHERE outcome IN ('conflict', 'rejected', "
        "'dropped')) "
        "FROM request_command");
    CommandCounts counts;
    if (q.step()) counts = CommandCounts{q.int64(0), q.int64(1)};
    q.reset();
    return counts;
  });
}

}  // namespace kiosk
