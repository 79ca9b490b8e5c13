// Layout of the printed ticket. Both languages on paper: the ticket may be
// read by someone other than the person who took it.
#include "customer/ticket_receipt.h"

#include "customer/ticket_wording.h"

namespace kiosk::customer {

printer::Receipt ticket_receipt(const TicketView& t, const ServiceView& service, const std::string& store_id,
                                const app::Translations& texts) {
  using namespace printer;
  using app::Language;
  auto both = [&](const char* key, std::initializer_list<std::string> values = {}) {
    return texts.format(key, Language::Zh, values) + "\n" + texts.format(key, Language::En, values);
  };
  const std::string ahead = people_ahead_text(texts, Language::Zh, t.people_ahead) + "\n" +
                            people_ahead_text(texts, Language::En, t.people_ahead);
  const std::string wait = estimated_wait_text(texts, Language::Zh, t.estimated_wait_min) + "\n" +
                           estimated_wait_text(texts, Language::En, t.estimated_wait_min);
  Receipt receipt;
  receipt.blocks = {
      TextLine{both("ticket.store", {store_id}), TextSize::Normal, TextAlign::Center, true},
      HorizontalRule{},
      TextLine{texts.text("ticket.your_number", Language::Zh) + " " + texts.text("ticket.your_number", Language::En),
               TextSize::Normal, TextAlign::Center},
      TextLine{t.label, TextSize::Huge, TextAlign::Center, true},
      TextLine{service.name_zh + " " + service.name_en + (t.priority ? "\n" + both("ticket.priority") : std::string()),
               TextSize::Large, TextAlign::Center, true},
      BlankLines{1},
      TextLine{ahead, TextSize::Normal, TextAlign::Center},
      TextLine{wait, TextSize::Normal, TextAlign::Center},
      TextLine{both("ticket.issued_at", {t.issued_local_time}), TextSize::Normal, TextAlign::Center},
      HorizontalRule{},
      QrCode{qr_content(t)},
  };
  if (!t.page_url.empty()) receipt.blocks.push_back(TextLine{both("ticket.scan"), TextSize::Normal, TextAlign::Center});
  if (!t.rating_check.empty())
    receipt.blocks.push_back(
        TextLine{both("ticket.rating_check", {t.rating_check}), TextSize::Normal, TextAlign::Center, true});
  if (!t.phone_masked.empty())
    receipt.blocks.push_back(TextLine{both("ticket.reminder", {t.phone_masked}), TextSize::Normal, TextAlign::Center});
  return receipt;
}

}  // namespace kiosk::customer
