// The printer's state in the store, written by the customer kiosk's worker
// (the process that prints): after each ticket printed to a pty standing in
// for a printer that reports its paper, to a file and to a printer that is not
// there; and by the idle check, which sees a printer run out and a refilled
// one come back without anyone printing. Also the mapping of every print
// outcome to a state.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "app/translations.h"
#include "customer/customer_worker.h"
#include "customer/printer_health.h"
#include "pty_printer.h"
#include "store/printer_state.h"
#include "support/kiosk_texts.h"
#include "support/test_store.h"

using namespace kiosk;
using namespace kiosk::customer;
using kiosk::printer::test::PtyPrinter;

namespace {

constexpr std::uint8_t kPaperOk = 0x12, kPaperNearEnd = 0x16, kPaperOut = 0x72;

// A store and the customer worker printing to `target`.
struct PrintingKiosk {
  explicit PrintingKiosk(const printer::PrinterTarget& target,
                         std::chrono::milliseconds paper_check_every = std::chrono::hours(1))
      : store("Asia/Shanghai", SystemClock().now_ms()) {
    CustomerWorkerConfig config{store.dir.path(), target, test::kiosk_texts(), paper_check_every};
    worker = std::make_unique<app::SerialWorker<Effect>>([config] { return customer_effects(config, [](Action) {}); });
  }
  void issue_ticket() {
    worker->submit({IssueTicket{"A", false, "", Language::En}});
    for (int i = 0; i < 2000 && !worker->idle(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    REQUIRE(worker->idle());
  }
  std::optional<PrinterStatus> printer_status() {
    Result<std::optional<PrinterStatus>> status = read_printer_status(*store.store);
    REQUIRE(status.ok());
    return status.value();
  }
  // Waits (bounded) until the recorded state is `state`.
  bool reaches(PrinterState state) {
    for (int i = 0; i < 1000; ++i) {
      const std::optional<PrinterStatus> now = printer_status();
      if (now && now->state == state) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }
  test::TestStore store;
  std::unique_ptr<app::SerialWorker<Effect>> worker;
};

printer::PrintResult outcome(printer::PrintFailure failure, printer::PaperStatus paper, std::string message = "") {
  printer::PrintResult result;
  result.failure = failure;
  result.paper = paper;
  result.message = std::move(message);
  return result;
}

}  // namespace

TEST_CASE("every print outcome maps to a printer state") {
  using printer::PaperStatus;
  using printer::PrintFailure;
  const printer::PrinterTarget device = printer::printer_target_for_path("/dev/usb/lp0");
  const printer::PrinterTarget file = printer::printer_target_for_path("ticket.bin");
  const auto state_of = [](const printer::PrintResult& r, const printer::PrinterTarget& t) {
    return printer_status_of(r, t, 1000).value().state;
  };
  CHECK(state_of(outcome(PrintFailure::None, PaperStatus::Ok), device) == PrinterState::Ok);
  CHECK(state_of(outcome(PrintFailure::None, PaperStatus::NearEnd), device) == PrinterState::PaperNearEnd);
  CHECK(state_of(outcome(PrintFailure::None, PaperStatus::Unknown), device) == PrinterState::Unknown);
  CHECK(state_of(outcome(PrintFailure::None, PaperStatus::Unknown), file) == PrinterState::Unknown);
  CHECK(state_of(outcome(PrintFailure::OutOfPaper, PaperStatus::Out), device) == PrinterState::PaperOut);
  for (PrintFailure failure : {PrintFailure::CannotOpen, PrintFailure::NotAPrinter, PrintFailure::WriteFailed}) {
    const PrinterStatus status =
        printer_status_of(outcome(failure, PaperStatus::Unknown, "unplugged"), device, 1000).value();
    CHECK(status.state == PrinterState::Failed);
    CHECK(status.message == "unplugged");
    CHECK(status.checked_at == 1000);
  }
  // Not the printer's fault: the state stays as it was.
  CHECK_FALSE(
      printer_status_of(outcome(PrintFailure::FontsUnavailable, PaperStatus::Unknown), device, 1000).has_value());
  CHECK_FALSE(printer_status_of(outcome(PrintFailure::CannotRender, PaperStatus::Unknown), device, 1000).has_value());
}

TEST_CASE("a ticket printed to a printer reporting its paper records what it said") {
  for (const auto& [answer, expected] :
       {std::pair{kPaperOk, PrinterState::Ok}, std::pair{kPaperNearEnd, PrinterState::PaperNearEnd},
        std::pair{kPaperOut, PrinterState::PaperOut}}) {
    CAPTURE(int(answer));
    PtyPrinter pty(answer);
    PrintingKiosk kiosk(printer::printer_target_for_path(pty.device_path()));
    CHECK_FALSE(kiosk.printer_status().has_value());  // never checked yet
    kiosk.issue_ticket();
    const std::optional<PrinterStatus> status = kiosk.printer_status();
    REQUIRE(status.has_value());
    CHECK(status->state == expected);
    CHECK(status->checked_at > 0);
    CHECK(pty.query_seen());
    if (expected == PrinterState::PaperOut) {
      CHECK(status->message.find("out of paper") != std::string::npos);
      CHECK(pty.finish().empty());  // nothing was printed
    }
  }
}

TEST_CASE(
    "a ticket printed to a file is 'unknown' (no paper to report); a missing printer is 'failed' with its reason") {
  test::TempDir dir;
  PrintingKiosk to_file(printer::printer_target_for_path(dir.file("ticket.bin")));
  to_file.issue_ticket();
  REQUIRE(to_file.printer_status().has_value());
  CHECK(to_file.printer_status()->state == PrinterState::Unknown);
  CHECK(to_file.printer_status()->message.find("no paper to report") != std::string::npos);

  PrintingKiosk unplugged(printer::printer_target_for_path("/dev/usb/no-such-printer"));
  unplugged.issue_ticket();
  REQUIRE(unplugged.printer_status().has_value());
  CHECK(unplugged.printer_status()->state == PrinterState::Failed);
  CHECK(unplugged.printer_status()->message.find("/dev/usb/no-such-printer") != std::string::npos);
}

TEST_CASE("while idle the worker asks the printer again: paper running out and a refill are seen without a print") {
  std::unique_ptr<PtyPrinter> pty = PtyPrinter::status_only(kPaperOk);
  PrintingKiosk kiosk(printer::printer_target_for_path(pty->device_path()), std::chrono::milliseconds(50));
  CHECK(kiosk.reaches(PrinterState::Ok));
  pty->set_status_answer(kPaperOut);
  CHECK(kiosk.reaches(PrinterState::PaperOut));
  pty->set_status_answer(kPaperOk);  // refilled
  CHECK(kiosk.reaches(PrinterState::Ok));
  CHECK(kiosk.printer_status()->message.empty());
}

TEST_CASE("a file printer is never asked while idle") {
  test::TempDir dir;
  PrintingKiosk kiosk(printer::printer_target_for_path(dir.file("ticket.bin")), std::chrono::milliseconds(20));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  CHECK_FALSE(kiosk.printer_status().has_value());
}
