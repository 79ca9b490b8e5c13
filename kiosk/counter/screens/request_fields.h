// The request form's text fields and typing aids: a labelled field showing its
// text (the phone masked unless typed in) with the pinyin being composed after
// it; the typing row under a page with text fields (the candidate bar with the
// digits that pick, the pinyin / letters switch, the on-screen keys switch);
// and, for a touch counter, the on-screen keys under the focused field.
#pragma once

#include "counter/screens/counter_kit.h"

namespace kiosk::counter::screens {

constexpr float kTypingRowEm = 2.6f;

// "counter.request.name"...: a field's label in the texts.
const char* field_label_key(RequestField field);

// A labelled field ("req.<field>"); tapping it focuses it.
void text_field(ui::TouchUi& ui, const CounterView& view, const Emit& emit, RequestField field, float width,
                float height_em);

// One row kTypingRowEm high: the candidate bar ("cand.*") unless the on-screen
// keys show their own, "req.layout" (pinyin / letters) where the focused field
// takes Chinese, and "req.keys" (the on-screen keys on / off).
void typing_row(ui::TouchUi& ui, const CounterView& view, const Emit& emit, float width);

// The focused field, large, and the on-screen keys ("kb.*", kit/text_keys.h) in `width` x `height`.
void screen_keys_panel(ui::TouchUi& ui, const CounterView& view, const Emit& emit, float width, float height);

}  // namespace kiosk::counter::screens
