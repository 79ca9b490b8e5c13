// The follow-up figures (followup_figures.h).
#include "hq/followup_figures.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

json share(std::int64_t part, std::int64_t whole) { return whole ? json(double(part) / double(whole)) : json(nullptr); }

}  // namespace

void FollowupTally::add(const FollowupFact& f) {
  ++due;
  done += f.done;
  done_on_time += f.done && f.on_time;
  reached += f.done && f.reached;
  not_solved += f.done && f.reached && f.solved == false;
  requests += f.request;
  solved_first_visit += f.request && f.first_visit && f.done && f.solved == true;
}

json FollowupTally::figures() const {
  return json{{"due", due},
              {"done", done},
              {"done_on_time", done_on_time},
              {"followup_rate", share(done_on_time, due)},
              {"reached", reached},
              {"reached_rate", share(reached, done)},
              {"requests", requests},
              {"solved_first_visit", solved_first_visit},
              {"solved_first_visit_share", share(solved_first_visit, requests)},
              {"not_solved", not_solved},
              {"reopened_rate", share(not_solved, reached)}};
}

void ComplaintTally::add(EpochMs issued_at, std::optional<EpochMs> solved_at) {
  ++opened;
  if (!solved_at) {
    ++still_open;
    return;
  }
  solved_within_24h += *solved_at - issued_at <= kComplaintDayMs;
  solved_within_72h += *solved_at - issued_at <= 3 * kComplaintDayMs;
}

json ComplaintTally::figures() const {
  return json{{"opened", opened},
              {"solved_within_24h", solved_within_24h},
              {"solved_within_24h_share", share(solved_within_24h, opened)},
              {"solved_within_72h", solved_within_72h},
              {"solved_within_72h_share", share(solved_within_72h, opened)},
              {"still_open", still_open}};
}

}  // namespace kiosk::hq
