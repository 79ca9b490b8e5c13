// The ImeView rules every role shares.
#include "app/ime_mirror.h"

namespace kiosk::app {

ImeReset reset_ime(ImeView& ime) {
  ime.preedit.clear();
  ime.candidates.clear();
  ime.page = 0;
  ++ime.generation;
  return ImeReset{};
}

bool take_ime_answer(ImeView& ime, const ImeAnswered& answer) {
  if (answer.generation != ime.generation) return false;
  if (ime.preedit != answer.preedit || answer.candidates.empty()) ime.page = 0;
  ime.preedit = answer.preedit;
  ime.candidates = answer.candidates;
  return true;
}

}  // namespace kiosk::app
