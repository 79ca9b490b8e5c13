// Formatting and parsing of ticket labels.
#include "queue/ticket_label.h"

#include <cstdio>

namespace kiosk {

std::string format_ticket_label(const std::string& prefix, int number) {
  char digits[16];
  std::snprintf(digits, sizeof digits, "%03d", number);
  return prefix + digits;
}

std::optional<ParsedLabel> parse_ticket_label(const std::string& label) {
  if (label.size() < 4 || label.size() > 8 || label[0] < 'A' || label[0] > 'Z') return std::nullopt;
  int number = 0;
  for (std::size_t i = 1; i < label.size(); ++i) {
    if (label[i] < '0' || label[i] > '9') return std::nullopt;
    number = number * 10 + (label[i] - '0');
  }
  if (number < 1 || format_ticket_label(label.substr(0, 1), number) != label) return std::nullopt;
  return ParsedLabel{label.substr(0, 1), number};
}

}  // namespace kiosk
