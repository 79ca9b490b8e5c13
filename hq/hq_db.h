// HQ's database, one interface and two engines: an SQLite file (the default:
// `--db FILE`, nothing to install) and PostgreSQL (`--db postgresql://...`,
// several hq processes on one server). HQ's code writes its SQL once, in the
// dialect both engines take (?N parameters, ON CONFLICT upserts,
// CAST(?N AS TEXT) where a parameter's type is not implied), and asks the
// engine for the few things that differ: the schema, the change feed's order,
// row locks and a JSON field. Every failure is a StorageFailure.
// docs/hq.md (engines) and docs/hq-scale.md (why the feed and locks are so).
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace kiosk::hq {

// 'KHQ1': written into every HQ database (SQLite: application_id; PostgreSQL:
// hq_meta); a database without it is refused.
constexpr std::uint32_t kHqApplicationId = 0x4B485131;

// The schema version this program writes (the same numbers on both engines).
constexpr int kHqSchemaVersion = 10;

// The only storage exception HQ's code sees.
class StorageFailure : public std::runtime_error {
 public:
  enum class Kind {
    Busy,         // a lock or a conflict with another writer: try again at once (503 busy)
    Unavailable,  // the database cannot be reached (503 storage)
    DiskFull,     // the database's disk is full (503 disk-full)
    ReadOnly,     // the database takes no writes: a read-only disk, a standby (503 read-only)
    Failed,       // anything else: a damaged file (503 storage)
  };
  StorageFailure(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// One parameter of a statement: NULL, an integer or text. Text is only
// referred to: it must outlive the call (a temporary in the call does).
class SqlParam {
 public:
  SqlParam(std::nullopt_t) {}
  SqlParam(std::int64_t value) : value_(value) {}
  SqlParam(int value) : value_(std::int64_t(value)) {}
  SqlParam(const std::string& value) : value_(std::string_view(value)) {}
  SqlParam(const char* value) : value_(std::string_view(value)) {}
  template <class T>
  SqlParam(const std::optional<T>& value) {
    if (value) *this = SqlParam(*value);
  }
  bool is_null() const { return std::holds_alternative<std::monostate>(value_); }
  const std::int64_t* integer() const { return std::get_if<std::int64_t>(&value_); }
  const std::string_view* text() const { return std::get_if<std::string_view>(&value_); }

 private:
  std::variant<std::monostate, std::int64_t, std::string_view> value_;
};
// The parameters of one statement: a braced list, or a vector built at run
// time. Only referred to, for the call it is passed to (a braced list's array
// lives until the end of that call's full expression).
class SqlParams {
 public:
  SqlParams(std::initializer_list<SqlParam> list) {
    begin_ = list.begin();
    size_ = list.size();
  }
  SqlParams(const std::vector<SqlParam>& list) : begin_(list.data()), size_(list.size()) {}
  const SqlParam* begin() const { return begin_; }
  const SqlParam* end() const { return begin_ + size_; }
  std::size_t size() const { return size_; }

 private:
  const SqlParam* begin_ = nullptr;
  std::size_t size_ = 0;
};

// One row of a result, valid during the callback that receives it.
class SqlRow {
 public:
  virtual ~SqlRow() = default;
  virtual bool is_null(int column) const = 0;
  virtual std::int64_t int64(int column) const = 0;
  virtual std::string text(int column) const = 0;
  std::optional<std::int64_t> optional_int64(int column) const {
    return is_null(column) ? std::nullopt : std::optional(int64(column));
  }
  std::optional<std::string> optional_text(int column) const {
    return is_null(column) ? std::nullopt : std::optional(text(column));
  }
};
using RowFn = std::function<void(const SqlRow&)>;

// One connection (one per thread; never shared between threads).
class HqDb {
 public:
  virtual ~HqDb() = default;

  virtual const char* engine() const = 0;  // "sqlite" | "postgresql"
  virtual std::string where() const = 0;   // the file, or the URL without its password

  // [SECTION] Statements (SQL in the common dialect above)
  // Returns how many rows the statement inserted, updated or deleted.
  virtual std::int64_t run(const std::string& sql, SqlParams params = {}) = 0;
  virtual void each(const std::string& sql, SqlParams params, const RowFn& row) = 0;
  // Passes the first row, if any, to `row`; true when there was one.
  bool first(const std::string& sql, SqlParams params, const RowFn& row = nullptr);
  // Runs one statement once per parameter set, in order; for each, whether it
  // inserted, updated or deleted a row. PostgreSQL sends many before it reads
  // their answers (pipeline mode): one round trip for a batch's records.
  virtual std::vector<bool> run_each(const std::string& sql, const std::vector<std::vector<SqlParam>>& param_sets);
  std::optional<std::int64_t> single_int64(const std::string& sql, SqlParams params);

  // [SECTION] Where the engines differ
  // `column`'s JSON text, member `field`, as SQL text (or a number on SQLite).
  virtual std::string json_field(const std::string& column, const std::string& field) const = 0;
  // ORDER BY this on table `record`: the order records were first stored.
  virtual const char* record_insertion_order() const = 0;
  // Appended to a SELECT of one row: keeps the row locked to this transaction
  // until it ends (SQLite: nothing; its write transactions are serial already).
  virtual const char* for_update() const = 0;
  // Holds `key` until this transaction ends: writers of one key run one after
  // another, also in other processes (SQLite: nothing, as above).
  virtual void lock_key(const std::string& key) = 0;

  // [SECTION] The change feed (store_id none: every store; technician_id: a
  // change only that technician's tablet reads, docs/hq-sync-protocol.md). One
  // order for every reader: a reader never sees a seq while a smaller one may
  // still come. Call inside the write transaction that makes the change.
  virtual void append_change(const std::optional<std::string>& store_id, const std::string& kind,
                             const std::string& key, const nlohmann::ordered_json& data, EpochMs now,
                             const std::optional<std::string>& technician_id) = 0;
  // Every seq up to the head is committed and visible.
  virtual std::int64_t feed_head() = 0;
  // After rows were copied into change_log (hq copy): the next change gets a
  // seq above `head`.
  virtual void adopt_feed_head(std::int64_t head) = 0;

  // [SECTION] Transactions
  // Runs `body()` in one write transaction and commits it, unless the body
  // returned an error Result. A body that fails Busy (another writer) is run
  // again from the start, a few times, so a body must do nothing outside the
  // database. Reads outside write() run each on its own.
  template <class Body>
  auto write(Body&& body) -> decltype(body());

 protected:
  virtual void begin_write() = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;
  virtual int write_attempts() const = 0;

 private:
  template <class T>
  static bool committable(const Result<T>& result) {
    return result.ok();
  }
  template <class T>
  static bool committable(const T&) {
    return true;
  }
};

template <class Body>
auto HqDb::write(Body&& body) -> decltype(body()) {
  for (int attempt = 1;; ++attempt) {
    begin_write();
    try {
      auto result = body();
      if (committable(result))
        commit();
      else
        rollback();
      return result;
    } catch (const StorageFailure& e) {
      rollback();
      if (e.kind() != StorageFailure::Kind::Busy || attempt >= write_attempts()) throw;
    } catch (...) {
      rollback();
      throw;
    }
  }
}

// A StorageFailure as the domain's Error: the code "disk-full" or "read-only"
// with words that say what to do (docs/reliability.md), else a plain storage
// error with the failure's message.
Error storage_error_of(const StorageFailure& e);

// Runs a body of storage work and turns a StorageFailure into a storage
// Result error (storage_error_of): for operations that return Result<T>.
template <class Body>
auto hq_guarded(Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const StorageFailure& e) {
    return storage_error_of(e);
  }
}

enum class OpenMode {
  Migrate,      // create the schema or bring it up to this program's version (and seed it: hq_db.cpp)
  CheckSchema,  // refuse unless the schema is this program's (a server's threads)
};

// "postgresql://..." or "postgres://..." opens PostgreSQL; anything else is an
// SQLite file (created when missing). Refuses a foreign or newer database
// without touching it; a database that cannot be reached is one line naming
// where (never a password).
Result<std::unique_ptr<HqDb>> open_hq_db(const std::string& db, OpenMode mode = OpenMode::Migrate);

// True when `db` names a PostgreSQL database.
bool is_postgresql_url(std::string_view db);

}  // namespace kiosk::hq
