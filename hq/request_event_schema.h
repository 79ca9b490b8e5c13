// Schema 6's tables (hq_request_event, product_catalog and the index of
// hq_request by record), written once for both engines' migration 6 (both
// take bigint and text); each engine adds its own fill from the records.
// Frozen with schema 6: a change is a new migration.
#pragma once

#define KIOSK_HQ_SCHEMA_6_TABLES                                                \
  "CREATE TABLE hq_request_event (\n"                                           \
  "  id text PRIMARY KEY,\n"                                                    \
  "  store_id text NOT NULL,\n"                                                 \
  "  request_id text NOT NULL,\n"                                               \
  "  state text NOT NULL,\n"                                                    \
  "  at bigint NOT NULL\n"                                                      \
  ");\n"                                                                        \
  "CREATE INDEX hq_request_event_by_state ON hq_request_event(state, at);\n"    \
  "CREATE INDEX hq_request_event_by_request ON hq_request_event(request_id);\n" \
  "CREATE INDEX hq_request_by_record ON hq_request(record_id);\n"               \
  "-- HQ's product catalogue (the request form's products and problems), as\n"  \
  "-- its catalogue file's lines; stores take it through the feed.\n"           \
  "CREATE TABLE product_catalog (\n"                                            \
  "  id bigint PRIMARY KEY CHECK (id = 1),\n"                                   \
  "  catalog text NOT NULL,\n"                                                  \
  "  updated_at bigint NOT NULL\n"                                              \
  ");\n"
