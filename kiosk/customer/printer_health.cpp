// Mapping a print's result to the printer state in the store, and printing with it recorded.
#include "customer/printer_health.h"

#include <cstdio>

#include "paper/receipt_output.h"

namespace kiosk::customer {

std::optional<PrinterStatus> printer_status_of(const printer::PrintResult& result, const printer::PrinterTarget& target,
                                               EpochMs now) {
  using printer::PaperStatus;
  using printer::PrintFailure;
  PrinterStatus status;
  status.checked_at = now;
  status.message = result.message;
  switch (result.failure) {
    case PrintFailure::None:
      if (result.paper == PaperStatus::Ok) {
        status.state = PrinterState::Ok;
      } else if (result.paper == PaperStatus::NearEnd) {
        status.state = PrinterState::PaperNearEnd;
        status.message = "printer " + target.path + " is near the end of its paper";
      } else {
        status.state = PrinterState::Unknown;
        status.message = target.kind == printer::PrinterPathKind::File
                             ? "printing to the file " + target.path + ": no paper to report"
                             : "printer " + target.path + " does not report its paper";
      }
      return status;
    case PrintFailure::OutOfPaper:
      status.state = PrinterState::PaperOut;
      return status;
    case PrintFailure::CannotOpen:
    case PrintFailure::NotAPrinter:
    case PrintFailure::WriteFailed:
      status.state = PrinterState::Failed;
      return status;
    case PrintFailure::FontsUnavailable:
    case PrintFailure::CannotRender:
      return std::nullopt;
  }
  return std::nullopt;
}

void record_print_outcome(StoreDb& store, const printer::PrintResult& result, const printer::PrinterTarget& target,
                          EpochMs now) {
  const std::optional<PrinterStatus> status = printer_status_of(result, target, now);
  if (!status) return;
  const Result<Done> recorded = kiosk::record_printer_status(store, *status);
  if (!recorded) std::fprintf(stderr, "kiosk: printer state not recorded: %s\n", recorded.error().message.c_str());
}

std::string print_recorded(const printer::Receipt& receipt, const printer::PrinterTarget& target, StoreDb& store,
                           EpochMs now) {
  const printer::PrintResult printed = paper::output_receipt(receipt, target);
  record_print_outcome(store, printed, target, now);
  return printed.message;
}

void check_paper(StoreDb& store, const printer::PrinterTarget& target, EpochMs now) {
  if (target.kind != printer::PrinterPathKind::Device) return;
  record_print_outcome(store, printer::check_printer(target), target, now);
}

}  // namespace kiosk::customer
