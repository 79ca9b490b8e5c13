// The counter console's screens: each draws one frame from a read-only view
// of the state and emits actions for taps and key presses. They never touch
// the network or the clock. Widget ids are stable across languages:
//   every screen   "lang"; "logout" once logged in
//   enrol          "enrol.code", "key.0".."key.9", "key.del", "key.clear", "enrol.submit";
//                  wrong server "enrol.again" (kit/enrol_screen.h)
//   login          "login.name", "login.pin" (the fields), "key.A".."key.Z", "key.space",
//                  "key.0".."key.9", "key.del", "key.clear", "login.submit"
//   open counter   "service.<code>", "open.confirm", "open.back" (while the counter is open)
//   console        "act.call", "act.recall", "act.start", "act.finish", "act.no_show",
//                  "act.transfer", "act.pause" or "act.resume", "act.services", "act.close";
//                  pickers: "outcome.resolved|follow-up|request", "transfer.<code>",
//                  "pause.lunch|break|other", "picker.cancel"; "reprint.<label>"; "act.new_request"
//   request form   "req.page.product|customer", "req.kind.<kind>", "req.product.<code>", "req.problem.<code>",
//                  "req.model|serial|description|name|phone|address" (fields), "req.purchase.<part>.less|more",
//                  "req.purchase.unknown", "req.urgency.<urgency>", "req.on_site", "req.visit.<part>.less|more",
//                  "req.window.<window>", "req.consent", "req.cancel", "req.send"; once stored "req.cancel",
//                  "req.another"
// Keys: see console_keys.h.
#pragma once

#include <functional>
#include <string>

#include "app/translations.h"
#include "counter/counter_actions.h"
#include "counter/counter_state.h"
#include "ui/touch_widgets.h"

namespace kiosk::counter {

struct CounterView {
  const CounterState& state;
  const app::Translations& texts;
  EpochMs now;
  std::string store_url;
  int counter;

  const std::string& tr(std::string_view key) const { return texts.text(key, state.language); }
  std::string tr(std::string_view key, std::initializer_list<std::string> values) const {
    return texts.format(key, state.language, values);
  }
  std::string tr(const Message& message) const { return tr(message.key, {message.value, message.value2}); }
};

using Emit = std::function<void(Action)>;

void draw_counter_screen(ui::TouchUi& ui, const CounterView& view, const Emit& emit);

}  // namespace kiosk::counter
