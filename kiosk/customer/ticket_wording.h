// How a ticket tells its place in the queue, the same on screen and on paper:
// "You are next" rather than "0 people ahead", "1 person", "about N minutes",
// and no promise at all when no counter open calls the service; and what its
// QR code holds.
#pragma once

#include <optional>
#include <string>

#include "app/translations.h"
#include "customer/customer_state.h"

namespace kiosk::customer {

std::string people_ahead_text(const app::Translations& texts, Language language, int people_ahead);
// minutes: nullopt when no open counter calls the ticket's service.
std::string estimated_wait_text(const app::Translations& texts, Language language, std::optional<int> minutes);
// The ticket's page on the phone when there is one, else the bare token.
const std::string& qr_content(const TicketView& ticket);

}  // namespace kiosk::customer
