// Choosing the wording by count, and the QR's content.
#include "customer/ticket_wording.h"

namespace kiosk::customer {

std::string people_ahead_text(const app::Translations& texts, Language language, int people_ahead) {
  if (people_ahead <= 0) return texts.text("ticket.next", language);
  if (people_ahead == 1) return texts.text("ticket.one_ahead", language);
  return texts.format("ticket.people_ahead", language, {std::to_string(people_ahead)});
}

std::string estimated_wait_text(const app::Translations& texts, Language language, std::optional<int> minutes) {
  if (!minutes) return texts.text("ticket.no_counter", language);
  if (*minutes <= 1) return texts.text("ticket.wait_soon", language);
  return texts.format("ticket.estimated_wait", language, {std::to_string(*minutes)});
}

const std::string& qr_content(const TicketView& ticket) {
  return ticket.page_url.empty() ? ticket.token : ticket.page_url;
}

}  // namespace kiosk::customer
