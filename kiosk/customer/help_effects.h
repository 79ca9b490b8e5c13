// The store worker's side of Help: the articles read again, their categories
// made and the search index built here, off the UI thread, whenever the
// store's articles changed (KbBook::articles_version), posted as one finished
// library; and what a customer read counted in kb_use rows (KbBook). A
// failure to count is logged and never stops the customer.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "core/clock.h"
#include "customer/customer_actions.h"
#include "kb/kb_book.h"
#include "store/store_db.h"

namespace kiosk::customer {

class HelpEffects {
 public:
  using Post = std::function<void(Action)>;
  HelpEffects(StoreDb& store, const Clock& clock, const Post& post) : store_(store), book_(store, clock), post_(post) {}

  // Posts HelpLoaded when the articles differ from the last posted (or none was).
  void load();
  void opened(const OpenKbUse& effect);
  void answered(const AnswerKbUse& effect);
  void ticket_taken(const RecordKbTicket& effect);

 private:
  StoreDb& store_;
  KbBook book_;
  const Post& post_;
  std::optional<std::int64_t> posted_version_;
};

}  // namespace kiosk::customer
