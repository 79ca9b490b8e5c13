// What both of HQ's database engines share: reading one row or one number,
// choosing the engine from `--db`, and what opening a database to migrate
// must build in C++ from the rows already there: the figures of schema 4, the
// default help articles a database without any takes (schema 9), the
// follow-up tasks and complaints of schema 10.
#include "hq/hq_db.h"

#include "hq/figure_store.h"
#include "hq/followup_tasks.h"
#include "hq/kb_articles.h"
#include "hq/pg_hq_db.h"
#include "hq/sqlite_hq_db.h"

namespace kiosk::hq {

bool HqDb::first(const std::string& sql, SqlParams params, const RowFn& row) {
  bool found = false;
  each(sql, params, [&](const SqlRow& r) {
    if (found) return;
    found = true;
    if (row) row(r);
  });
  return found;
}

std::vector<bool> HqDb::run_each(const std::string& sql, const std::vector<std::vector<SqlParam>>& param_sets) {
  std::vector<bool> returned;
  returned.reserve(param_sets.size());
  for (const std::vector<SqlParam>& params : param_sets) returned.push_back(run(sql, params) > 0);
  return returned;
}

std::optional<std::int64_t> HqDb::single_int64(const std::string& sql, SqlParams params) {
  std::optional<std::int64_t> value;
  first(sql, params, [&](const SqlRow& r) { value = r.optional_int64(0); });
  return value;
}

Error storage_error_of(const StorageFailure& e) {
  if (e.kind() == StorageFailure::Kind::DiskFull)
    return {ErrorKind::Storage,
            "HQ's database disk is full: nothing of this was stored. Free space on HQ's database server; devices send "
            "again by themselves once there is room.",
            "disk-full"};
  if (e.kind() == StorageFailure::Kind::ReadOnly)
    return {ErrorKind::Storage,
            "HQ's database takes no writes (a read-only disk or a standby server): nothing of this was stored. Have "
            "HQ's database checked; devices send again by themselves.",
            "read-only"};
  return storage_error(e.what());
}

bool is_postgresql_url(std::string_view db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<HqDb>> open_hq_db(const std::string& db, OpenMode mode) {
  Result<std::unique_ptr<HqDb>> opened =
      is_postgresql_url(db) ? open_postgresql_hq_db(db, mode) : open_sqlite_hq_db(db, mode);
  if (!opened || mode != OpenMode::Migrate) return opened;
  return hq_guarded([&]() -> Result<std::unique_ptr<HqDb>> {
    SystemClock clock;
    build_figures_if_needed(*opened.value(), clock.now_ms());
    fill_followups_if_needed(*opened.value(), clock.now_ms());
    if (Result<Done> seeded = seed_default_kb_articles(*opened.value(), clock); !seeded) return seeded.error();
    return std::move(opened).value();
  });
}

}  // namespace kiosk::hq
