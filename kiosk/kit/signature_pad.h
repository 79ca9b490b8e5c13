// The customer's signature pad on the technician's tablet: a large white pad
// with a thin border, a baseline with a drawn "x" at its start and, while it
// is empty, "请在此签名" / "Sign here"; a finger (or a mouse: touch arrives as
// the left button) drawn across it adds a stroke; under its right end a
// touch-sized "清除" / "Clear" button. The strokes are a SignatureInk kept in
// the caller's state (kit/signature_ink.h): the pad reports what the finger
// did this frame and the role's reducer applies it with
// apply_signature_input(), as the staff login's keys are reported
// (kit/staff_login.h). Texts: "signature.*" (assets/i18n/signature.json).
// Ids: "signature.pad", "signature.clear".
#pragma once

#include <optional>

#include "app/language.h"
#include "app/translations.h"
#include "kit/signature_ink.h"
#include "ui/touch_widgets.h"

namespace kiosk::kit {

// The height the Clear button's row adds under the pad, in em (then the
// style's item spacing, as after any widget).
inline constexpr float kSignatureButtonRowEm = 3.5f;

// Draws the pad `width` x `pad_height` px at the cursor and the Clear button
// under it (kSignatureButtonRowEm more); returns this frame's input, if any:
// the finger down on the pad, moved at least kMinInkStepEm while down (also
// outside the pad: the point is kept on its edge), lifted; or Clear tapped
// (a disabled button while the pad is empty).
std::optional<SignatureInput> signature_pad(ui::TouchUi& ui, const SignatureInk& ink, const app::Translations& texts,
                                            app::Language language, float width, float pad_height);

}  // namespace kiosk::kit
