// libpq for HQ's PostgreSQL engine (pg_connection.h): connecting and
// reconnecting, ?N statements prepared as $N, parameters as UTF-8 text, and
// SQLSTATEs mapped to the kinds of StorageFailure.
#include "hq/pg_connection.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iterator>
#include <vector>

#include "core/text.h"

namespace kiosk::hq {
namespace {

// The SQLSTATEs another writer causes (a conflict, a deadlock, a lock or
// statement timeout): the transaction may succeed when run again.
constexpr std::string_view kBusyStates[] = {"40001", "40P01", "23505", "55P03", "57014"};
// The server is going away or has no room for this connection.
constexpr std::string_view kUnavailableStates[] = {"57P01", "57P02", "57P03", "53300"};

StorageFailure::Kind kind_of(std::string_view sqlstate) {
  const auto among = [&](const auto& states) {
    return std::find(std::begin(states), std::end(states), sqlstate) != std::end(states);
  };
  if (among(kBusyStates)) return StorageFailure::Kind::Busy;
  // Class 08 is the connection's, except 08P01: this program sent a bad message (a parameter too many).
  if ((sqlstate.substr(0, 2) == "08" && sqlstate != "08P01") || among(kUnavailableStates))
    return StorageFailure::Kind::Unavailable;
  if (sqlstate == "53100") return StorageFailure::Kind::DiskFull;
  if (sqlstate == "25006") return StorageFailure::Kind::ReadOnly;  // a read-only transaction: a standby
  return StorageFailure::Kind::Failed;
}

// libpq's message on one line: it ends in a newline and puts details and hints on lines of their own.
std::string one_line(std::string_view message) {
  std::string line;
  for (std::size_t i = 0; i < message.size();) {
    if (message[i] != '\n' && message[i] != '\r') {
      line += message[i++];
      continue;
    }
    i = std::min(message.find_first_not_of(" \t\r\n", i), message.size());
    if (!line.empty() && i < message.size()) line += ' ';
  }
  while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
  return line;
}

// `sql` with each ?N outside string literals as $N, PostgreSQL's parameter.
std::string pg_placeholders(const std::string& sql) {
  std::string pg = sql;
  bool in_literal = false;  // '' inside a literal toggles twice
  for (std::size_t i = 0; i < pg.size(); ++i) {
    if (pg[i] == '\'')
      in_literal = !in_literal;
    else if (pg[i] == '?' && !in_literal && i + 1 < pg.size() && std::isdigit(static_cast<unsigned char>(pg[i + 1])))
      pg[i] = '$';
  }
  return pg;
}

// Parameters as libpq takes them: NUL-terminated text, or a null pointer for NULL.
class TextParams {
 public:
  explicit TextParams(SqlParams params) {
    texts_.reserve(params.size());  // no reallocation: values_ points into texts_
    for (const SqlParam& param : params) {
      texts_.push_back(text_of(param));
      values_.push_back(param.is_null() ? nullptr : texts_.back().c_str());
    }
  }
  int count() const { return static_cast<int>(values_.size()); }
  const char* const* values() const { return values_.data(); }

 private:
  static std::string text_of(const SqlParam& param) {
    if (const std::int64_t* integer = param.integer()) return std::to_string(*integer);
    if (const std::string_view* text = param.text()) return valid_utf8(*text);
    return {};
  }

  std::vector<std::string> texts_;
  std::vector<const char*> values_;
};

}  // namespace

std::string redact_url(const std::string& url) {
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return url;
  const std::size_t authority = scheme_end + 3;
  // As libpq reads it, the user ends at the '@' before the path; the last one
  // there, so that an unescaped '@' in the password is not shown either.
  const std::size_t at = url.rfind('@', url.find('/', authority));
  std::string redacted = url.substr(0, authority);
  std::size_t host = authority;
  if (at != std::string::npos && at >= authority) {
    const std::size_t user_end = std::min(url.find(':', authority), at);
    if (user_end > authority) redacted += url.substr(authority, user_end - authority) + "@";
    host = at + 1;
  }
  return redacted + url.substr(host, url.find('?', host) - host);
}

std::int64_t rows_changed(PGresult* result) {
  const char* count = PQcmdTuples(result);
  return count && *count ? std::strtoll(count, nullptr, 10) : 0;
}

std::string valid_utf8(std::string_view text) {
  if (text.find('\0') == std::string_view::npos && utf8_length(text)) return std::string(text);
  std::string valid;
  valid.reserve(text.size() + 8);
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t character = 0;
    const std::size_t length = utf8_decode_at(text, pos, character);
    if (character == 0 || character == U'\uFFFD')
      valid += "\xEF\xBF\xBD";
    else
      valid.append(text.substr(pos, length));
    pos += length;
  }
  return valid;
}

Result<std::unique_ptr<PgConnection>> PgConnection::connect(const std::string& url) {
  // Keywords after dbname (the URL) override what the URL says; those before it are defaults.
  const char* const keywords[] = {"connect_timeout", "dbname", "client_encoding", nullptr};
  const char* const values[] = {"3", url.c_str(), "UTF8", nullptr};
  PGconn* conn = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
  if (PQstatus(conn) != CONNECTION_OK) {
    const std::string reason = one_line(PQerrorMessage(conn));
    PQfinish(conn);
    return storage_error("cannot connect to PostgreSQL at " + redact_url(url) + ": " + reason);
  }
  std::unique_ptr<PgConnection> connection(new PgConnection(conn, redact_url(url)));
  try {
    connection->apply_session_settings();
  } catch (const StorageFailure& e) {
    return storage_error_of(e);
  }
  return Result<std::unique_ptr<PgConnection>>(std::move(connection));
}

