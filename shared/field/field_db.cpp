// Creating and opening the field tablet's database.
#include "field/field_db.h"

#include "core/random_id.h"
#include "field/field_schema.h"
#include "store/storage_guard.h"
#include "store/store_db.h"

namespace kiosk {

std::string FieldDb::file_in(const std::string& dir) { return dir + "/technician.db"; }

std::string FieldDb::key_file_in(const std::string& dir) { return dir + "/technician.key"; }

Result<std::unique_ptr<FieldDb>> FieldDb::open(const std::string& dir, EpochMs now) {
  if (auto problem = data_dir_problem(dir, /*create=*/true)) return *problem;
  Result<FieldSecrets> secrets = FieldSecrets::load_or_create(key_file_in(dir));
  if (!secrets) return secrets.error();
  return storage_guarded([&]() -> Result<std::unique_ptr<FieldDb>> {
    auto db = std::make_unique<Database>(file_in(dir), Database::Mode::CreateIfMissing, kFieldApplicationId);
    db->exec("PRAGMA secure_delete = ON");
    migrate_field_db(*db);
    // A file left without its row by an interrupted first start is completed.
    Transaction tx(*db);
    db->prepare("INSERT OR IGNORE INTO device_config(singleton, incarnation, created_at) VALUES (1, ?1, ?2)")
        .bind(1, new_uuid())
        .bind(2, now)
        .run();
    tx.commit();
    return std::unique_ptr<FieldDb>(new FieldDb(std::move(db), secrets.value()));
  });
}

}  // namespace kiosk
