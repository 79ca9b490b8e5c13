// Recording a follow-up call (followup_calls.h).
#include "hq/followup_calls.h"

#include "core/random_id.h"
#include "hq/console_audit.h"
#include "hq/followup_calendar.h"
#include "hq/followup_complaints.h"
#include "hq/followup_list.h"
#include "hq/hq_commands.h"
#include "requests/request_text.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

struct Task {
  std::string store_id, subject_kind, subject, state, zone;
  std::optional<std::string> outcome;
  std::optional<std::int64_t> request_version;
  std::int64_t tries = 0;
};

std::optional<Task> read_task(HqDb& db, const std::string& id, const char* lock) {
  std::optional<Task> task;
  db.first(std::string("SELECT f.store_id, f.subject_kind, f.subject, f.state, st.time_zone, f.outcome, "
                       "f.request_version, f.tries FROM followup f JOIN hq_store st ON st.id = f.store_id "
                       "WHERE f.id = ?1") +
               lock,
           {id}, [&](const SqlRow& row) {
             task = Task{row.text(0), row.text(1),          row.text(2),           row.text(3),
                         row.text(4), row.optional_text(5), row.optional_int64(6), row.int64(7)};
           });
  return task;
}

std::optional<Error> check_call(const FollowupCall& call) {
  if (call.reached && !call.solved) return invalid_argument("say whether the problem is solved", "missing-field");
  if (!call.reached && (call.solved || call.score))
    return invalid_argument("solved and score belong to a call that reached the customer", "bad-field");
  if (call.score && (*call.score < 1 || *call.score > 5))
    return invalid_argument("score must be 1 to 5 (got " + std::to_string(*call.score) + ")", "bad-field");
  return check_request_text(kRequestNote, call.note);
}

std::string closed_message(const std::string& id, const Task& task) {
  if (task.state == "cancelled")
    return "follow-up " + id + " was cancelled: its request was reopened or cancelled before the call";
  return "follow-up " + id + " is done already (" + task.outcome.value_or("done") + ")";
}

// In the words of HQ's version conflicts (hq_commands.cpp).
std::string moved_message(const Task& task, const std::optional<RequestStatusNow>& current) {
  if (!current) return "request " + task.subject + " is not at HQ any more";
  return "request " + task.subject + " is at version " + std::to_string(current->version) + " (" + current->state +
         "), not " + std::to_string(task.request_version.value_or(0)) + ": it changed since it was done";
}

}  // namespace

Result<json> record_followup_call(HqDb& db, const FollowupCall& call, const std::string& actor, EpochMs now) {
  if (std::optional<Error> problem = check_call(call)) return *problem;
  const std::string command_id = new_uuid();  // drawn once: a retry decides the same command
  return hq_guarded([&] {
    return db.write([&]() -> Result<json> {
      const std::optional<Task> seen = read_task(db, call.followup_id, "");
      if (!seen) return invalid_argument("no follow-up " + call.followup_id + " at HQ", "unknown-followup");
      if (seen->subject_kind == "request") db.lock_key(request_lock_key(seen->store_id, seen->subject));
      const Task task = *read_task(db, call.followup_id, db.for_update());
      if (task.state != "due") return refused(closed_message(call.followup_id, task), "followup-closed");

      const std::int64_t attempt = task.tries + 1;
      db.run(
          "INSERT INTO followup_call(followup_id, attempt, at, recorded_by, reached, solved, score, note) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
          {call.followup_id, attempt, now, actor, std::int64_t(call.reached ? 1 : 0),
           call.solved ? std::optional<std::int64_t>(*call.solved ? 1 : 0) : std::nullopt, call.score,
           call.note.empty() ? std::optional<std::string>() : std::optional(call.note)});

      const StoreTimeZone zone = store_zone_or_default(task.zone);
      json answer = json::object();
      std::optional<std::int64_t> reopened_version;
      std::string outcome;
      if (!call.reached) {
        if (attempt < kFollowupTries) {
          db.run("UPDATE followup SET tries = ?2, next_try_at = ?3 WHERE id = ?1",
                 {call.followup_id, attempt, followup_next_try(followup_settings(db), zone, now)});
          record_audit(db, now, actor, "followup-call", call.followup_id, json{{"reached", false}});
          answer["followup"] = *followup_row(db, call.followup_id, now);
          return answer;
        }
        outcome = "unreachable";
      } else if (*call.solved) {
        outcome = "solved";
        mark_complaint_solved(db, task.store_id, task.subject_kind, task.subject, now);
      } else {
        outcome = "not-solved";
        if (task.subject_kind == "request") {
          // From HQ's current version, which must still be the one it was done at.
          const std::optional<RequestStatusNow> current = request_status_now(db, task.store_id, task.subject);
          if (!current || current->version != task.request_version)
            return refused(moved_message(task, current), "version-conflict");
          const RequestCommand reopen{command_id, task.subject,
                                      "reopened", current->version,
                                      now,        {{"note", call.note}, {"followup", call.followup_id}}};
          const json decided =
              decide_command(db, CommandSender{task.store_id, std::nullopt, std::nullopt}, reopen, now);
          if (decided["outcome"] != "applied")
            return refused(decided["message"].get<std::string>(), decided["code"].get<std::string>());
          reopened_version = decided["version"].get<std::int64_t>();
          answer["request"] = json{{"state", decided["status"]}, {"version", decided["version"]}};
        }
      }
      db.run(
          "UPDATE followup SET state = 'done', outcome = ?2, tries = ?3, next_try_at = NULL, reached = ?4, "
          "solved = ?5, score = ?6, note = ?7, recorded_by = ?8, recorded_at = ?9, done_day = ?10, "
          "reopened_version = ?11 WHERE id = ?1",
          {call.followup_id, outcome, attempt, std::int64_t(call.reached ? 1 : 0),
           call.solved ? std::optional<std::int64_t>(*call.solved ? 1 : 0) : std::nullopt, call.score,
           call.note.empty() ? std::optional<std::string>() : std::optional(call.note), actor, now,
           zone.business_day(now), reopened_version});
      json detail{{"reached", call.reached}, {"outcome", outcome}};
      if (reopened_version) detail["reopened_version"] = *reopened_version;
      record_audit(db, now, actor, "followup-call", call.followup_id, detail);
      answer["followup"] = *followup_row(db, call.followup_id, now);
      return answer;
    });
  });
}

}  // namespace kiosk::hq
