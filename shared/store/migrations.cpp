// Migrations by user_version (see migrations.h).
#include "store/migrations.h"

#include <string>

namespace kiosk {

void apply_migrations(Database& db, std::span<const char* const> migrations) {
  const int latest = static_cast<int>(migrations.size());
  const int found = static_cast<int>(db.pragma_int("user_version"));
  if (found > latest) {
    throw SqliteError(SQLITE_ERROR, db.path() + " was written by a newer version of this program (schema " +
                                        std::to_string(found) + ", this program knows up to " + std::to_string(latest) +
                                        "); refusing to use it");
  }
  for (int version = found + 1; version <= latest; ++version) {
    Transaction tx(db);
    db.exec(migrations[static_cast<std::size_t>(version - 1)]);
    db.exec("PRAGMA user_version = " + std::to_string(version));
    tx.commit();
  }
}

}  // namespace kiosk
