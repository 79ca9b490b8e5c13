// Ticket labels as customers read them: the service's prefix letter and the
// day's number, at least three digits (A001..A999, then A1000: never reused).
#pragma once

#include <optional>
#include <string>

namespace kiosk {

std::string format_ticket_label(const std::string& prefix, int number);

struct ParsedLabel {
  std::string prefix;
  int number;
};
// "A012" -> {A, 12}; nullopt for anything that is not a label.
std::optional<ParsedLabel> parse_ticket_label(const std::string& label);

}  // namespace kiosk