PgConnection::~PgConnection() { PQfinish(conn_); }

void PgConnection::ensure() {
  // A server that restarted closed this connection, but libpq notices only
  // when it reads: the first read takes the server's farewell, the second
  // meets the end of the stream. Neither waits.
  for (int read = 0; read < 2 && PQstatus(conn_) == CONNECTION_OK; ++read) PQconsumeInput(conn_);
  if (PQstatus(conn_) == CONNECTION_OK) return;
  PQreset(conn_);
  statements_.clear();  // the server forgot them with the old session
  if (PQstatus(conn_) != CONNECTION_OK) fail(StorageFailure::Kind::Unavailable, one_line(PQerrorMessage(conn_)));
  apply_session_settings();
}

PgResult PgConnection::exec(const std::string& sql, SqlParams params) {
  const std::string& name = prepared(sql);
  const TextParams text(params);
  return checked(PQexecPrepared(conn_, name.c_str(), text.count(), text.values(), nullptr, nullptr, 0));
}

PgResult PgConnection::exec_once(const std::string& sql, SqlParams params) {
  const TextParams text(params);
  return checked(
      PQexecParams(conn_, pg_placeholders(sql).c_str(), text.count(), nullptr, text.values(), nullptr, nullptr, 0));
}

void PgConnection::exec_script(const std::string& sql) { checked(PQexec(conn_, sql.c_str())); }

void PgConnection::fail(StorageFailure::Kind kind, const std::string& what) const {
  throw StorageFailure(kind, "PostgreSQL at " + where_ + ": " + what);
}

void PgConnection::apply_session_settings() {
  exec_script("SET lock_timeout = '5s'; SET statement_timeout = '30s'; SET application_name = 'hq'");
}

const std::string& PgConnection::prepared(const std::string& sql) {
  const auto found = statements_.find(sql);
  if (found != statements_.end()) return found->second;
  std::string name = "s" + std::to_string(++statements_made_);
  checked(PQprepare(conn_, name.c_str(), pg_placeholders(sql).c_str(), 0, nullptr));
  return statements_.emplace(sql, std::move(name)).first->second;
}

PgResult PgConnection::checked(PGresult* raw) const {
  PgResult result(raw);
  const ExecStatusType status = PQresultStatus(raw);  // PGRES_FATAL_ERROR when there is no result
  if (raw && (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)) return result;
  throw failure_of(raw);
}

StorageFailure PgConnection::failure_of(const PGresult* raw) const {
  const char* sqlstate = raw ? PQresultErrorField(raw, PG_DIAG_SQLSTATE) : nullptr;
  const bool gone = !raw || PQstatus(conn_) == CONNECTION_BAD;
  const StorageFailure::Kind kind = gone ? StorageFailure::Kind::Unavailable : kind_of(sqlstate ? sqlstate : "");
  std::string message = one_line(raw ? PQresultErrorMessage(raw) : "");
  if (message.empty()) message = one_line(PQerrorMessage(conn_));
  if (message.empty()) message = PQresStatus(PQresultStatus(raw));
  return StorageFailure(kind, "PostgreSQL at " + where_ + ": " + message);
}

std::vector<bool> PgConnection::exec_pipelined(const std::string& sql,
                                               const std::vector<std::vector<SqlParam>>& param_sets) {
  constexpr std::size_t kPipelineDepth = 200;
  const std::string& name = prepared(sql);
  std::vector<bool> returned;
  returned.reserve(param_sets.size());
  for (std::size_t begin = 0; begin < param_sets.size(); begin += kPipelineDepth)
    pipeline_run(name, param_sets, begin, std::min(param_sets.size(), begin + kPipelineDepth), returned);
  return returned;
}

void PgConnection::pipeline_run(const std::string& name, const std::vector<std::vector<SqlParam>>& param_sets,
                                std::size_t begin, std::size_t end, std::vector<bool>& returned) {
  if (PQenterPipelineMode(conn_) != 1) fail(StorageFailure::Kind::Failed, "cannot enter pipeline mode");
  bool sent = true;
  for (std::size_t i = begin; i < end && sent; ++i) {
    const TextParams text(param_sets[i]);
    sent = PQsendQueryPrepared(conn_, name.c_str(), text.count(), text.values(), nullptr, nullptr, 0) == 1;
  }
  if (!sent || PQpipelineSync(conn_) != 1) {
    const StorageFailure failure = failure_of(nullptr);
    PQreset(conn_);  // leaves pipeline mode; the transaction is lost either way
    statements_.clear();
    throw failure;
  }
  // Each statement's answer ends with a null result; an error aborts the
  // ones after it (PGRES_PIPELINE_ABORTED) up to the sync.
  std::optional<StorageFailure> failure;
  const std::size_t most_results = 2 * (end - begin) + 1;
  for (std::size_t read = 0; read <= most_results; ++read) {
    PgResult result(PQgetResult(conn_));
    if (!result.get()) {
      if (PQstatus(conn_) == CONNECTION_BAD) {
        failure = failure_of(nullptr);
        break;
      }
      continue;
    }
    const ExecStatusType status = PQresultStatus(result.get());
    if (status == PGRES_PIPELINE_SYNC) break;
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
      returned.push_back(rows_changed(result.get()) > 0);
    else if (status != PGRES_PIPELINE_ABORTED && !failure)
      failure = failure_of(result.get());
  }
  PQexitPipelineMode(conn_);
  if (failure) throw *failure;
  if (returned.size() != end) fail(StorageFailure::Kind::Failed, "a pipeline lost an answer");
}

}  // namespace kiosk::hq
