// Runs a body of storage work and turns a SqliteError it throws into a
// "storage" Result error, for the books and stores whose operations return
// Result<T> and must never let an exception reach their callers.
#pragma once

#include "core/result.h"
#include "store/sqlite.h"

namespace kiosk {

template <class Body>
auto storage_guarded(Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const SqliteError& e) {
    return storage_error(e.what());
  }
}

}  // namespace kiosk
