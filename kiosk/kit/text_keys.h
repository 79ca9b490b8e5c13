// On-screen text keys for any role: the pinyin candidate bar (large buttons,
// paged to the width; "cand.<n>", "cand.less", "cand.more"), rows of
// one-character keys, and the whole keyboard: a row of digits, three rows of
// letters ("kb.<c>") and a bottom row (layout switch "kb.layout", comma or '-',
// space, full stop or '/', delete). The caller turns the events into its
// actions; the IME's composition comes from app/ime_types.h.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/ime_types.h"
#include "ui/touch_widgets.h"

namespace kiosk::kit {

struct TextKeysWords {
  std::string_view type_here;  // the empty candidate bar
  std::string_view letters;    // the layout key in pinyin
  std::string_view pinyin;     // the layout key in letters
  std::string_view space;
  std::string_view del;
};

struct TextKeysEvents {
  std::function<void(char)> key;       // 'a'..'z', '0'..'9', ' ', ',', '.', '-', '/', '<' delete
  std::function<void(int)> pick;       // a candidate's IME index
  std::function<void(int)> turn_page;  // -1 or +1
  std::function<void()> switch_layout;
};

struct TextKeysLayout {
  bool pinyin = false;      // the candidate bar shows, comma and full stop are Chinese
  bool code_field = false;  // a model or serial number: '-' and '/' instead of comma and full stop
  bool can_switch = true;   // the IME runs: the layout key works
};

// Keys as rows of one-character buttons ("<prefix><char>" ids), shorter rows centred.
void key_rows(ui::TouchUi& ui, const std::vector<std::string>& rows, const std::string& id_prefix, float width,
              float key_h_em, const std::function<void(char)>& on_key);

// The preedit on the left, the page of candidates (the first highlighted), the
// page buttons. With `numbered`, candidates the IME's digit keys pick (its
// first kImeSelectKeys) show their digit ("1 张伟"), for a physical keyboard.
void candidate_bar(ui::TouchUi& ui, const app::ImeView& ime, std::string_view type_here, float width, float height_em,
                   const TextKeysEvents& events, bool numbered = false);

// The candidate bar (in pinyin) and the keys in `width` x `height`.
void text_keys(ui::TouchUi& ui, const app::ImeView& ime, const TextKeysLayout& layout, const TextKeysWords& words,
               float width, float height, const TextKeysEvents& events);

}  // namespace kiosk::kit
