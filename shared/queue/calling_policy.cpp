// The interleave rule of the calling policy.
#include "queue/calling_policy.h"

namespace kiosk {

CallDecision decide_next_call(bool priority_waiting, bool normal_waiting, int priority_streak, int interleave) {
  if (priority_waiting && (priority_streak < interleave || !normal_waiting)) {
    return {NextPick::Priority, priority_streak + 1};
  }
  if (normal_waiting) return {NextPick::Normal, 0};
  return {NextPick::Nobody, priority_streak};
}

}  // namespace kiosk
