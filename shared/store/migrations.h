// Schema migrations by PRAGMA user_version, for any of this project's SQLite
// files: migration N (1-based) brings a file from version N-1 to N, each in
// its own transaction; a file newer than the program is refused untouched.
#pragma once

#include <span>

#include "store/sqlite.h"

namespace kiosk {

// Applies the migrations `db` lacks, in order. Throws SqliteError when the
// file's user_version is above migrations.size() (written by a newer program).
void apply_migrations(Database& db, std::span<const char* const> migrations);

}  // namespace kiosk
