// What can happen to the counter console (actions: taps, keys, time, worker
// results) and what the reducer asks the worker to do (effects: API calls).
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "counter/counter_state.h"

namespace kiosk::counter {

// [SECTION] Taps and keys
struct SwitchLanguage {};
using kit::EnrolInput;  // the enrol screens' (kit/device_enrolment.h)
using kit::LoginInput;  // the staff login's taps and keys (kit/staff_login_form.h)
struct ToggleService {
  std::string code;
};
struct OpenCounter {};
struct ChangeServices {};  // back to the open-counter screen
struct BackToConsole {};
struct CallNext {};
struct Recall {};
struct StartService {};
struct OpenPicker {
  Picker picker;
};
struct ClosePicker {};
struct Finish {
  std::string outcome;
};  // "resolved", "follow-up", "request"
struct NoShow {};
struct Transfer {
  std::string to_service;
};
struct Pause {
  std::string reason;
};  // "lunch", "break", "other"
struct Resume {};
struct CloseCounter {};
struct Logout {};
struct MarkReprinted {
  std::string ticket_id;
};
// The staff's request form (counter_state.h StaffRequest).
struct OpenRequestForm {};  // a walk-in's request
struct CloseRequestForm {};
struct ShowRequestPage {
  int page;
};
struct FocusRequestField {
  RequestField field;
};
// UTF-8 from the keyboard or the on-screen keys; "\b" BackSpace, "\n" Return,
// "\x1b" Escape (request_typing.h: through pinyin where the field takes it).
struct RequestTyped {
  std::string text;
};
struct PickRequestCandidate {
  int index;
};  // the IME's index
struct TurnRequestCandidatePage {
  int delta;
};
struct SwitchRequestLayout {};  // pinyin <-> letters
struct ToggleScreenKeys {};     // the on-screen keys for a touch counter
struct ChooseRequestKind {
  RequestKind kind;
};
struct ChooseRequestProduct {
  std::string code;
};
struct ChooseRequestProblem {
  std::string code;
};
struct SetRequestPurchaseDate {
  std::string date;
};  // "" for not known
struct SetRequestVisitDate {
  std::string date;
};
struct ChooseRequestWindow {
  TimeWindow window;
};
struct ChooseRequestUrgency {
  Urgency urgency;
};
struct ToggleRequestOnSite {};
struct ToggleRequestConsent {};
struct SubmitStaffRequest {};

// [SECTION] Time and worker results
struct Tick {};
struct QueueLoaded {
  std::vector<ServiceLine> services;
  std::optional<CounterLine> counter;
};
struct ReprintsLoaded {
  std::vector<TicketLine> tickets;
};
struct LoggedIn {
  std::string staff_name;
};
// A counter action's answer: the ticket it acted on...
struct TicketAnswered {
  std::string verb;
  TicketLine ticket;
};
// ...or the counter (open, pause, close).
struct CounterAnswered {
  std::string verb;
  CounterLine counter;
};
struct Reprinted {
  std::string ticket_id;
};
struct RequestOptionsLoaded {
  std::vector<ProductCategory> products;
  std::string today;
  std::string last_visit_day;
};
struct StaffRequestCreated {
  std::string code;
  bool printing = false;  // the counter has a printer: StaffReceiptPrinted follows
};
struct StaffReceiptPrinted {
  bool ok = false;
};
// The worker's enrolment and the node's refusals of this device (kit/device_enrolment.h).
using kit::EnrolAnswer;
// The IME thread's answers (app/ime_types.h).
using app::ImeAnswered;
using app::ImeUnavailable;
// The node refused the form (a field's validation code such as "phone-format",
// or "ticket-already-requested"); an unreachable node or an ended session
// comes as RequestFailed{"request"} like any other request.
struct StaffRequestRefused {
  std::string code;
  std::string message;
};
// Why a request failed, as the reducer needs it.
// DiskFull and ReadOnly: the node is there but its disk refused the write.
enum class Failure {
  Unreachable,
  SessionEnded,
  WrongPin,
  LockedOut,
  UnknownCounter,
  Refused,
  DiskFull,
  ReadOnly,
  Other
};
struct RequestFailed {
  std::string what;  // "login", "queue", "reprints", "reprint" or a counter verb ("call"...)
  Failure failure = Failure::Other;
  int locked_minutes = 0;  // for LockedOut
};

using Action =
    std::variant<SwitchLanguage, LoginInput, EnrolInput, ToggleService, OpenCounter, ChangeServices, BackToConsole,
                 CallNext, Recall, StartService, OpenPicker, ClosePicker, Finish, NoShow, Transfer, Pause, Resume,
                 CloseCounter, Logout, MarkReprinted, OpenRequestForm, CloseRequestForm, ShowRequestPage,
                 FocusRequestField, RequestTyped, PickRequestCandidate, TurnRequestCandidatePage, SwitchRequestLayout,
                 ToggleScreenKeys, ChooseRequestKind, ChooseRequestProduct, ChooseRequestProblem,
                 SetRequestPurchaseDate, SetRequestVisitDate, ChooseRequestWindow, ChooseRequestUrgency,
                 ToggleRequestOnSite, ToggleRequestConsent, SubmitStaffRequest, Tick, QueueLoaded, ReprintsLoaded,
                 LoggedIn, TicketAnswered, CounterAnswered, Reprinted, RequestOptionsLoaded, StaffRequestCreated,
                 StaffReceiptPrinted, StaffRequestRefused, RequestFailed, EnrolAnswer, ImeAnswered, ImeUnavailable>;

// [SECTION] Effects: one API request each, run in order on the worker.
struct LogIn {
  std::string name;
  std::string pin;
};
struct LogOut {};
struct LoadQueue {};
struct LoadReprints {};
// POST /counters/N/VERB; `argument` is the outcome, service or reason the verb takes.
struct CounterCommand {
  std::string verb;
  std::string argument;
  std::vector<std::string> services;  // for "open"
};
struct ReprintDone {
  std::string ticket_id;
};
struct LoadRequestOptions {};  // GET /products
// POST /requests, or /tickets/ID/request when `ticket_id` is set.
struct PostRequest {
  RequestForm form;
  std::string ticket_id;
};

using Effect = std::variant<LogIn, LogOut, LoadQueue, LoadReprints, CounterCommand, ReprintDone, LoadRequestOptions,
                            PostRequest, kit::EnrolDevice, app::ImeEffect>;  // the IME's go to the IME thread

}  // namespace kiosk::counter
