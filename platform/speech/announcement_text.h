// What the calling display says for a call, as text for espeak-ng: Mandarin in
// tone-numbered pinyin for the cmn-latn-pinyin voice (the cmn voice misreads
// characters, see FIELD-NOTES.md) and English. The ticket's letter is read as a
// letter and its digits one by one ("A012" is never "A zero twelve"); the
// counter, 1..99, is read as a number ("12" is shi2 er4 / "12" -> twelve),
// because counters are small numbers people hear as numbers and see on signs.
//   A012, counter 3 -> "qing3 A ling2 yi1 er4 hao4 dao4 san1 hao4 chuang1 kou3"
//                      "Number A, 0, 1, 2, please go to counter 3"
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace kiosk::speech {

struct AnnouncementText {
  std::string mandarin_pinyin;  // 请 A 零一二 号到 三 号窗口
  std::string english;
};

constexpr int max_counter_number = 99;

// An error (InvalidArgument) for a label that is not a ticket label (letter and
// at least three digits, see shared/queue/ticket_label.h) or a counter outside 1..99.
Result<AnnouncementText> announcement_text(std::string_view ticket_label, int counter_number);

}  // namespace kiosk::speech
