// A request's status as a phone shows it (docs/public-pages.md, "Request
// lookup"), from what HQ holds: the row of hq_request and its steps in
// hq_request_event, made into the kiosk's RequestStatus
// (requests/request_lookup.h) and answered in the kiosk's JSON
// (codec/request_json.h) with the product and problem named in Chinese and
// English and whether the job can be rated. Nothing personal is read here.
// Pure: no database, no clock.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "model/request_model.h"
#include "requests/request_lookup.h"

namespace kiosk::hq {

// A request as hq_request holds it (the store's upload, or HQ's later decision).
struct HqRequestRow {
  std::string store_id;
  std::string code;
  std::string record_id;
  std::string kind;
  std::string product;
  std::string problem;
  std::string state;
  std::optional<std::string> scheduled_date;
  std::optional<std::string> scheduled_window;
  std::optional<std::string> assignee;  // a staff id
  EpochMs updated_at = 0;
};

// A step of it (hq_request_event), oldest first.
struct HqRequestStep {
  std::string state;
  EpochMs at = 0;
};

// The timeline of the steps (states HQ does not know are left out); the
// current state is the row's unless a step is newer (a store's backlog), and
// a row newer than the last step (HQ decided; the store has not sent the
// step yet) ends the timeline with its state at its update time.
RequestStatus public_request_status(const HqRequestRow& row, const std::vector<HqRequestStep>& steps, bool rated);

// POST /r/lookup's answer: code, kind, product and problem ({"code", "zh",
// "en"}), state, scheduled_date, scheduled_window, timeline [{state, at}],
// rated, rating_open (finished and not rated) and the rating reasons.
nlohmann::ordered_json public_status_json(const RequestStatus& status, const std::vector<ProductCategory>& catalog);

}  // namespace kiosk::hq
