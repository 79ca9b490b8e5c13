// The field tablet's database file, DIR/technician.db: made on first use
// (the dir too) with its incarnation, opened with the checks every database
// of this project gets (a foreign, damaged or newer file is refused
// untouched), WAL with synchronous=FULL, and secure_delete so what a purge or
// a wipe deletes is overwritten rather than left in free pages; with the key
// that seals customers' details in it (DIR/technician.key, field_secrets.h).
#pragma once

#include <memory>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "field/field_secrets.h"
#include "store/sqlite.h"

namespace kiosk {

class FieldDb {
 public:
  static std::string file_in(const std::string& dir);
  static std::string key_file_in(const std::string& dir);

  // Opens (one connection: one per thread), creating on first use.
  static Result<std::unique_ptr<FieldDb>> open(const std::string& dir, EpochMs now);

  Database& db() { return *db_; }
  const FieldSecrets& secrets() const { return secrets_; }

 private:
  FieldDb(std::unique_ptr<Database> db, FieldSecrets secrets) : db_(std::move(db)), secrets_(secrets) {}
  std::unique_ptr<Database> db_;
  FieldSecrets secrets_;
};

}  // namespace kiosk
