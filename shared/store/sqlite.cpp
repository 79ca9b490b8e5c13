// SQLite connection, statements and transactions; the open sequence that
// refuses foreign or damaged files before anything writes to them.
#include "store/sqlite.h"

#include <cerrno>
#include <cstdio>
#include <mutex>

#include "store/shifted_clock_vfs.h"

namespace kiosk {
namespace {

// `system_errno` is read before anything (a reset) could change it.
[[noreturn]] void fail(sqlite3* db, int code, const std::string& what, int system_errno) {
  throw SqliteError(code, what + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(code)), system_errno);
}

// Reads the 4-byte big-endian application_id from the database header without
// opening it through SQLite, so a foreign file is refused before SQLite could
// touch it (WAL recovery, hot journal rollback).
std::optional<std::uint32_t> header_application_id(const std::string& path, bool* is_sqlite) {
  *is_sqlite = false;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return std::nullopt;
  unsigned char header[100];
  const std::size_t got = std::fread(header, 1, sizeof header, f);
  std::fclose(f);
  if (got == 0) return std::nullopt;  // empty file: SQLite treats it as a new database
  static const char kMagic[] = "SQLite format 3";
  if (got < sizeof header || std::string(reinterpret_cast<char*>(header), 15) != kMagic) return 0;
  *is_sqlite = true;
  return (std::uint32_t(header[68]) << 24) | (std::uint32_t(header[69]) << 16) | (std::uint32_t(header[70]) << 8) |
         std::uint32_t(header[71]);
}

// Connections this process has open, per path. fcntl locks belong to the
// process: closing any descriptor of a file drops every lock the process holds
// on it, SQLite's too, and another process (an `hq` admin command beside the
// server) would then take the file for unused on closing and delete the WAL
// under our connections. So the header is read raw only while this process
// holds no connection to the file.
std::mutex g_open_paths_mutex;
std::map<std::string, int> g_open_paths;

void release_path(const std::string& path) {
  std::lock_guard lock(g_open_paths_mutex);
  if (--g_open_paths[path] == 0) g_open_paths.erase(path);
}

}  // namespace

// [SECTION] SqliteError

bool SqliteError::is_disk_full() const {
  return primary() == SQLITE_FULL || (primary() == SQLITE_IOERR && system_errno_ == ENOSPC);
}

bool SqliteError::is_read_only() const {
  return primary() == SQLITE_READONLY ||
         ((primary() == SQLITE_IOERR || primary() == SQLITE_CANTOPEN) && system_errno_ == EROFS);
}

// [SECTION] Statement

