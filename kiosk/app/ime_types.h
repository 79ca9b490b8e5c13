// Pinyin input as any role's state and effects see it: the composition the
// screen shows (ImeView), what a role asks the IME thread (ImeEffect) and what
// it answers (ImeAnswered, ImeUnavailable). The thread is app/ime_worker.h;
// app/ime_mirror.h keeps an ImeView in step with the answers.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace kiosk::app {

struct CandidateView {
  std::string text;
  int index = 0;  // the IME's index, for picking
};

// The IME's composition as last reported. `generation` grows with every reset:
// an answer computed before a reset is dropped, so nothing typed comes back.
struct ImeView {
  bool available = true;  // false: librime could not start; letters only
  std::string preedit;
  std::vector<CandidateView> candidates;
  int page = 0;
  unsigned generation = 0;
};

// Digits 1..kImeSelectKeys typed while composing pick the IME's first
// candidates (menu/page_size in platform/ime/rime/default.custom.yaml).
constexpr int kImeSelectKeys = 8;

// [SECTION] Asked of the IME thread, in order
// A key: 'a'..'z', '0'..'9', ' ', ',', '.' and other printable ASCII as
// themselves; '<' BackSpace, '\n' Return (commits the letters as typed),
// '\x1b' Escape (drops the composition).
struct ImeKey {
  char key;
  unsigned generation;
};
struct ImePick {
  int index;
  unsigned generation;
};
struct ImeReset {};  // a new session: the composition is gone
using ImeEffect = std::variant<ImeKey, ImePick, ImeReset>;

// [SECTION] Its answers
// The answer to one key or pick of generation `generation`.
struct ImeAnswered {
  unsigned generation = 0;
  char key = 0;           // the key answered (0: a pick)
  bool key_used = true;   // false: the role applies the key itself (delete, space, a digit)
  std::string committed;  // append to the field
  std::string preedit;
  std::vector<CandidateView> candidates;
};
struct ImeUnavailable {
  std::string reason;
};
using ImeAnswer = std::variant<ImeAnswered, ImeUnavailable>;

}  // namespace kiosk::app
