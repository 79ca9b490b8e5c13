// Pinyin input through librime for one on-screen keyboard: keys in, the
// composition (preedit and candidates) out, a candidate picked, text
// committed. One librime session per form: reset() drops it and opens a new
// one, so nothing typed survives the idle wipe. The schema is the pinyin_simp
// that platform/ime deploys at build time; this class never deploys. librime's
// user dir is a fresh private directory on tmpfs, removed at the end, and the
// schema's user dictionary is off: nothing is learned from one customer for
// the next. librime is one per process: one PinyinIme at a time, used from
// one thread.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"

namespace kiosk::ime {

// X11 keysyms librime understands, for the keys an on-screen keyboard sends
// beside the printable ASCII ones ('a'..'z', ' ', ',', '.').
constexpr int kBackSpace = 0xff08;
constexpr int kReturn = 0xff0d;
constexpr int kEscape = 0xff1b;

struct Candidate {
  std::string text;
  int index = 0;  // its place in librime's whole list, for pick()
};

struct Composition {
  std::string preedit;                // the syllables being typed ("kong tiao"), picked words first
  std::vector<Candidate> candidates;  // only those the screen can draw, best first
  std::string committed;              // text the last key or pick finished: append it to the field
  bool key_used = true;  // false: the key meant nothing to the IME (BackSpace or space with nothing composed)

  bool composing() const { return !preedit.empty(); }
};

// True for a character the screen can draw and the field can hold; candidates
// with any other character are left out.
using CharacterFilter = std::function<bool(char32_t)>;

struct PinyinConfig {
  std::string data_dir;        // the deployed schema; empty: $KIOSK_RIME_DATA_DIR, else the build tree's
  std::string scratch_parent;  // where the private user dir is made; empty: $XDG_RUNTIME_DIR, /dev/shm or /tmp
  std::size_t max_candidates = 48;
};

class PinyinIme {
 public:
  // Starts librime on the deployed data and opens a session. Errors: the data
  // is missing (not deployed) or librime cannot open the schema.
  static Result<std::unique_ptr<PinyinIme>> start(const PinyinConfig& config, CharacterFilter drawable);
  ~PinyinIme();
  PinyinIme(const PinyinIme&) = delete;
  PinyinIme& operator=(const PinyinIme&) = delete;

  Composition key(int keysym);
  // Picks the candidate librime lists at `index` (Candidate::index).
  Composition pick(int index);
  // A new session: the composition and anything librime held are gone.
  void reset();
  // The composition now (nothing committed).
  Composition current() const;

  const std::string& data_dir() const { return data_dir_; }
  const std::string& user_dir() const { return user_dir_; }

 private:
  PinyinIme(std::string data_dir, std::string user_dir, CharacterFilter drawable, std::size_t max_candidates);
  Composition read(bool key_used);
  Result<bool> open_session();

  std::string data_dir_;
  std::string user_dir_;
  CharacterFilter drawable_;
  std::size_t max_candidates_;
  unsigned long long session_ = 0;
};

// Where the build deployed the schema: $KIOSK_RIME_DATA_DIR, else the installed
// share/kiosk/rime-data, else the build tree's.
std::string default_rime_data_dir();

}  // namespace kiosk::ime
