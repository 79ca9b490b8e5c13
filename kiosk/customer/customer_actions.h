// What can happen to the customer kiosk (actions: taps, time, worker results)
// and what the reducer asks the workers to do (effects).
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "customer/customer_state.h"

namespace kiosk::customer {

// [SECTION] Taps
struct SwitchLanguage {};
struct OpenTakeNumber {};
struct OpenRate {};
struct OpenComingSoon { ComingSoonTopic topic; };
struct BackToWelcome {};
struct ChooseService { std::string code; };
struct TogglePriority {};
struct OpenPhonePad {};
struct PhoneKey { char key; };  // '0'..'9', '<' delete, '*' clear
struct AcceptPhone {};
struct ClosePhonePad {};  // cancel: what was typed goes, an accepted number stays
struct RemovePhone {};
struct ConfirmTakeNumber {};
struct RateKey { char key; };   // 'A'..'Z', '0'..'9', '<' delete, '*' clear
struct LookUpVisit {};
struct PickVisit { VisitView visit; };
struct PickScore { int score; };
struct ToggleReason { std::string code; };
struct SubmitRating {};
struct StillHere {};  // dismisses the idle countdown

// [SECTION] Time and worker results
struct Tick {};
struct ServicesLoaded { std::vector<ServiceView> services; };
struct TicketIssued { TicketView ticket; };
struct IssueFailed { std::string error_code; };
struct TicketPrinted { bool ok; };
struct VisitFound { VisitView visit; };
struct VisitRefused { std::string error_code; };
struct RecentVisitsLoaded { std::vector<VisitView> visits; };
struct RatingSaved {};
struct RatingRefused { std::string error_code; };

using Action = std::variant<SwitchLanguage, OpenTakeNumber, OpenRate, OpenComingSoon, BackToWelcome, ChooseService,
                            TogglePriority, OpenPhonePad, PhoneKey, AcceptPhone, ClosePhonePad, RemovePhone, ConfirmTakeNumber, RateKey,
                            LookUpVisit, PickVisit, PickScore, ToggleReason, SubmitRating, StillHere, Tick,
                            ServicesLoaded, TicketIssued, IssueFailed, TicketPrinted, VisitFound, VisitRefused,
                            RecentVisitsLoaded, RatingSaved, RatingRefused>;

// True for actions a person causes (they count as activity and obey the tap guard).
bool is_tap(const Action& action);

// [SECTION] Effects
struct LoadServices {};
struct IssueTicket {
  std::string service_code;
  bool priority;
  std::string phone;
  Language language;
};
struct LoadRecentVisits { int minutes; };
struct FindVisit { std::string label; };
struct SaveRating {
  std::string ticket_id;
  int score;
  std::vector<std::string> reasons;
};

using Effect = std::variant<LoadServices, IssueTicket, LoadRecentVisits, FindVisit, SaveRating>;

}  // namespace kiosk::customer
