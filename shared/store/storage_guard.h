// Turns a SqliteError into the domain's Error (docs/reliability.md, "A full or
// read-only disk"): the code "disk-full" or "read-only" with words that say
// what to do, or a plain storage error. storage_guarded runs a body of storage
// work that way, for the books and stores whose operations return Result<T>
// and must never let an exception reach their callers; the one way to do that
// in this project (shared/, hq/, kiosk/).
#pragma once

#include "core/result.h"
#include "store/sqlite.h"

namespace kiosk {

Error storage_error_from(const SqliteError& e);
// An OS error of the data dir or a file as the domain's Error: ENOSPC is
// "disk-full", EROFS "read-only", anything else a storage error of `message`.
Error storage_error_from_errno(int error_number, std::string message);

template <class Body>
auto storage_guarded(Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const SqliteError& e) {
    return storage_error_from(e);
  }
}

// storage_guarded inside one transaction on `db`: committed when the body's
// Result is ok, rolled back otherwise.
template <class Body>
auto storage_transaction(Database& db, Body&& body) -> decltype(body()) {
  return storage_guarded([&]() -> decltype(body()) {
    Transaction tx(db);
    auto result = body();
    if (result) tx.commit();
    return result;
  });
}

}  // namespace kiosk
