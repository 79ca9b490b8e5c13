// Schema 9 (help articles, docs/help-articles.md), written once for both
// engines' migration 9: HQ's articles, each as its JSON, and per business day,
// store and article the sums of what the stores' kiosks counted (kb_use
// records: each use's latest revision counted once). Frozen with schema 9: a
// change is a new migration.
#pragma once

#define KIOSK_HQ_SCHEMA_9                                \
  "CREATE TABLE kb_article (\n"                          \
  "  id text PRIMARY KEY,\n"                             \
  "  data text NOT NULL,\n"                              \
  "  active bigint NOT NULL,\n"                          \
  "  updated_at bigint NOT NULL,\n"                      \
  "  updated_by text NOT NULL\n"                         \
  ");\n"                                                 \
  "CREATE TABLE kb_use_day (\n"                          \
  "  business_day text NOT NULL,\n"                      \
  "  store_id text NOT NULL,\n"                          \
  "  article_id text NOT NULL,\n"                        \
  "  views bigint NOT NULL DEFAULT 0,\n"                 \
  "  helpful bigint NOT NULL DEFAULT 0,\n"               \
  "  not_helpful bigint NOT NULL DEFAULT 0,\n"           \
  "  without_ticket bigint NOT NULL DEFAULT 0,\n"        \
  "  PRIMARY KEY (business_day, store_id, article_id)\n" \
  ");\n"                                                 \
  "CREATE INDEX kb_use_day_by_store ON kb_use_day(store_id, business_day);\n"
