// CustomerHarness: the kiosk on its own store file.
#include "customer_harness.h"

#include "support/kiosk_texts.h"

namespace kiosk::test {

CustomerHarness::CustomerHarness(customer::Language language, std::optional<printer::PrinterTarget> printer,
                                 const PublicPage& page)
    : RoleHarness(ui::HeadlessConfig{}) {
  if (page.has_page() || page.reminders) give_public_page(*store.store, page.public_url, page.reminders);
  customer::CustomerAppConfig config;
  config.data_dir = store.dir.path();
  config.store_id = store.store->store_id();
  config.language = language;
  config.printer = std::move(printer);
  const EpochMs at = store.clock.now_ms();
  start(std::make_unique<customer::CustomerApp>(customer::CustomerRole{config, kiosk_texts()}, at, [] {}), at);
}

}  // namespace kiosk::test
