// Typing into the staff's request form: characters from the physical keyboard
// or the on-screen keys go to the focused field, through pinyin (the kiosk's
// librime session on the IME thread, app/ime_worker.h) for the fields that take
// Chinese (name, description, address) while the layout is pinyin: letters
// compose, digits 1-8 and space pick, Return keeps the letters, Escape drops
// them, BackSpace deletes. A key the IME does not use comes back and is typed
// as itself. Typing is bounded to twice a field's limit so an over-long value
// reaches the node's validator and its clear message.
#pragma once

#include <string>
#include <vector>

#include "counter/counter_actions.h"
#include "counter/counter_state.h"

namespace kiosk::counter {

// The text of `field` in `form`.
const std::string& field_text(const RequestForm& form, RequestField field);
std::string& field_text(RequestForm& form, RequestField field);

// The focused field takes pinyin now (its kind, the layout, the IME running).
bool typing_pinyin(const CounterState& state);

// `text`: UTF-8 as typed; "\b" BackSpace, "\n" Return, "\x1b" Escape.
std::vector<Effect> type_into_form(CounterState& state, const std::string& text);

// Applies the IME's answer to the focused field (nothing when it is stale).
void take_typing_answer(CounterState& state, const app::ImeAnswered& answer);

// Drops the composition (the field, the page or the form changed).
std::vector<Effect> new_typing_session(CounterState& state);

}  // namespace kiosk::counter
