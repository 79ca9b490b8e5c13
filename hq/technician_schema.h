// Schema 7 (technician devices, docs/hq-sync-protocol.md "Technician
// devices"), written once for both engines' migration 7: a device may be
// bound to one technician (device.technician_id) and change_log rows may be
// one technician's (their staff entry, their jobs), read by that technician's
// tablet only. The `assignment` table and feed kind go: an assignment is HQ's
// request command `assigned` (hq/hq_commands.h), which the store applies.
// Assignments the old `hq assign` wrote had never reached a store; they are
// dropped with it (assign again). Frozen with schema 7: a change is a new
// migration.
#pragma once

#define KIOSK_HQ_SCHEMA_7                                                                               \
  "DROP TABLE assignment;\n"                                                                            \
  "DELETE FROM change_log WHERE kind = 'assignment';\n"                                                 \
  "ALTER TABLE device ADD COLUMN technician_id text;\n"                                                 \
  "CREATE INDEX device_by_technician ON device(technician_id) WHERE technician_id IS NOT NULL;\n"       \
  "ALTER TABLE change_log ADD COLUMN technician_id text;\n"                                             \
  "UPDATE change_log SET technician_id = key WHERE kind = 'staff'\n"                                    \
  "  AND key IN (SELECT id FROM staff WHERE role = 'technician');\n"                                    \
  "CREATE INDEX change_log_by_technician ON change_log(technician_id, seq) WHERE technician_id IS NOT " \
  "NULL;\n"                                                                                             \
  "CREATE INDEX change_log_job ON change_log(technician_id, key, seq) WHERE kind = 'job';\n"
