// The calling display's rules as pure functions of the state, an action and
// the time: which calls the board holds, what is highlighted, which language
// leads, and when the screen must be drawn again without news.
#pragma once

#include <optional>
#include <vector>

#include "app/language.h"
#include "display/display_actions.h"
#include "display/display_state.h"

namespace kiosk::display {

// Applies `action` at `now`. Events at or below state.last_seq are ignored
// (a reconnect never doubles a call); a ticket called again (recall, or called
// at another counter after a transfer) moves to the top instead of appearing twice.
// Returns the worker's effects (an enrolment).
std::vector<Effect> reduce(DisplayState& state, const Action& action, EpochMs now);

// True while `call` arrived live less than timings.highlight ago.
bool is_highlighted(const BoardCall& call, EpochMs now, const DisplayTimings& timings);
// Whether a highlighted call's card is in the bright half of its blink.
bool blink_on(const BoardCall& call, EpochMs now, const DisplayTimings& timings);
// The language shown first (and large) at `now`.
app::Language leading_language(const DisplayState& state, EpochMs now, const DisplayTimings& timings);

// When the board changes by itself next: the end of the fingerprint shown after enrolling, a blink, the end of a
// highlight, the clock's next minute, the next language turn.
EpochMs next_change(const DisplayState& state, EpochMs now, const DisplayTimings& timings);

}  // namespace kiosk::display
