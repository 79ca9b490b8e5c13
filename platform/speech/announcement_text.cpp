// Building the announcement text: ticket digits spelled, counters read as numbers.
#include "speech/announcement_text.h"

#include <array>

#include "queue/ticket_label.h"

namespace kiosk::speech {

namespace {

constexpr std::array<const char*, 10> pinyin_digits = {"ling2", "yi1",  "er4", "san1", "si4",
                                                       "wu3",   "liu4", "qi1", "ba1",  "jiu3"};

// 1..99 the way it is said: 3 san1, 10 shi2, 12 shi2 er4, 20 er4 shi2, 21 er4 shi2 yi1.
std::string pinyin_number(int number) {
  const int tens = number / 10;
  const int units = number % 10;
  if (tens == 0) return pinyin_digits[units];
  std::string spoken = tens == 1 ? "shi2" : std::string(pinyin_digits[tens]) + " shi2";
  if (units != 0) spoken += std::string(" ") + pinyin_digits[units];
  return spoken;
}

}  // namespace

Result<AnnouncementText> announcement_text(std::string_view ticket_label, int counter_number) {
  const std::string label(ticket_label);
  const auto parsed = parse_ticket_label(label);
  if (!parsed) return invalid_argument("not a ticket label: '" + label + "'", "bad-ticket-label");
  if (counter_number < 1 || counter_number > max_counter_number) {
    return invalid_argument(
        "counter number out of 1.." + std::to_string(max_counter_number) + ": " + std::to_string(counter_number),
        "bad-counter-number");
  }

  const std::string letter = parsed->prefix;  // upper case: both voices read it as a letter name
  std::string pinyin_spelled;
  std::string english_spelled;
  for (const char digit : std::string_view(label).substr(letter.size())) {
    pinyin_spelled += std::string(" ") + pinyin_digits[digit - '0'];
    english_spelled += std::string(", ") + digit;
  }
  return AnnouncementText{
      "qing3 " + letter + pinyin_spelled + " hao4 dao4 " + pinyin_number(counter_number) + " hao4 chuang1 kou3",
      "Number " + letter + english_spelled + ", please go to counter " + std::to_string(counter_number),
  };
}

}  // namespace kiosk::speech
