// The shifted VFS: a copy of the default VFS whose clock methods add the test
// clock offset; every file operation is the default VFS's own.
#include "store/shifted_clock_vfs.h"

#include <sqlite3.h>

#include <stdexcept>

#include "core/clock.h"

namespace kiosk {
namespace {

constexpr double kMsPerDay = 86'400'000.0;

sqlite3_vfs g_default_vfs;  // the default VFS as SQLite registered it
sqlite3_vfs g_shifted_vfs;

int shifted_current_time_int64(sqlite3_vfs*, sqlite3_int64* julian_ms) {
  const int rc = g_default_vfs.xCurrentTimeInt64(&g_default_vfs, julian_ms);
  *julian_ms += test_clock_offset_ms();
  return rc;
}

int shifted_current_time(sqlite3_vfs*, double* julian_days) {
  const int rc = g_default_vfs.xCurrentTime(&g_default_vfs, julian_days);
  *julian_days += static_cast<double>(test_clock_offset_ms()) / kMsPerDay;
  return rc;
}

const char* register_shifted_vfs() {
  sqlite3_vfs* base = sqlite3_vfs_find(nullptr);
  if (base == nullptr || base->iVersion < 2 || base->xCurrentTimeInt64 == nullptr)
    throw std::runtime_error("SQLite's default VFS has no xCurrentTimeInt64: the test clock cannot shift it");
  g_default_vfs = *base;
  g_shifted_vfs = *base;
  g_shifted_vfs.zName = "kiosk-test-clock";
  g_shifted_vfs.pNext = nullptr;
  g_shifted_vfs.xCurrentTime = shifted_current_time;
  g_shifted_vfs.xCurrentTimeInt64 = shifted_current_time_int64;
  if (sqlite3_vfs_register(&g_shifted_vfs, 0) != SQLITE_OK)
    throw std::runtime_error("cannot register the test clock VFS");
  return g_shifted_vfs.zName;
}

}  // namespace

const char* vfs_for_process_clock() {
  if (test_clock_offset_ms() == 0) return nullptr;
  static const char* const name = register_shifted_vfs();
  return name;
}

}  // namespace kiosk
