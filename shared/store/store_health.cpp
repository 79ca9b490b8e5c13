// The store's health: database size and integrity, free disk.
#include "store/store_health.h"

#include <sys/statvfs.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "store/storage_guard.h"

namespace kiosk {

Result<StoreHealth> read_store_space(StoreDb& store) {
  StoreHealth health;
  const std::string path = store.db().path();
  const std::string data_dir = std::filesystem::path(path).parent_path().string();
  std::error_code error;
  for (const std::string& file : {path, path + "-wal"}) {
    const std::uintmax_t size = std::filesystem::file_size(file, error);
    if (!error) health.database_bytes += std::int64_t(size);
  }
  struct statvfs disk {};
  if (::statvfs(data_dir.c_str(), &disk) != 0)
    return storage_error("cannot read the free space of " + data_dir + ": " + std::strerror(errno));
  health.disk_free_bytes = std::int64_t(disk.f_bavail) * std::int64_t(disk.f_frsize);
  health.disk_total_bytes = std::int64_t(disk.f_blocks) * std::int64_t(disk.f_frsize);
  return health;
}

Result<std::string> check_store_integrity(StoreDb& store) {
  std::string integrity;
  try {
    Statement check(store.db().handle(), "PRAGMA quick_check");
    while (check.step()) integrity += (integrity.empty() ? "" : "; ") + check.text(0);
  } catch (const SqliteError& e) {
    return storage_error_from(e);
  }
  return integrity;
}

Result<StoreHealth> read_store_health(StoreDb& store) {
  Result<StoreHealth> health = read_store_space(store);
  if (!health) return health;
  Result<std::string> integrity = check_store_integrity(store);
  if (!integrity) return integrity.error();
  health.value().integrity = std::move(integrity).value();
  return health;
}

}  // namespace kiosk
