// Runs a body of storage work and turns a SqliteError it throws into a
// "storage" Result error, for the books and stores whose operations return
// Result<T> and must never let an exception reach their callers; the one way
// to do that in this project (shared/, hq/).
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
