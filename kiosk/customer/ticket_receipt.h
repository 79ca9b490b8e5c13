// The paper ticket: what a customer's ticket says, in Chinese and English,
// as a printer Receipt (the number huge, the service, people ahead, the
// wait, the time, the store, the QR code: the ticket's phone page, with
// "scan to follow" under it, or only the opaque token when there is none).
#pragma once

#include <string>

#include "app/translations.h"
#include "customer/customer_state.h"
#include "printer/receipt.h"

namespace kiosk::customer {

printer::Receipt ticket_receipt(const TicketView& ticket, const ServiceView& service, const std::string& store_id,
                                const app::Translations& texts);

}  // namespace kiosk::customer
