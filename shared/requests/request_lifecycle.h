// The request lifecycle as a table: which state may follow which. Pure; the
// request book asks it before every change and stores its refusal verbatim.
//
//   received -> assigned
//   assigned -> scheduled | on-the-way | on-site (drop-off repairs at the hall)
//   scheduled -> on-the-way
//   on-the-way -> on-site
//   on-site -> waiting-for-parts | done
//   waiting-for-parts -> scheduled | on-the-way
//   reopened -> assigned
//   done -> closed | reopened
//   every open state (all but done, closed, cancelled) -> cancelled
#pragma once

#include <optional>
#include <vector>

#include "core/result.h"
#include "model/request_model.h"

namespace kiosk {

// Open: work is still to be done (cancellable). done, closed, cancelled are not.
bool is_open(RequestState state);
// Closed or cancelled: nothing follows, and the privacy purge may erase it.
bool is_final(RequestState state);

// The states that may follow `from`, in lifecycle order.
std::vector<RequestState> next_states(RequestState from);

// The states a field technician may move his own job to from `from`: the
// work steps (scheduled, on-the-way, on-site, waiting-for-parts, done), not
// assigning, cancelling, closing or reopening, which are the office's.
std::vector<RequestState> technician_next_states(RequestState from);
bool is_technician_step(RequestState to);

// nullopt when from -> to is legal; otherwise a Refused error with code
// "illegal-transition" and a message naming what is allowed.
std::optional<Error> check_transition(RequestState from, RequestState to);

}  // namespace kiosk