Statement::Statement(sqlite3* db, const std::string& sql) : db_(db) {
  const int rc = sqlite3_prepare_v3(db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) fail(db, rc, "prepare \"" + sql + "\"", sqlite3_system_errno(db));
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
  sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind(int index, std::nullopt_t) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  const int system_errno = sqlite3_system_errno(db_);
  const std::string sql = sqlite3_sql(stmt_);
  sqlite3_reset(stmt_);
  fail(db_, rc, "run \"" + sql + "\"", system_errno);
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::text(int column) const {
  const unsigned char* p = sqlite3_column_text(stmt_, column);
  return p ? std::string(reinterpret_cast<const char*>(p),
                         static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
           : std::string();
}

std::string Statement::blob(int column) const {
  const void* p = sqlite3_column_blob(stmt_, column);
  return p ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
           : std::string();
}

std::optional<std::int64_t> Statement::optional_int64(int column) const {
  if (is_null(column)) return std::nullopt;
  return int64(column);
}

// [SECTION] Database

Database::Database(const std::string& path, Mode mode, std::uint32_t application_id) : path_(path) {
  std::optional<std::uint32_t> found_id;
  bool first_in_process = false;
  {
    std::lock_guard lock(g_open_paths_mutex);
    first_in_process = g_open_paths.count(path) == 0;
    if (first_in_process) {
      bool is_sqlite = false;
      found_id = header_application_id(path, &is_sqlite);
      if (found_id && !is_sqlite)
        throw SqliteError(SQLITE_NOTADB, path + " is not a SQLite database; refusing to open it");
      if (found_id && *found_id != application_id) {
        char text[160];
        std::snprintf(text, sizeof text,
                      " is a SQLite database of another application (application_id 0x%08x, expected 0x%08x); refusing "
                      "to open it",
                      *found_id, application_id);
        throw SqliteError(SQLITE_NOTADB, path + text);
      }
    } else {
      found_id = application_id;  // checked when this process opened it first
    }
    ++g_open_paths[path];
  }

  const int flags =
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (mode == Mode::CreateIfMissing ? SQLITE_OPEN_CREATE : 0);
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, vfs_for_process_clock());
  if (rc != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    const int system_errno = db_ ? sqlite3_system_errno(db_) : 0;
    sqlite3_close(db_);
    db_ = nullptr;
    release_path(path);
    throw SqliteError(rc, "cannot open " + path + ": " + message, system_errno);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, 10000);
  try {
    // SQLite opens a file it cannot write read-only, and such a connection
    // stayed read-only after the disk was writable again: refused instead, so
    // the next open, once the disk is back, writes.
    if (sqlite3_db_readonly(db_, "main") == 1)
      throw SqliteError(SQLITE_READONLY, "cannot open " + path + " for writing (a read-only disk or file)");
    // quick_check reads every page (structure, records, NOT NULL) but skips the
    // index-content cross check, so opening stays fast as history grows. Once
    // per process: a server's later per-thread connections do not read the
    // whole file again.
    if (first_in_process) {
      Statement check(db_, "PRAGMA quick_check");
      std::string verdict;
      while (check.step()) verdict += (verdict.empty() ? "" : "; ") + check.text(0);
      if (verdict != "ok") throw SqliteError(SQLITE_CORRUPT, path + " failed its integrity check: " + verdict);
    }
    // A new file gets its application_id before WAL mode, so the id is in the
    // main file's header at once (in WAL mode it would sit in the -wal file
    // until a checkpoint, and the header check above would refuse the file).
    if (!found_id && mode == Mode::CreateIfMissing) exec("PRAGMA application_id = " + std::to_string(application_id));
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
    exec("PRAGMA foreign_keys=ON");
  } catch (const SqliteError& e) {
    sqlite3_close(db_);
    db_ = nullptr;
    release_path(path);
    if ((e.code() & 0xFF) == SQLITE_NOTADB || (e.code() & 0xFF) == SQLITE_CORRUPT)
      throw SqliteError(e.code(),
                        std::string(e.what()).find(path) == std::string::npos
                            ? path + " is damaged and cannot be used (" + e.what() + ")"
                            : e.what(),
                        e.system_errno());
    throw;
  }
}

Database::~Database() {
  statements_.clear();
  sqlite3_close(db_);
  release_path(path_);
}

void Database::exec(const std::string& sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    const std::string text = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    throw SqliteError(rc, text, sqlite3_system_errno(db_));
  }
}

Statement& Database::prepare(const std::string& sql) {
  auto& slot = statements_[sql];
  if (!slot) slot = std::make_unique<Statement>(db_, sql);
  slot->reset();
  return *slot;
}

std::int64_t Database::pragma_int(const std::string& pragma) {
  Statement& s = prepare("PRAGMA " + pragma);
  const std::int64_t value = s.step() ? s.int64(0) : 0;
  s.reset();
  return value;
}

// [SECTION] Transaction

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!done_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

ReadTransaction::ReadTransaction(Database& db) : db_(db) { db_.exec("BEGIN DEFERRED"); }

ReadTransaction::~ReadTransaction() { sqlite3_exec(db_.handle(), "COMMIT", nullptr, nullptr, nullptr); }

}  // namespace kiosk
