// Result<T>: the value of an operation that can be refused or fail, without
// exceptions. Every domain operation in shared/ returns one; callers map the
// error kind to their own surface (kioskctl exit codes, HTTP statuses, UI text).
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace kiosk {

enum class ErrorKind {
  InvalidArgument,  // the request itself is wrong: unknown service, bad value
  Refused,          // a rule of the domain says no: queue empty, counter paused
  Storage,          // the database or the disk failed
  Unavailable,      // another machine cannot be reached or answered "busy": try again later
};

struct Error {
  ErrorKind kind;
  std::string message;  // English, for operators and logs
  std::string code;     // stable machine name where a screen must tell it apart ("already-rated")
};

// The codes of a storage error whose disk refuses writes (docs/reliability.md):
// nothing was saved, and a person must make room or check the disk.
inline bool is_disk_refusal(const std::string& code) { return code == "disk-full" || code == "read-only"; }

inline Error invalid_argument(std::string message, std::string code = {}) {
  return {ErrorKind::InvalidArgument, std::move(message), std::move(code)};
}
inline Error refused(std::string message, std::string code = {}) {
  return {ErrorKind::Refused, std::move(message), std::move(code)};
}
inline Error storage_error(std::string message) { return {ErrorKind::Storage, std::move(message), {}}; }
inline Error unavailable(std::string message, std::string code = {}) {
  return {ErrorKind::Unavailable, std::move(message), std::move(code)};
}

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}
  Result(Error error) : state_(std::move(error)) {}

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  const T& value() const& {
    assert(ok() && "Result::value() on an error");
    return std::get<T>(state_);
  }
  T& value() & {
    assert(ok() && "Result::value() on an error");
    return std::get<T>(state_);
  }
  // By value, not T&&: `for (x : f().value())` must not refer into a dead temporary.
  T value() && {
    assert(ok() && "Result::value() on an error");
    return std::get<T>(std::move(state_));
  }
  const Error& error() const {
    assert(!ok() && "Result::error() on a value");
    return std::get<Error>(state_);
  }

 private:
  std::variant<T, Error> state_;
};

struct Done {};  // the value of an operation that returns nothing but can fail

}  // namespace kiosk
