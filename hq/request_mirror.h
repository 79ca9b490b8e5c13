// hq_request: every request of every store as it stands at HQ, one row each,
// for the dispatch board and the request reports (docs/hq-console.md). A row
// follows the store's uploads and HQ's own decisions on the request
// (hq_commands.h), whichever holds the later version, so the board shows an
// assignment made at HQ before the store has uploaded the request again.
// Each change of an assigned request also reaches its technician's tablet
// (hq/technician_feed.h), and each change of its state its follow-up tasks
// (hq/followup_tasks.h: made when it is done, cancelled when it moves on).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

// What the board needs of an uploaded request (its data as the store sends it).
struct RequestFact {
  std::string code;
  std::string kind;
  std::string product;
  std::string problem;
  std::string urgency;
  std::string state;
  std::int64_t version = 1;
  std::optional<std::string> assignee;  // a staff id
  std::optional<std::string> scheduled_date;
  std::optional<std::string> scheduled_window;
  std::optional<EpochMs> created_at;
  std::optional<EpochMs> updated_at;
  std::optional<EpochMs> closed_at;
};

// At ingest, in the upload's transaction: the request as its store uploaded
// it, unless HQ holds a later version of it.
void mirror_upload(HqDb& db, const std::string& store_id, const std::string& record_id, const RequestFact& fact,
                   EpochMs received_at);

// A step of a request as its store uploaded it (a request_event record).
struct RequestEventFact {
  std::string request_id;  // the request's record id
  std::string state;       // the state it moved to
  std::optional<EpochMs> at;
};

// At ingest: the step, once (hq_request_event), and the outcome of its
// request (hq_request's done_at, reopened_at, second_visit) from its steps.
void mirror_event(HqDb& db, const std::string& store_id, const std::string& event_id, const RequestEventFact& fact,
                  EpochMs received_at);

// A transition HQ decided (a device's command or its own): the state and
// version, and what the command set besides (the technician, the visit).
struct RequestDecision {
  std::string state;
  std::int64_t version = 0;
  std::optional<std::string> assignee;
  std::optional<std::string> scheduled_date;
  std::optional<std::string> scheduled_window;
};
void mirror_decision(HqDb& db, const std::string& store_id, const std::string& code, const RequestDecision& decision,
                     EpochMs now);

}  // namespace kiosk::hq
