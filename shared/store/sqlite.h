// A thin RAII layer over SQLite: a connection, prepared statements that are kept
// and reset, and a transaction that rolls back unless committed.
// One Database per thread; never share a connection between threads.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kiosk {

// Thrown by the SQLite layer; store code turns it into a Result at its boundary
// (store/storage_guard.h).
class SqliteError : public std::runtime_error {
 public:
  // `system_errno`: the OS error behind an I/O failure (sqlite3_system_errno
  // when it was thrown), 0 when there was none.
  SqliteError(int code, const std::string& message, int system_errno = 0)
      : std::runtime_error(message), code_(code), system_errno_(system_errno) {}
  int code() const { return code_; }
  int system_errno() const { return system_errno_; }
  bool is_busy() const { return primary() == SQLITE_BUSY || primary() == SQLITE_LOCKED; }
  // SQLITE_FULL, or an I/O error whose cause was ENOSPC.
  bool is_disk_full() const;
  // SQLITE_READONLY*, or an I/O error or a file that could not be opened on a
  // read-only file system (EROFS).
  bool is_read_only() const;

 private:
  int primary() const { return code_ & 0xFF; }
  int code_;
  int system_errno_;
};

class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binding is 1-based like SQLite's; returns *this to chain.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, std::nullopt_t);
  Statement& bind_blob(int index, std::string_view bytes);  // bytes as a BLOB, not TEXT
  template <class T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind(index, std::nullopt);
  }

  bool step();   // true while a row is available
  void run();    // steps a statement that returns no rows
  void reset();  // ready to run again, bindings cleared

  bool is_null(int column) const;
  std::int64_t int64(int column) const;
  int int32(int column) const { return static_cast<int>(int64(column)); }
  std::string text(int column) const;
  std::string blob(int column) const;  // a BLOB's bytes
  std::optional<std::int64_t> optional_int64(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  enum class Mode { OpenExisting, CreateIfMissing };

  // Opens a store database. Refuses (SqliteError) a file that is not SQLite, a
  // SQLite file of another application, or one that fails the integrity check
  // (PRAGMA quick_check, run when this process opens the file first: further
  // connections, one per server thread, do not read the whole file again); a
  // refused file is never modified.
  Database(const std::string& path, Mode mode, std::uint32_t application_id);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  void exec(const std::string& sql);
  // A prepared statement, compiled once per connection and reset before reuse.
  Statement& prepare(const std::string& sql);
  std::int64_t pragma_int(const std::string& pragma);

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
  std::map<std::string, std::unique_ptr<Statement>> statements_;
};

// BEGIN IMMEDIATE on construction (takes the write lock up front, so two
// processes never both read "next" and then both write it); ROLLBACK on
// destruction unless commit() ran.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

// BEGIN DEFERRED: several reads see one snapshot and pay for the file lock
// once; no write lock is taken, so in WAL mode writers go on meanwhile. Ends
// (COMMIT of nothing) on destruction.
class ReadTransaction {
 public:
  explicit ReadTransaction(Database& db);
  ~ReadTransaction();
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  Database& db_;
};

}  // namespace kiosk
