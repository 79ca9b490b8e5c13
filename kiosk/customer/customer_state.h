// Everything the customer kiosk knows at one moment, owned by the UI thread.
// Screens read it; only customer_reducer changes it. Plain data, no behaviour.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/language.h"
#include "core/clock.h"
#include "customer/admin_state.h"
#include "customer/help_state.h"
#include "customer/request_state.h"

namespace kiosk::customer {

using app::Language;

enum class Screen {
  Welcome,
  TakeNumber,
  Ticket,
  RateFind,
  RateScore,
  RateThanks,
  Request,
  RequestDone,
  Check,
  CheckResult,
  RateRequest,
  StaffLogin,
  Admin,
  Devices,      // the staff corner's enrolled devices and enrolment codes
  Help,         // the categories, a category's articles or the search results
  HelpArticle,  // one article and "did this help?"
  HelpThanks
};

// A service as the customer sees it: names, and how busy it is now.
struct ServiceView {
  std::string code;
  std::string name_zh;
  std::string name_en;
  bool priority_allowed = false;
  int waiting = 0;
  std::optional<int> estimated_wait_min;  // nullopt: no open counter calls it now
};

struct TakeNumberForm {
  std::string service_code;  // empty until a tile is tapped
  bool priority = false;
  bool phone_pad_open = false;
  std::string phone_typed;     // digits on the pad, shown while typing
  std::string phone_accepted;  // validated digits, shown masked from then on
  std::string phone_error;     // error code of the last OK ("phone-format"...)
};

enum class PrintStatus { ScreenOnly, Printing, Printed, Failed };

struct TicketView {
  std::string id;
  std::string label;
  std::string service_code;
  std::string token;              // opaque: the QR code's content without a phone page
  std::string rating_check;       // the digits that rate this visit at the kiosk (ratings/rating_check.h)
  std::string issued_local_time;  // "14:05"
  std::string phone_masked;
  int people_ahead = 0;
  std::optional<int> estimated_wait_min;  // nullopt: no open counter calls it now
  PrintStatus print = PrintStatus::ScreenOnly;
  bool priority = false;
  // "{public_url}/t/{token}": the QR code holds it and the ticket says to scan
  // it; empty while the store knows no public address (the QR holds the token
  // and nothing is promised).
  std::string page_url = {};
};

struct VisitView {
  std::string ticket_id;
  std::string label;
};

struct RateFlow {
  std::string typed_label;    // on the letter+digit pad
  std::string typed_check;    // the ticket's rating check digits
  bool typing_check = false;  // which box the keys go to
  VisitView visit;            // the visit being rated
  int score = 0;              // 1..5 once a face is tapped
  std::set<std::string> reasons;
  std::string error;  // code of the last refusal ("already-rated"...)
  bool busy = false;  // a lookup or a save is on its way
};

struct CustomerState {
  Screen screen = Screen::Welcome;
  Language language = Language::Zh;
  std::vector<ServiceView> services;
  bool reminders = false;  // HQ texts reminders: the phone number is offered for one
  std::string public_url;  // HQ's public address as the store knows it ("" none): the QR of an article
  TakeNumberForm form;
  bool issuing = false;     // a ticket is being written: further taps on "get my number" do nothing
  std::string issue_error;  // error code when issuing failed
  std::optional<TicketView> ticket;
  RateFlow rate;
  RequestFlow request;
  CheckFlow check;
  RequestRateFlow request_rate;
  ImeView ime;
  AdminFlow admin;
  std::shared_ptr<const HelpLibrary> help_library;  // the store's articles; null until the worker has read them
  HelpFlow help;
  // The kb_use rows of this customer's help visit: a number taken before the
  // kiosk goes idle records its label on them (KbBook::ticket_taken).
  std::vector<std::string> help_uses;
  unsigned help_visit = 0;    // grows at every next-customer wipe: a use written for the last customer stays theirs
  EpochMs last_activity = 0;  // last tap, for the idle countdown
  EpochMs screen_since = 0;   // when the current screen appeared
  EpochMs services_loaded_at = 0;
  bool services_loading = false;
};

// Timings of the customer screens (milliseconds).
struct CustomerTimings {
  EpochMs idle_quiet = 40'000;      // no tap for this long: the countdown appears
  EpochMs idle_countdown = 20'000;  // visible countdown before the wipe (WCAG 2.2.1: at least 20 s)
  EpochMs tap_guard = 400;          // taps this soon after a screen change are ignored (double taps)
  EpochMs services_refresh = 10'000;
  EpochMs thanks_shown = 6'000;       // the thank-you screen returns to Welcome by itself
  EpochMs help_thanks_shown = 5'000;  // so does Help's, after "yes, it helped"
  EpochMs staff_hold = 3'000;         // a finger held this long on the welcome title opens the staff login
};

}  // namespace kiosk::customer
