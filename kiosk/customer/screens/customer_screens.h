// The customer kiosk's screens: each draws one frame from a read-only view of
// the state and emits actions for taps. They never touch SQLite, the printer
// or the clock. Widget ids are stable across languages (tests tap them):
//   every screen    "lang" (language switch), "back" where there is a way back
//   welcome         "welcome.take", "welcome.request", "welcome.check", "welcome.rate", "welcome.help"
//   take a number   "service.<code>", "take.priority", "take.phone", "take.phone_remove", "take.confirm"
//   phone pad       "pad.0".."pad.9", "pad.del", "pad.clear", "pad.ok", "pad.cancel"
//   ticket          "ticket.done", "ticket.help.<article id>" (while you wait)
//   rate: find      "key.<letter>", "key.0".."key.9", "key.del", "key.clear", "rate.find", "visit.<label>"
//   rate: score     "score.1".."score.5", "reason.<code>", "rate.submit"
//   rate: thanks    "thanks.done"
//   request form    "back" (Home), "request.leave", "request.stay", "request.previous", "request.next", "kind.<kind>",
//   "product.<code>", "problem.<code>",
//                   "field.description|name|address", "request.phone" (then the phone pad's ids),
//                   "day.<YYYY-MM-DD>", "window.<window>", "request.consent", "review.<part>", "request.submit"
//   text keyboard   "kb.a".."kb.z", "kb.0".."kb.9", "kb.space", "kb.comma", "kb.period", "kb.del", "kb.layout",
//                   "cand.<n>" (n: place in the candidate list), "cand.less", "cand.more"
//   request done    "done.finish"
//   check           "check.code", "check.digits", "ck.<key>", "ck.del", "ck.clear", "check.find"
//   check result    "check.again", "check.done"
//   help            "back", "help.search" (the field: opens the keys), "help.keys_done", the text keyboard's ids,
//                   "help.category.<key>", "help.article.<id>", "help.page.prev", "help.page.next"
//   help article    "back", "help.yes", "help.no"
//   help thanks     "thanks.done"
//   idle overlay    "idle.continue"
//   staff corner    "staff.hold" (welcome title, held 3 s); the staff login's "login.name", "login.pin",
//                   "key.*", "login.submit" (kit/staff_login.h); "admin.refresh", "admin.devices", "admin.close"
//   devices         "back" (to the admin screen), "devices.enrol", "devices.revoke.<device id>",
//                   "devices.revoke_yes", "devices.revoke_cancel"
#pragma once

#include <functional>
#include <string>

#include "app/translations.h"
#include "customer/customer_actions.h"
#include "customer/customer_state.h"
#include "ui/touch_widgets.h"

namespace kiosk::customer {

struct CustomerView {
  const CustomerState& state;
  const app::Translations& texts;
  const CustomerTimings& timings;
  EpochMs now;
  std::string store_id;

  const std::string& tr(std::string_view key) const { return texts.text(key, state.language); }
  std::string tr(std::string_view key, std::initializer_list<std::string> values) const {
    return texts.format(key, state.language, values);
  }
};

using Emit = std::function<void(Action)>;

// Draws the current screen and, when due, the idle countdown over it.
void draw_customer_screen(ui::TouchUi& ui, const CustomerView& view, const Emit& emit);

}  // namespace kiosk::customer
