// The request lifecycle table checked pair by pair against the product's rules
// (PRODUCT.md): every legal move allowed, every other refused with a reason.
#include <doctest/doctest.h>

#include <set>
#include <utility>

#include "requests/request_lifecycle.h"

using namespace kiosk;
using S = RequestState;

namespace {

const std::vector<S> kAll{S::Received,        S::Assigned, S::Scheduled, S::OnTheWay,  S::OnSite,
                          S::WaitingForParts, S::Done,     S::Closed,    S::Cancelled, S::Reopened};

// Written out from the rules, independently of the table in request_lifecycle.cpp.
const std::set<std::pair<S, S>> kLegal{
    {S::Received, S::Assigned},
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
    // given to another technician before anyone is on the way (issue 17)
    {S::Assigned, S::Assigned},
    {S::Scheduled, S::Assigned},
    {S::WaitingForParts, S::Assigned},
    // cancelled from any open state
    {S::Received, S::Cancelled},
    {S::Assigned, S::Cancelled},
    {S::Scheduled, S::Cancelled},
    {S::OnTheWay, S::Cancelled},
    {S::OnSite, S::Cancelled},
    {S::WaitingForParts, S::Cancelled},
    {S::Reopened, S::Cancelled},
};

}  // namespace

TEST_CASE("every pair of states: legal moves pass, every other is refused with a reason") {
  int legal = 0, illegal = 0;
  for (S from : kAll) {
    for (S to : kAll) {
      CAPTURE(to_string(from));
      CAPTURE(to_string(to));
      const std::optional<Error> problem = check_transition(from, to);
      if (kLegal.count({from, to})) {
        CHECK_FALSE(problem.has_value());
        ++legal;
      } else {
        REQUIRE(problem.has_value());
        CHECK(problem->kind == ErrorKind::Refused);
        CHECK(problem->code == "illegal-transition");
        CHECK(problem->message.find(std::string(to_string(from))) != std::string::npos);
        CHECK(problem->message.find(std::string(to_string(to))) != std::string::npos);
        ++illegal;
      }
    }
  }
  CHECK(legal == 23);
  CHECK(illegal == 77);
}

TEST_CASE("open, final and the reasons given") {
  for (S s : kAll) {
    const bool open = s != S::Done && s != S::Closed && s != S::Cancelled;
    CHECK(is_open(s) == open);
    CHECK(is_final(s) == (s == S::Closed || s == S::Cancelled));
  }
  CHECK(check_transition(S::OnTheWay, S::Scheduled)->message ==
        "a request that is on-the-way cannot become scheduled (allowed next: on-site, cancelled)");
  CHECK(check_transition(S::Closed, S::Reopened)->message ==
        "a request that is closed cannot become reopened: it is closed for good");
  CHECK(check_transition(S::Done, S::Cancelled)->message ==
        "a request that is done cannot become cancelled (allowed next: closed, reopened)");
}

TEST_CASE("state names read back") {
  for (S s : kAll) CHECK(request_state_from(to_string(s)) == s);
  CHECK_FALSE(request_state_from("finished").has_value());
}
