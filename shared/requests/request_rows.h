// Reading and writing request rows and their events in SQLite: the column
// list and row mapping every query of shared/requests uses, so a request reads
// back the same way wherever it is loaded. Throws SqliteError; callers turn it
// into a Result.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/request_model.h"
#include "store/sqlite.h"

namespace kiosk::request_rows {

// "SELECT <columns> FROM request r": append a WHERE clause.
std::string select_requests();
Request from_row(const Statement& q);

std::optional<Request> find_by_code(Database& db, const std::string& code);
std::optional<Request> find_by_id(Database& db, const std::string& id);
std::vector<RequestEvent> events_of(Database& db, const std::string& request_id);
std::optional<RequestEvent> find_event(Database& db, const std::string& event_id, std::string* request_id);

void insert_event(Database& db, const std::string& request_id, const RequestEvent& event);

}  // namespace kiosk::request_rows
