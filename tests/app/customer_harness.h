// The customer kiosk as the flow tests drive it (support/role_harness.h) on a
// real store file, with the real worker and IME threads.
#pragma once

#include <optional>

#include "customer/customer_app.h"
#include "printer/printer_port.h"
#include "support/role_harness.h"
#include "support/test_store.h"
#include "sync/public_page.h"

namespace kiosk::test {

// The store comes first, so it outlives the kiosk's worker. Its clock starts
// at the real time: the worker thread reads the system clock (recent visits,
// business day), so the two must agree.
struct WithStore {
  TestStore store{"Asia/Shanghai", SystemClock().now_ms()};
};

// HQ's public page settings the store holds when the kiosk starts: by
// default a public address with text reminders (the phone is offered).
inline const PublicPage kHarnessPublicPage{"https://q.example.com", true};

class CustomerHarness : public WithStore, public RoleHarness<customer::CustomerApp> {
 public:
  explicit CustomerHarness(customer::Language language = customer::Language::Zh,
                           std::optional<printer::PrinterTarget> printer = std::nullopt,
                           const PublicPage& page = kHarnessPublicPage);

  const customer::CustomerState& state() const { return app->state(); }
};

}  // namespace kiosk::test
