// Ticket labels: three digits, a fourth after 999, strict parsing.
#include <doctest/doctest.h>

#include "queue/ticket_label.h"

using kiosk::format_ticket_label;
using kiosk::parse_ticket_label;

TEST_CASE("labels have at least three digits and grow past 999") {
  CHECK(format_ticket_label("A", 1) == "A001");
  CHECK(format_ticket_label("B", 12) == "B012");
  CHECK(format_ticket_label("C", 999) == "C999");
  CHECK(format_ticket_label("C", 1000) == "C1000");
}

TEST_CASE("parsing accepts only what formatting produces") {
  REQUIRE(parse_ticket_label("A012"));
  CHECK(parse_ticket_label("A012")->prefix == "A");
  CHECK(parse_ticket_label("A012")->number == 12);
  CHECK(parse_ticket_label("H1000")->number == 1000);
  for (const char* bad : {"", "A", "A12", "a012", "A000", "A0012", "AB12", "A01x", "1012", "A-12"})
    CHECK_MESSAGE(!parse_ticket_label(bad), bad);
}
