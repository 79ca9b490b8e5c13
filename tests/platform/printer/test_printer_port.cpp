// The printer port: files get exactly the bytes; a pty stands in for a
// bidirectional printer that reports its paper; bad paths fail with the
// system's reason.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <fstream>
#include <iterator>

#include "escpos_decoder.h"
#include "printer/escpos_encoder.h"
#include "printer/printer_port.h"
#include "printer/ticket_printer.h"
#include "pty_printer.h"
#include "sample_receipts.h"
#include "support/temp_dir.h"

using namespace kiosk::printer;
using namespace kiosk::printer::test;
using kiosk::test::TempDir;

namespace {

std::vector<std::uint8_t> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool exists(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0;
}

std::vector<std::uint8_t> ticket_bytes() { return encode_escpos(render_with_default_fonts(queue_ticket()).bitmap); }

PrinterTarget pty_target(const PtyPrinter& printer) {
  PrinterTarget target = printer_target_for_path(printer.device_path());
  REQUIRE(target.kind == PrinterPathKind::Device);
  return target;
}

}  // namespace

TEST_CASE("paper sensor bytes decode the Epson way") {
  CHECK(decode_paper_sensor_byte(0x12) == PaperStatus::Ok);
  CHECK(decode_paper_sensor_byte(0x16) == PaperStatus::NearEnd);
  CHECK(decode_paper_sensor_byte(0x1E) == PaperStatus::NearEnd);
  CHECK(decode_paper_sensor_byte(0x32) == PaperStatus::Out);
  CHECK(decode_paper_sensor_byte(0x72) == PaperStatus::Out);
  CHECK(decode_paper_sensor_byte(0x7E) == PaperStatus::Out);
  CHECK(decode_paper_sensor_byte(0x60) == PaperStatus::Unknown);  // fixed bits missing: not this protocol
  CHECK(decode_paper_sensor_byte(0xFF) == PaperStatus::Unknown);
}

TEST_CASE("paths choose device or file") {
  CHECK(printer_target_for_path("/dev/usb/lp0").kind == PrinterPathKind::Device);
  CHECK(printer_target_for_path("/var/spool/ticket.bin").kind == PrinterPathKind::File);
  CHECK(printer_target_for_path("ticket.bin").kind == PrinterPathKind::File);
}

TEST_CASE("printing to a file writes exactly the ticket's bytes") {
  TempDir dir;
  const std::string path = dir.file("ticket.bin");
  const PrintResult printed = print_receipt(queue_ticket(), printer_target_for_path(path));
  REQUIRE_MESSAGE(printed.ok(), printed.message);
  CHECK(printed.paper == PaperStatus::Unknown);
  CHECK(printed.missing_characters.empty());

  const std::vector<std::uint8_t> expected = ticket_bytes();
  CHECK(printed.bytes_written == expected.size());
  const std::vector<std::uint8_t> written = read_file(path);
  CHECK(written == expected);
  const DecodeResult decoded = decode_escpos(written);
  CHECK_MESSAGE(decoded.ticket, decoded.error);

  SUBCASE("a shorter print replaces the file, no old bytes left over") {
    const Receipt short_ticket{576, {TextLine{"B001", TextSize::Huge}}};
    REQUIRE(print_receipt(short_ticket, printer_target_for_path(path)).ok());
    CHECK(read_file(path) == encode_escpos(render_with_default_fonts(short_ticket).bitmap));
  }
}

TEST_CASE("a printer reporting paper out gets nothing and the print fails") {
  PtyPrinter printer(0x72);
  const PrintResult printed = print_receipt(queue_ticket(), pty_target(printer));
  const std::vector<std::uint8_t> received = printer.finish();
  CHECK(printer.query_seen());
  CHECK_FALSE(printed.ok());
  CHECK(printed.failure == PrintFailure::OutOfPaper);
  CHECK(printed.paper == PaperStatus::Out);
  CHECK(printed.bytes_written == 0);
  CHECK(printed.message == "printer " + printer.device_path() + " is out of paper");
  CHECK(received.empty());
}

