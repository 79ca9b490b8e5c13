// Schema 10 (follow-up calls and complaints, docs/follow-up.md), written once
// for both engines' migration 10: a follow-up task per time a request was
// done at HQ (or per complaint ticket the counter could not resolve), every
// call made on it, and the complaint tickets with their clock. The tasks of
// requests already done and the complaints already uploaded are made by
// fill_followups_if_needed (followup_tasks.h) when the database is opened to
// migrate, while followup_fill says 0: a task's due day needs the store's
// time zone and working days, which SQL cannot reckon on SQLite. Frozen with
// schema 10: a change is a new migration.
#pragma once

#define KIOSK_HQ_SCHEMA_10                                                           \
  "CREATE TABLE followup (\n"                                                        \
  "  id text PRIMARY KEY,\n"                                                         \
  "  store_id text NOT NULL,\n"                                                      \
  "  subject_kind text NOT NULL,\n"                                                  \
  "  subject text NOT NULL,\n"                                                       \
  "  request_version bigint,\n"                                                      \
  "  technician text,\n"                                                             \
  "  complaint bigint NOT NULL DEFAULT 0,\n"                                         \
  "  done_at bigint NOT NULL,\n"                                                     \
  "  due_day text NOT NULL,\n"                                                       \
  "  state text NOT NULL DEFAULT 'due',\n"                                           \
  "  outcome text,\n"                                                                \
  "  tries bigint NOT NULL DEFAULT 0,\n"                                             \
  "  next_try_at bigint,\n"                                                          \
  "  reached bigint,\n"                                                              \
  "  solved bigint,\n"                                                               \
  "  score bigint,\n"                                                                \
  "  note text,\n"                                                                   \
  "  recorded_by text,\n"                                                            \
  "  recorded_at bigint,\n"                                                          \
  "  done_day text,\n"                                                               \
  "  reopened_version bigint,\n"                                                     \
  "  created_at bigint NOT NULL\n"                                                   \
  ");\n"                                                                             \
  "CREATE INDEX followup_by_state ON followup(state, due_day);\n"                    \
  "CREATE INDEX followup_by_due_day ON followup(due_day, store_id);\n"               \
  "CREATE INDEX followup_by_subject ON followup(store_id, subject_kind, subject);\n" \
  "CREATE TABLE followup_call (\n"                                                   \
  "  followup_id text NOT NULL,\n"                                                   \
  "  attempt bigint NOT NULL,\n"                                                     \
  "  at bigint NOT NULL,\n"                                                          \
  "  recorded_by text NOT NULL,\n"                                                   \
  "  reached bigint NOT NULL,\n"                                                     \
  "  solved bigint,\n"                                                               \
  "  score bigint,\n"                                                                \
  "  note text,\n"                                                                   \
  "  PRIMARY KEY (followup_id, attempt)\n"                                           \
  ");\n"                                                                             \
  "CREATE TABLE complaint (\n"                                                       \
  "  ticket_id text PRIMARY KEY,\n"                                                  \
  "  store_id text NOT NULL,\n"                                                      \
  "  label text NOT NULL,\n"                                                         \
  "  service text NOT NULL,\n"                                                       \
  "  issued_at bigint NOT NULL,\n"                                                   \
  "  state text NOT NULL,\n"                                                         \
  "  outcome text,\n"                                                                \
  "  finished_at bigint,\n"                                                          \
  "  request_code text,\n"                                                           \
  "  solved_at bigint\n"                                                             \
  ");\n"                                                                             \
  "CREATE INDEX complaint_by_store ON complaint(store_id, issued_at);\n"             \
  "CREATE INDEX complaint_by_issue ON complaint(issued_at);\n"                       \
  "CREATE INDEX complaint_by_finish ON complaint(store_id, finished_at);\n"          \
  "CREATE INDEX complaint_by_request ON complaint(store_id, request_code);\n"        \
  "CREATE TABLE followup_fill (\n"                                                   \
  "  id bigint PRIMARY KEY CHECK (id = 1),\n"                                        \
  "  filled bigint NOT NULL\n"                                                       \
  ");\n"                                                                             \
  "INSERT INTO followup_fill(id, filled) VALUES (1, 0);\n"
