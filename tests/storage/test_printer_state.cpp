// The printer's last known state in the store: nothing before the first
// record, the latest record wins, it survives reopening the file, and the
// stored names read back as the states they were written from.
#include <doctest/doctest.h>

#include "store/printer_state.h"
#include "support/test_store.h"

using namespace kiosk;

TEST_CASE("printer state: none until recorded, then the latest one, kept across a reopen") {
  test::TestStore t;
  const Result<std::optional<PrinterStatus>> empty = read_printer_status(*t.store);
  REQUIRE(empty);
  CHECK_FALSE(empty.value().has_value());

  REQUIRE(record_printer_status(*t.store, {PrinterState::PaperNearEnd, "", 1000}));
  REQUIRE(record_printer_status(*t.store, {PrinterState::PaperOut, "printer /dev/usb/lp0 is out of paper", 2000}));
  t.engine.reset();
  t.store.reset();
  std::unique_ptr<StoreDb> reopened = StoreDb::open(t.dir.path()).value();
  const Result<std::optional<PrinterStatus>> read = read_printer_status(*reopened);
  REQUIRE(read);
  REQUIRE(read.value().has_value());
  CHECK(read.value()->state == PrinterState::PaperOut);
  CHECK(read.value()->message == "printer /dev/usb/lp0 is out of paper");
  CHECK(read.value()->checked_at == 2000);
}

TEST_CASE("printer state names read back as their states; an unknown name is refused") {
  for (PrinterState state : {PrinterState::Unknown, PrinterState::Ok, PrinterState::PaperNearEnd,
                             PrinterState::PaperOut, PrinterState::Failed})
    CHECK(parse_printer_state(printer_state_name(state)) == state);
  CHECK_FALSE(parse_printer_state("jammed").has_value());
}
