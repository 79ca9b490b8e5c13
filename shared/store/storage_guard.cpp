// A SqliteError or an OS error as the domain's Error (storage_guard.h).
#include "store/storage_guard.h"

#include <cerrno>

namespace kiosk {

Error storage_error_from(const SqliteError& e) {
  if (e.is_disk_full()) return storage_error_from_errno(ENOSPC, e.what());
  if (e.is_read_only()) return storage_error_from_errno(EROFS, e.what());
  return storage_error(e.what());
}

Error storage_error_from_errno(int error_number, std::string message) {
  if (error_number == ENOSPC)
    return {ErrorKind::Storage,
            "The store's disk is full: nothing was saved. Free space on the store PC; the kiosk goes on by itself "
            "once there is room.",
            "disk-full"};
  if (error_number == EROFS)
    return {ErrorKind::Storage,
            "The store's disk is read-only: nothing was saved. Have the store PC's disk checked (the system makes a "
            "failing disk read-only); the kiosk goes on by itself once it can write again.",
            "read-only"};
  return storage_error(std::move(message));
}

}  // namespace kiosk
