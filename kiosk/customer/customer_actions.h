// What can happen to the customer kiosk (actions: taps, time, worker results)
// and what the reducer asks the workers to do (effects).
#pragma once

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "customer/customer_state.h"

namespace kiosk::customer {

// [SECTION] Taps
struct SwitchLanguage {};
struct OpenTakeNumber {};
struct OpenRate {};
struct OpenRequest {};
struct OpenCheck {};
struct BackToWelcome {};
struct ChooseService {
  std::string code;
};
struct TogglePriority {};
struct OpenPhonePad {};
struct PhoneKey {
  char key;
};  // '0'..'9', '<' delete, '*' clear
struct AcceptPhone {};
struct ClosePhonePad {};  // cancel: what was typed goes, an accepted number stays
struct RemovePhone {};
struct ConfirmTakeNumber {};
struct RateKey {
  char key;
};  // 'A'..'Z', '0'..'9', '<' delete, '*' clear
struct LookUpVisit {};
struct TypeRateCheck {
  bool check;
};  // which box the rate keys go to
struct PickScore {
  int score;
};
struct ToggleReason {
  std::string code;
};
struct SubmitRating {};
struct StillHere {};  // dismisses the idle countdown
// The request form (request_reducer.cpp). Tiles choose and move on; the text,
// contact, visit and consent steps move on with NextStep.
struct ChooseKind {
  RequestKind kind;
};
struct ChooseProduct {
  std::string code;
};
struct ChooseProblem {
  std::string code;
};
struct FocusText {
  TextTarget target;
};
struct TextKey {
  char key;
};  // 'a'..'z', '0'..'9', ' ', ',', '.', '<' delete (pinyin: librime's meaning)
struct PickCandidate {
  int index;
};
struct TurnCandidatePage {
  int delta;
};
struct SwitchLayout {};  // pinyin <-> letters
struct ChooseDay {
  std::string date;
};
struct ChooseWindow {
  TimeWindow window;
};
struct ToggleConsent {};
struct SetPurchaseDate {
  std::string date;
};  // YYYY-MM-DD, or "" for not known
struct ChooseUrgency {
  Urgency urgency;
};
struct NextStep {};
struct PreviousStep {};
// The form's top-bar Home: leaves at once when nothing is entered yet, else asks
// first (LeaveRequest again leaves, StayOnRequest goes back to the step).
struct LeaveRequest {};
struct StayOnRequest {};
struct EditStep {
  FormStep step;
};  // from the review
struct SubmitRequest {};
// Check my request.
struct CheckKey {
  char key;
};  // 'A'..'Z', '0'..'9', '<' delete, '*' clear
struct TypeCheckDigits {
  bool digits;
};  // which box the keys go to
struct LookUpRequest {};
// Rate a finished request from its status (request_rating_reducer.h).
struct OpenRequestRating {};
struct PickRequestScore {
  int score;
};
struct ToggleRequestReason {
  std::string code;
};
struct SubmitRequestRating {};
struct CloseRequestRating {};  // back to the status
// The staff corner (admin_reducer.h): hold the welcome title, then name and PIN.
struct StaffHold {
  bool down;
};                      // the finger went down on / lifted from the welcome title
using kit::LoginInput;  // the staff login's taps and keys (kit/staff_login_form.h)
struct RefreshAdmin {};
// The Devices screen (device_reducer.h), from the admin screen and back.
struct OpenDevices {};
struct CloseDevices {};
struct EnrolDevice {};  // makes a one-time code
struct AskRevokeDevice {
  std::string device_id;
};
struct ConfirmRevokeDevice {};
struct CancelRevokeDevice {};
// Help (help_reducer.h): the text keys (TextKey, PickCandidate...) type into
// its search field while it shows.
struct OpenHelp {};
struct FocusHelpSearch {};  // the search field: its keys open
struct HideHelpKeys {};
struct OpenHelpCategory {
  std::string key;  // HelpCategory::key
};
struct ShowHelpPage {
  int page;
};
struct OpenHelpArticle {
  std::string id;  // from Help (browse or search) or from the ticket screen (while you wait)
};
struct AnswerHelp {
  bool helpful;
};
// One level up: from an article where it was opened from; on Help the search
// cleared, else the category closed (the top level's way back is BackToWelcome).
struct HelpBack {};

// [SECTION] Time and worker results
struct Tick {};
struct ServicesLoaded {
  std::vector<ServiceView> services;
  bool reminders;  // HQ's settings as the store knows them now (sync/public_page.h)
  std::string public_url = {};
};
struct TicketIssued {
  TicketView ticket;
};
struct IssueFailed {
  std::string error_code;
};
struct TicketPrinted {
  bool ok;
};
struct VisitFound {
  VisitView visit;
};
struct VisitRefused {
  std::string error_code;
};
struct RatingSaved {};
struct RatingRefused {
  std::string error_code;
};
struct RequestOptionsLoaded {
  std::vector<ProductCategory> products;
  std::vector<DayOption> days;
};
// The IME thread's answers (app/ime_types.h).
using app::ImeAnswered;
using app::ImeUnavailable;
struct RequestCreated {
  std::string code;
  bool printing;
};
struct RequestRefused {
  std::string error_code;
};
struct RequestReceiptPrinted {
  bool ok;
};
struct RequestStatusFound {
  StatusView status;
};
struct RequestLookupRefused {
  std::string error_code;
  EpochMs wait_ms = 0;  // "lookup-slowed-down": how long until the next try
};
struct RequestRated {};
struct RequestRatingRefused {
  std::string error_code;
};
struct StaffPinChecked {
  std::string error_code;  // empty: the PIN is right
  EpochMs locked_ms = 0;   // "locked-out": how long until the next try
};
struct AdminFiguresRead {
  AdminFigures figures;
};
struct AdminHealthRead {
  AdminHealth health;
};
struct DevicesRead {
  DevicesView view;
};
struct DeviceCodeIssued {
  DeviceCodeView code;
};
struct DeviceCodeRefused {
  std::string error_code;
};
struct HelpLoaded {  // the store's articles changed (or were read the first time)
  std::shared_ptr<const HelpLibrary> library;
};
struct KbUseOpened {  // the worker wrote the kb_use row of an article opened
  std::string article_id;
  std::string use_id;
  KbSource source;
  unsigned visit;  // CustomerState::help_visit when it was opened
};

using Action =
    std::variant<SwitchLanguage, OpenTakeNumber, OpenRate, OpenRequest, OpenCheck, BackToWelcome, ChooseService,
                 TogglePriority, OpenPhonePad, PhoneKey, AcceptPhone, ClosePhonePad, RemovePhone, ConfirmTakeNumber,
                 RateKey, LookUpVisit, TypeRateCheck, PickScore, ToggleReason, SubmitRating, StillHere, ChooseKind,
                 ChooseProduct, ChooseProblem, FocusText, TextKey, PickCandidate, TurnCandidatePage, SwitchLayout,
                 ChooseDay, ChooseWindow, ToggleConsent, SetPurchaseDate, ChooseUrgency, NextStep, PreviousStep,
                 LeaveRequest, StayOnRequest, EditStep, SubmitRequest, CheckKey, TypeCheckDigits, LookUpRequest, Tick,
                 ServicesLoaded, TicketIssued, IssueFailed, TicketPrinted, VisitFound, VisitRefused, RatingSaved,
                 RatingRefused, RequestOptionsLoaded, ImeAnswered, ImeUnavailable, RequestCreated, RequestRefused,
                 RequestReceiptPrinted, RequestStatusFound, RequestLookupRefused, OpenRequestRating, PickRequestScore,
                 ToggleRequestReason, SubmitRequestRating, CloseRequestRating, RequestRated, RequestRatingRefused,
                 StaffHold, LoginInput, RefreshAdmin, StaffPinChecked, AdminFiguresRead, AdminHealthRead, OpenDevices,
                 CloseDevices, EnrolDevice, AskRevokeDevice, ConfirmRevokeDevice, CancelRevokeDevice, DevicesRead,
                 DeviceCodeIssued, DeviceCodeRefused, OpenHelp, FocusHelpSearch, HideHelpKeys, OpenHelpCategory,
                 ShowHelpPage, OpenHelpArticle, AnswerHelp, HelpBack, HelpLoaded, KbUseOpened>;

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
struct FindVisit {
  std::string label;
  std::string check;  // the rating check digits typed
};
struct SaveRating {
  std::string ticket_id;
  int score;
  std::vector<std::string> reasons;
};

struct LoadRequestOptions {};
struct CreateRequest {
  RequestForm form;
  Language language;
};
struct LookUpStatus {
  std::string code;
  std::string last_four;
};
struct RateRequest {
  std::string code;
  int score;
  std::vector<std::string> reasons;
};
// The staff corner: the PIN through StaffBook (lockout included); the figures,
// then the slow integrity check, each posted as it is read.
struct CheckStaffPin {
  std::string name;
  std::string pin;
};
struct ReadAdminFigures {};
// The Devices screen: the devices and the node's fingerprint read; a code
// made (DeviceBook::issue_code); a device revoked, then all read again.
struct ReadDevices {};
struct IssueDeviceCode {};
struct RevokeDevice {
  std::string device_id;
};
// Help: the articles read again when the store's changed (HelpLoaded), and
// what a customer read counted (KbBook).
struct LoadHelp {};
struct OpenKbUse {
  std::string article_id;
  KbSource source;
  bool english;
  std::string ticket_label;  // source ticket: the number the customer waits with
  unsigned visit;
};
struct AnswerKbUse {
  std::string use_id;
  bool helpful;
};
struct RecordKbTicket {  // a number taken in the help visit of these uses
  std::vector<std::string> use_ids;
  std::string label;
};
// For the IME thread (app/ime_worker.h), in order; `generation` is the state's at the time.
using app::ImeEffect;
using app::ImeKey;
using app::ImePick;
using app::ImeReset;

using Effect = std::variant<LoadServices, IssueTicket, FindVisit, SaveRating, LoadRequestOptions, CreateRequest,
                            LookUpStatus, RateRequest, CheckStaffPin, ReadAdminFigures, ReadDevices, IssueDeviceCode,
                            RevokeDevice, ImeEffect, LoadHelp, OpenKbUse, AnswerKbUse, RecordKbTicket>;

}  // namespace kiosk::customer
