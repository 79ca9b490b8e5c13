// The figure sums' columns of schema 4's tables (figure_ledger, figure_month,
// figure_total), written once for both engines' migration 4 (both take
// bigint and text). Frozen with schema 4: a change is a new migration.
#pragma once

#define KIOSK_HQ_FIGURE_SUM_COLUMNS                     \
  "  tickets bigint NOT NULL DEFAULT 0,\n"              \
  "  served bigint NOT NULL DEFAULT 0,\n"               \
  "  no_shows bigint NOT NULL DEFAULT 0,\n"             \
  "  still_open bigint NOT NULL DEFAULT 0,\n"           \
  "  called bigint NOT NULL DEFAULT 0,\n"               \
  "  wait_ms bigint NOT NULL DEFAULT 0,\n"              \
  "  within_target bigint NOT NULL DEFAULT 0,\n"        \
  "  uncalled bigint NOT NULL DEFAULT 0,\n"             \
  "  service_n bigint NOT NULL DEFAULT 0,\n"            \
  "  service_ms bigint NOT NULL DEFAULT 0,\n"           \
  "  estimate_n bigint NOT NULL DEFAULT 0,\n"           \
  "  estimate_error_ms bigint NOT NULL DEFAULT 0,\n"    \
  "  estimate_within_5min bigint NOT NULL DEFAULT 0,\n" \
  "  r1 bigint NOT NULL DEFAULT 0,\n"                   \
  "  r2 bigint NOT NULL DEFAULT 0,\n"                   \
  "  r3 bigint NOT NULL DEFAULT 0,\n"                   \
  "  r4 bigint NOT NULL DEFAULT 0,\n"                   \
  "  r5 bigint NOT NULL DEFAULT 0,\n"                   \
  "  reasons text NOT NULL DEFAULT '',\n"               \
  "  wait_bins text NOT NULL DEFAULT '',\n"             \
  "  arrivals text NOT NULL DEFAULT '',\n"              \
  "  uncalled_at text NOT NULL DEFAULT '',\n"
