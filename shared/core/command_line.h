// A strict command-line reader for kioskctl, hq and the kiosk: positional words, --name VALUE
// options and --flag switches; anything not asked for is a usage error.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace kiosk {

// Bad usage: the program says what was wrong and exits 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class CommandLine {
 public:
  // `flags` names the switches that take no value; every other --name takes one.
  CommandLine(const std::vector<std::string>& args, const std::set<std::string>& flags);

  // The next positional word, or a usage error naming what was expected.
  std::string word(const std::string& what);
  bool has_word() const { return next_word_ < words_.size(); }

  std::string required(const std::string& name);
  std::optional<std::string> optional(const std::string& name);
  int required_int(const std::string& name, int min, int max);
  bool flag(const std::string& name);

  // Fails on options or words that no one asked for (typos must not pass).
  void finish() const;

 private:
  std::vector<std::string> words_;
  std::size_t next_word_ = 0;
  std::map<std::string, std::string> options_;
  std::set<std::string> switches_;
  mutable std::set<std::string> used_;
};

}  // namespace kiosk
