// Names of request kinds, states, urgencies and time windows, as stored in
// SQLite and printed by kioskctl; the local hours of each time window.
#include "model/request_model.h"

#include <algorithm>
#include <array>
#include <utility>

#include "model/enum_names.h"

namespace kiosk {
namespace {

using enum_names::name_in;
using enum_names::value_in;

constexpr std::array kKinds{std::pair{RequestKind::Repair, "repair"},
                            std::pair{RequestKind::Installation, "installation"}};
constexpr std::array kStates{
    std::pair{RequestState::Received, "received"},   std::pair{RequestState::Assigned, "assigned"},
    std::pair{RequestState::Scheduled, "scheduled"}, std::pair{RequestState::OnTheWay, "on-the-way"},
    std::pair{RequestState::OnSite, "on-site"},      std::pair{RequestState::WaitingForParts, "waiting-for-parts"},
    std::pair{RequestState::Done, "done"},           std::pair{RequestState::Closed, "closed"},
    std::pair{RequestState::Cancelled, "cancelled"}, std::pair{RequestState::Reopened, "reopened"}};
constexpr std::array kUrgencies{std::pair{Urgency::Normal, "normal"}, std::pair{Urgency::Urgent, "urgent"}};
constexpr std::array kWindows{std::pair{TimeWindow::Morning, "morning"}, std::pair{TimeWindow::Afternoon, "afternoon"},
                              std::pair{TimeWindow::Evening, "evening"}};
// [start, end) local hours, in the order of TimeWindow.
constexpr std::array<std::pair<int, int>, 3> kWindowHours{{{9, 12}, {12, 18}, {18, 21}}};

}  // namespace

const char* to_string(RequestKind kind) { return name_in(kKinds, kind); }
const char* to_string(RequestState state) { return name_in(kStates, state); }
const char* to_string(Urgency urgency) { return name_in(kUrgencies, urgency); }
const char* to_string(TimeWindow window) { return name_in(kWindows, window); }
std::optional<RequestKind> request_kind_from(const std::string& name) { return value_in(kKinds, name); }
std::optional<RequestState> request_state_from(const std::string& name) { return value_in(kStates, name); }
std::optional<Urgency> urgency_from(const std::string& name) { return value_in(kUrgencies, name); }
std::optional<TimeWindow> time_window_from(const std::string& name) { return value_in(kWindows, name); }

std::string request_state_names() { return enum_names::names_of(kStates); }

bool offered_for(const ProblemCategory& problem, RequestKind kind) {
  return kind == RequestKind::Repair ? problem.for_repair : problem.for_installation;
}

bool offered_for(const ProductCategory& product, RequestKind kind) {
  return std::any_of(product.problems.begin(), product.problems.end(),
                     [&](const ProblemCategory& p) { return offered_for(p, kind); });
}

std::vector<ProblemCategory> problems_for(const ProductCategory& product, RequestKind kind) {
  std::vector<ProblemCategory> offered;
  for (const ProblemCategory& p : product.problems)
    if (offered_for(p, kind)) offered.push_back(p);
  return offered;
}

int window_start_hour(TimeWindow window) { return kWindowHours[static_cast<std::size_t>(window)].first; }
int window_end_hour(TimeWindow window) { return kWindowHours[static_cast<std::size_t>(window)].second; }

}  // namespace kiosk