TEST_CASE("a printer with paper gets every byte") {
  struct Case {
    std::optional<std::uint8_t> answer;
    PaperStatus paper;
  };
  for (const Case& c : {Case{0x12, PaperStatus::Ok}, Case{0x1E, PaperStatus::NearEnd},
                        Case{std::nullopt, PaperStatus::Unknown}, Case{0xFF, PaperStatus::Unknown}}) {
    CAPTURE(describe(c.paper));
    PtyPrinter printer(c.answer);
    const PrintResult printed = print_receipt(queue_ticket(), pty_target(printer));
    const std::vector<std::uint8_t> received = printer.finish();
    CHECK(printer.query_seen());
    CHECK_MESSAGE(printed.ok(), printed.message);
    CHECK(printed.paper == c.paper);
    CHECK(received == ticket_bytes());
  }
}

TEST_CASE("unusable paths fail with the system's reason") {
  TempDir dir;
  const Receipt ticket = queue_ticket();

  SUBCASE("a file in a directory that does not exist") {
    const PrintResult printed = print_receipt(ticket, printer_target_for_path(dir.file("missing/ticket.bin")));
    CHECK(printed.failure == PrintFailure::CannotOpen);
    CHECK(printed.message ==
          "cannot open " + dir.file("missing/ticket.bin") + " for writing: No such file or directory");
  }
  SUBCASE("a directory") {
    const PrintResult printed = print_receipt(ticket, printer_target_for_path(dir.path()));
    CHECK(printed.failure == PrintFailure::CannotOpen);
    CHECK(printed.message == "cannot open " + dir.path() + " for writing: Is a directory");
  }
  SUBCASE("an unplugged printer is not created as a file") {
    const PrintResult printed = print_receipt(ticket, printer_target_for_path("/dev/usb/lp-kiosk-test"));
    CHECK(printed.failure == PrintFailure::CannotOpen);
    CHECK(printed.message == "cannot open printer /dev/usb/lp-kiosk-test: No such file or directory");
    CHECK_FALSE(exists("/dev/usb/lp-kiosk-test"));
  }
  SUBCASE("a device path that is a plain file") {
    const std::string path = dir.file("not-a-printer");
    std::ofstream(path) << "x";
    PrinterTarget target{path, PrinterPathKind::Device};
    const PrintResult printed = print_receipt(ticket, target);
    CHECK(printed.failure == PrintFailure::NotAPrinter);
    CHECK(printed.message == "printer " + path + " is not a character device");
  }
  SUBCASE("a device that refuses the bytes") {
    const PrintResult printed = print_receipt(ticket, printer_target_for_path("/dev/full"));
    CHECK(printed.failure == PrintFailure::WriteFailed);
    CHECK(printed.paper == PaperStatus::Unknown);
    CHECK(printed.message.find("printing to /dev/full failed after 0 of ") == 0);
    CHECK(printed.message.find("No space left on device") != std::string::npos);
  }
  SUBCASE("a read-only file") {
    // Root may open /proc/version for writing but the write fails; others cannot open it.
    const PrintResult printed = print_receipt(ticket, printer_target_for_path("/proc/version"));
    CHECK_FALSE(printed.ok());
    CHECK(printed.message.find("/proc/version") != std::string::npos);
  }
  SUBCASE("missing fonts") {
    FontPaths fonts;
    fonts.latin = dir.file("DejaVuSans.ttf");
    const PrintResult printed = print_receipt(ticket, printer_target_for_path(dir.file("ticket.bin")), fonts);
    CHECK(printed.failure == PrintFailure::FontsUnavailable);
    CHECK(printed.message == "cannot open font " + fonts.latin + ": No such file or directory");
    CHECK_FALSE(exists(dir.file("ticket.bin")));
  }
  SUBCASE("a receipt that cannot be rendered writes nothing") {
    const PrintResult printed =
        print_receipt(Receipt{384, {QrCode{std::string(2000, 'x')}}}, printer_target_for_path(dir.file("ticket.bin")));
    CHECK(printed.failure == PrintFailure::CannotRender);
    CHECK_FALSE(exists(dir.file("ticket.bin")));
  }
}
