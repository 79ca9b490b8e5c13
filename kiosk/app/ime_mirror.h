// Keeping a role's ImeView in step with the IME thread (pure, for reducers):
// a reset starts a new generation, and an answer from an older one is dropped.
#pragma once

#include "app/ime_types.h"

namespace kiosk::app {

// Clears the composition and starts a new generation; the effect to send.
ImeReset reset_ime(ImeView& ime);

// Takes the answer's composition when it is of this generation (the page back
// to the first when the candidates changed); false when it is stale and the
// role must ignore it (its committed text included).
bool take_ime_answer(ImeView& ime, const ImeAnswered& answer);

}  // namespace kiosk::app
