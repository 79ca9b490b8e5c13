// Schema 6's tables (hq_request_event, product_catalog, hq_request's
// outcome columns and indexes), written once for both engines' migration 6
// (both take bigint and text); each engine fills hq_request_event from the
// records in its own dialect, then KIOSK_HQ_SCHEMA_6_OUTCOMES derives each
// request's outcome from its steps. Frozen with schema 6: a change is a new
// migration.
#pragma once

#define KIOSK_HQ_SCHEMA_6_TABLES                                                           \
  "CREATE TABLE hq_request_event (\n"                                                      \
  "  id text PRIMARY KEY,\n"                                                               \
  "  store_id text NOT NULL,\n"                                                            \
  "  request_id text NOT NULL,\n"                                                          \
  "  state text NOT NULL,\n"                                                               \
  "  at bigint NOT NULL\n"                                                                 \
  ");\n"                                                                                   \
  "CREATE INDEX hq_request_event_by_state ON hq_request_event(state, at);\n"               \
  "CREATE INDEX hq_request_event_by_request ON hq_request_event(request_id, state, at);\n" \
  "CREATE INDEX hq_request_by_record ON hq_request(record_id);\n"                          \
  "-- Each request's outcome from its steps (request_mirror.h): its latest\n"              \
  "-- done and reopened, and whether it ever needed a second visit.\n"                     \
  "ALTER TABLE hq_request ADD COLUMN done_at bigint;\n"                                    \
  "ALTER TABLE hq_request ADD COLUMN reopened_at bigint;\n"                                \
  "ALTER TABLE hq_request ADD COLUMN second_visit bigint NOT NULL DEFAULT 0;\n"            \
  "CREATE INDEX hq_request_by_done ON hq_request(done_at);\n"                              \
  "CREATE INDEX hq_request_by_reopened ON hq_request(reopened_at);\n"                      \
  "-- HQ's product catalogue (the request form's products and problems), as\n"             \
  "-- its catalogue file's lines; stores take it through the feed.\n"                      \
  "CREATE TABLE product_catalog (\n"                                                       \
  "  id bigint PRIMARY KEY CHECK (id = 1),\n"                                              \
  "  catalog text NOT NULL,\n"                                                             \
  "  updated_at bigint NOT NULL\n"                                                         \
  ");\n"

// A request's outcome columns from its steps in hq_request_event: the
// migration sets every request's, request_mirror.h one request's (with its
// own WHERE).
#define KIOSK_HQ_REQUEST_OUTCOME_UPDATE                                                                   \
  "UPDATE hq_request SET\n"                                                                               \
  "  done_at = (SELECT max(e.at) FROM hq_request_event e WHERE e.request_id = hq_request.record_id\n"     \
  "    AND e.state = 'done'),\n"                                                                          \
  "  reopened_at = (SELECT max(e.at) FROM hq_request_event e WHERE e.request_id = hq_request.record_id\n" \
  "    AND e.state = 'reopened'),\n"                                                                      \
  "  second_visit = CASE WHEN EXISTS (SELECT 1 FROM hq_request_event e WHERE e.request_id =\n"            \
  "    hq_request.record_id AND e.state IN ('waiting-for-parts', 'reopened')) THEN 1 ELSE 0 END\n"

#define KIOSK_HQ_SCHEMA_6_OUTCOMES KIOSK_HQ_REQUEST_OUTCOME_UPDATE ";\n"
