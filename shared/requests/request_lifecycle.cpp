// The transition table of requests and the reasons a change is refused.
#include "requests/request_lifecycle.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace kiosk {
namespace {

using S = RequestState;

// Forward moves; cancellation from open states is added by next_states. The
// office may give a job to another technician until someone is on the way.
constexpr std::array<std::pair<S, S>, 16> kMoves{{
    {S::Received, S::Assigned},
    {S::Assigned, S::Assigned},
    {S::Scheduled, S::Assigned},
    {S::WaitingForParts, S::Assigned},
    {S::Assigned, S::Scheduled},
    {S::Assigned, S::OnTheWay},
    {S::Assigned, S::OnSite},
    {S::Scheduled, S::OnTheWay},
    {S::OnTheWay, S::OnSite},
    {S::OnSite, S::WaitingForParts},
    {S::OnSite, S::Done},
    {S::WaitingForParts, S::Scheduled},
    {S::WaitingForParts, S::OnTheWay},
    {S::Done, S::Closed},
    {S::Done, S::Reopened},
    {S::Reopened, S::Assigned},
}};

}  // namespace

bool is_open(RequestState state) { return state != S::Done && state != S::Closed && state != S::Cancelled; }

bool is_final(RequestState state) { return state == S::Closed || state == S::Cancelled; }

std::vector<RequestState> next_states(RequestState from) {
  std::vector<RequestState> next;
  for (const auto& [a, b] : kMoves)
    if (a == from) next.push_back(b);
  if (is_open(from)) next.push_back(S::Cancelled);
  return next;
}

bool is_technician_step(RequestState to) {
  return to == S::Scheduled || to == S::OnTheWay || to == S::OnSite || to == S::WaitingForParts || to == S::Done;
}

std::vector<RequestState> technician_next_states(RequestState from) {
  std::vector<RequestState> next = next_states(from);
  std::erase_if(next, [](S s) { return !is_technician_step(s); });
  return next;
}

std::optional<Error> check_transition(RequestState from, RequestState to) {
  const std::vector<RequestState> allowed = next_states(from);
  if (std::find(allowed.begin(), allowed.end(), to) != allowed.end()) return std::nullopt;
  std::string message = std::string("a request that is ") + to_string(from) + " cannot become " + to_string(to);
  if (allowed.empty()) {
    message += ": it is " + std::string(to_string(from)) + " for good";
  } else {
    message += " (allowed next: ";
    for (std::size_t i = 0; i < allowed.size(); ++i) message += (i ? ", " : "") + std::string(to_string(allowed[i]));
    message += ")";
  }
  return refused(message, "illegal-transition");
}

}  // namespace kiosk
