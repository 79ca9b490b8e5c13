// A thin layer over libpq for HQ's PostgreSQL engine (pg_hq_db.h): one
// connection with its session settings, statements in the common dialect
// (?N parameters, sent as text) prepared once per connection, results freed
// by RAII, and every failure as a StorageFailure of the right kind (busy,
// unavailable, failed) whose message names the server without its password.
#pragma once

#include <libpq-fe.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "hq/hq_db.h"

namespace kiosk::hq {

// `url` without its password (and without its query string, which may hold
// one): postgresql://user:pass@host:port/db?x -> postgresql://user@host:port/db.
std::string redact_url(const std::string& url);

// `text` as PostgreSQL accepts it: each malformed UTF-8 sequence and each NUL
// byte (both of which SQLite stores) becomes U+FFFD.
std::string valid_utf8(std::string_view text);

// The result of one statement (text format); PQclear when it goes.
class PgResult {
 public:
  explicit PgResult(PGresult* result) : result_(result) {}
  PGresult* get() const { return result_.get(); }
  int rows() const { return PQntuples(get()); }
  int columns() const { return PQnfields(get()); }
  bool is_null(int row, int column) const { return PQgetisnull(get(), row, column) != 0; }
  std::string_view value(int row, int column) const {
    return {PQgetvalue(get(), row, column), static_cast<std::size_t>(PQgetlength(get(), row, column))};
  }
  Oid type(int column) const { return PQftype(get(), column); }

 private:
  struct Clear {
    void operator()(PGresult* result) const { PQclear(result); }
  };
  std::unique_ptr<PGresult, Clear> result_;
};

// How many rows an INSERT, UPDATE or DELETE changed (PQcmdTuples); 0 for others.
std::int64_t rows_changed(PGresult* result);

// One connection, used by one thread at a time.
class PgConnection {
 public:
  // Connects (connect_timeout 3 s unless `url` sets one; UTF-8; lock_timeout
  // 5 s, statement_timeout 30 s). The error is one line: "cannot connect to
  // PostgreSQL at <url without password>: <reason>".
  static Result<std::unique_ptr<PgConnection>> connect(const std::string& url);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  const std::string& where() const { return where_; }

  // Reconnects when the connection is gone (the server restarted): call it
  // before a statement outside a transaction, never inside one.
  void ensure();
  // Runs a statement of the common dialect, prepared on first use.
  PgResult exec(const std::string& sql, SqlParams params = {});
  // Runs a prepared statement once per parameter set in pipeline mode, in
  // runs of a bounded depth (so neither side's socket buffer fills while the
  // other waits); for each, whether it changed a row. The first failure is
  // thrown after its run was read to the end.
  std::vector<bool> exec_pipelined(const std::string& sql, const std::vector<std::vector<SqlParam>>& param_sets);
  // Runs a statement of the common dialect once, without keeping it prepared.
  PgResult exec_once(const std::string& sql, SqlParams params);
  // Runs statements without parameters, separated by ';' (BEGIN, a migration).
  void exec_script(const std::string& sql);
  PGTransactionStatusType transaction_status() const { return PQtransactionStatus(conn_); }

  // Throws "PostgreSQL at <where>: <what>".
  [[noreturn]] void fail(StorageFailure::Kind kind, const std::string& what) const;

 private:
  PgConnection(PGconn* conn, std::string where) : conn_(conn), where_(std::move(where)) {}
  void apply_session_settings();
  const std::string& prepared(const std::string& sql);
  PgResult checked(PGresult* result) const;
  StorageFailure failure_of(const PGresult* result) const;
  // Sends param_sets[begin, end) and a sync; reads every answer up to the sync.
  void pipeline_run(const std::string& name, const std::vector<std::vector<SqlParam>>& param_sets, std::size_t begin,
                    std::size_t end, std::vector<bool>& returned);

  PGconn* conn_;
  std::string where_;
  std::unordered_map<std::string, std::string> statements_;  // SQL text -> name of its prepared statement
  int statements_made_ = 0;
};

}  // namespace kiosk::hq
