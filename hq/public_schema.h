// Schema 8 (the customer's phone pages, docs/public-pages.md), written once
// for both engines' migration 8: HQ's public settings (its public address,
// the SMS gateway), each ticket's page by its token with the live position
// its store last posted, the phone numbers of waiting tickets that asked for
// a reminder (erased when the ticket ends), the reminders sent, the last live
// queue post of each store and the failed request lookups from phones (the
// slow-down). Frozen with schema 8: a change is a new migration.
#pragma once

#define KIOSK_HQ_SCHEMA_8                                                                     \
  "CREATE TABLE public_setting (\n"                                                           \
  "  name text PRIMARY KEY,\n"                                                                \
  "  value text NOT NULL,\n"                                                                  \
  "  updated_at bigint NOT NULL\n"                                                            \
  ");\n"                                                                                      \
  "CREATE TABLE ticket_page (\n"                                                              \
  "  token text PRIMARY KEY,\n"                                                               \
  "  ticket_id text NOT NULL UNIQUE,\n"                                                       \
  "  store_id text NOT NULL,\n"                                                               \
  "  label text NOT NULL,\n"                                                                  \
  "  service text NOT NULL,\n"                                                                \
  "  business_day text NOT NULL,\n"                                                           \
  "  expires_at bigint NOT NULL,\n"                                                           \
  "  language text NOT NULL,\n"                                                               \
  "  state text NOT NULL,\n"                                                                  \
  "  counter bigint,\n"                                                                       \
  "  updated_at bigint NOT NULL,\n"                                                           \
  "  ahead bigint,\n"                                                                         \
  "  wait_min bigint,\n"                                                                      \
  "  queue_at bigint,\n"                                                                      \
  "  rated_at bigint\n"                                                                       \
  ");\n"                                                                                      \
  "CREATE INDEX ticket_page_by_store ON ticket_page(store_id, business_day, state);\n"        \
  "CREATE INDEX ticket_page_by_expiry ON ticket_page(expires_at);\n"                          \
  "CREATE TABLE store_queue (\n"                                                              \
  "  store_id text PRIMARY KEY,\n"                                                            \
  "  business_day text NOT NULL,\n"                                                           \
  "  waiting bigint NOT NULL,\n"                                                              \
  "  store_at bigint NOT NULL,\n"                                                             \
  "  received_at bigint NOT NULL\n"                                                           \
  ");\n"                                                                                      \
  "CREATE TABLE ticket_phone (\n"                                                             \
  "  ticket_id text PRIMARY KEY,\n"                                                           \
  "  store_id text NOT NULL,\n"                                                               \
  "  phone text NOT NULL,\n"                                                                  \
  "  received_at bigint NOT NULL\n"                                                           \
  ");\n"                                                                                      \
  "CREATE TABLE sms_message (\n"                                                              \
  "  id text PRIMARY KEY,\n"                                                                  \
  "  ticket_id text NOT NULL,\n"                                                              \
  "  moment text NOT NULL,\n"                                                                 \
  "  store_id text NOT NULL,\n"                                                               \
  "  phone text,\n"                                                                           \
  "  phone_hash text NOT NULL,\n"                                                             \
  "  body text NOT NULL,\n"                                                                   \
  "  created_at bigint NOT NULL,\n"                                                           \
  "  attempts bigint NOT NULL DEFAULT 0,\n"                                                   \
  "  next_attempt_at bigint NOT NULL,\n"                                                      \
  "  sent_at bigint,\n"                                                                       \
  "  outcome text NOT NULL DEFAULT 'pending',\n"                                              \
  "  last_error text,\n"                                                                      \
  "  UNIQUE (ticket_id, moment)\n"                                                            \
  ");\n"                                                                                      \
  "CREATE INDEX sms_message_due ON sms_message(next_attempt_at) WHERE outcome = 'pending';\n" \
  "CREATE INDEX sms_message_by_phone ON sms_message(phone_hash, created_at);\n"               \
  "CREATE TABLE public_lookup_failure (\n"                                                    \
  "  scope text NOT NULL,\n"                                                                  \
  "  subject text NOT NULL,\n"                                                                \
  "  at bigint NOT NULL\n"                                                                    \
  ");\n"                                                                                      \
  "CREATE INDEX public_lookup_failure_by_subject ON public_lookup_failure(scope, subject, at);\n"
