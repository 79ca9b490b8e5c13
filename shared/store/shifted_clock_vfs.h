// SQLite's 'now' on the test clock: when KIOSK_TEST_CLOCK_OFFSET_MS is set
// (core/clock.h), the database connections of this process use a VFS that is
// the default one with the offset added to its current time, so a trigger's
// julianday('now') agrees with SystemClock. Without the offset, the default VFS.
#pragma once

namespace kiosk {

// The VFS name to give sqlite3_open_v2: nullptr (the default VFS) unless the
// test clock is offset, then the shifted VFS (registered on first use).
const char* vfs_for_process_clock();

}  // namespace kiosk
