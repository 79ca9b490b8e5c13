// CommandLine: parsing and the checks that reject unknown or malformed options.
#include "core/command_line.h"

#include <charconv>

namespace kiosk {

CommandLine::CommandLine(const std::vector<std::string>& args, const std::set<std::string>& flags) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) != 0 || arg.size() == 2) {
      words_.push_back(arg);
      continue;
    }
    const std::string name = arg.substr(2);
    if (flags.count(name)) {
      switches_.insert(name);
    } else {
      if (i + 1 >= args.size()) throw UsageError("--" + name + " needs a value");
      if (options_.count(name)) throw UsageError("--" + name + " given twice");
      options_[name] = args[++i];
    }
  }
}

std::string CommandLine::word(const std::string& what) {
  if (!has_word()) throw UsageError("missing " + what);
  return words_[next_word_++];
}

std::string CommandLine::required(const std::string& name) {
  std::optional<std::string> value = optional(name);
  if (!value) throw UsageError("missing --" + name);
  return *value;
}

std::optional<std::string> CommandLine::optional(const std::string& name) {
  used_.insert(name);
  const auto found = options_.find(name);
  if (found == options_.end()) return std::nullopt;
  return found->second;
}

int CommandLine::required_int(const std::string& name, int min, int max) {
  const std::string text = required(name);
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max)
    throw UsageError("--" + name + " must be a whole number from " + std::to_string(min) + " to " +
                     std::to_string(max) + ", got \"" + text + "\"");
  return value;
}

bool CommandLine::flag(const std::string& name) {
  used_.insert(name);
  return switches_.count(name) > 0;
}

void CommandLine::finish() const {
  if (next_word_ < words_.size()) throw UsageError("unexpected argument \"" + words_[next_word_] + "\"");
  for (const auto& [name, value] : options_)
    if (!used_.count(name)) throw UsageError("unknown option --" + name);
  for (const std::string& name : switches_)
    if (!used_.count(name)) throw UsageError("unknown option --" + name);
}

}  // namespace kiosk
