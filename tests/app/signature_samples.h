// Signatures as a finger draws them, for the signature tests and screenshots:
// pen inputs sampled the way a 60 Hz touch screen reports a moving finger,
// applied through apply_signature_input() as the pad's reducer would.
#pragma once

#include <vector>

#include "kit/signature_ink.h"

namespace kiosk::test {

// A handwritten-looking Latin signature: a tall initial, a run of cursive
// loops of varying height, a t-bar, an i-dot and an underline flourish
// (about 30 x 7 em, its top-left near (3, 1.5) em on the pad).
kit::SignatureInk sample_signature();

// Every input of drawing `samples` as one stroke: down, moves, up.
std::vector<kit::SignatureInput> pen_inputs(const std::vector<kit::InkPoint>& samples);

// Applies every input to `ink`.
void apply_all(kit::SignatureInk& ink, const std::vector<kit::SignatureInput>& inputs);

}  // namespace kiosk::test
