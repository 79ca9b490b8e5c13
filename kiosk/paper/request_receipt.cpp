// Layout of the request receipt: both languages, as the ticket's.
#include "paper/request_receipt.h"

#include "core/phone.h"
#include "paper/request_wording.h"

namespace kiosk::paper {

printer::Receipt request_receipt(const Request& r, const std::vector<ProductCategory>& products,
                                 const std::string& store_id, const app::Translations& texts,
                                 const std::string& lookup_url) {
  using namespace printer;
  using app::Language;
  auto both = [&](const char* key, std::initializer_list<std::string> values = {}) {
    return texts.format(key, Language::Zh, values) + "\n" + texts.format(key, Language::En, values);
  };
  auto line = [&](auto describe) { return describe(Language::Zh) + "\n" + describe(Language::En); };
  Receipt receipt;
  receipt.blocks = {
      TextLine{both("ticket.store", {store_id}), TextSize::Normal, TextAlign::Center, true},
      HorizontalRule{},
      TextLine{texts.text("done.code_label", Language::Zh) + " " + texts.text("done.code_label", Language::En),
               TextSize::Normal, TextAlign::Center},
      TextLine{r.code, TextSize::Large, TextAlign::Center, true},
      TextLine{line([&](Language l) { return request_summary(texts, l, r.kind, r.product, r.problem, products); }),
               TextSize::Normal, TextAlign::Center},
      r.on_site ? TextLine{line([&](Language l) { return visit_text(texts, l, r.preferred_date, r.time_window); }),
                           TextSize::Normal, TextAlign::Center}
                : TextLine{both("receipt.drop_off"), TextSize::Normal, TextAlign::Center},
      TextLine{both("receipt.phone", {mask_phone(r.phone)}), TextSize::Normal, TextAlign::Center},
      HorizontalRule{},
      QrCode{lookup_url.empty() ? r.id : lookup_url},
      TextLine{both(lookup_url.empty() ? "receipt.check" : "receipt.check_online"), TextSize::Normal,
               TextAlign::Center},
  };
  return receipt;
}

}  // namespace kiosk::paper
