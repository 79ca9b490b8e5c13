// The customer kiosk's reducer: screen flow, the form, the rating flow, the
// idle countdown and wipe, the double-tap guard, and which effects to run.
#include "customer/customer_reducer.h"

#include <algorithm>

#include "core/overloaded.h"
#include "core/phone.h"
#include "customer/admin_reducer.h"
#include "customer/device_reducer.h"
#include "customer/help_reducer.h"
#include "customer/request_rating_reducer.h"
#include "customer/request_reducer.h"
#include "ratings/rating_check.h"

namespace kiosk::customer {
namespace {

constexpr std::size_t kMaxPhoneDigits = 12;
constexpr std::size_t kMaxLabelChars = 6;

void show(CustomerState& s, Screen screen, EpochMs now) {
  s.screen = screen;
  s.screen_since = now;
}

// Back to Welcome with everything the customer typed or chose forgotten, the
// IME's composition too (a new session; answers still on their way dropped).
// `next_customer`: also the language and the help visit (a number taken from
// now on is someone else's), because someone else will stand here.
std::vector<Effect> wipe(CustomerState& s, EpochMs now, bool next_customer) {
  CustomerState fresh;
  fresh.services = std::move(s.services);
  fresh.reminders = s.reminders;
  fresh.public_url = std::move(s.public_url);
  fresh.help_library = std::move(s.help_library);
  fresh.help_visit = s.help_visit + (next_customer ? 1 : 0);
  if (!next_customer) fresh.help_uses = std::move(s.help_uses);
  fresh.services_loaded_at = s.services_loaded_at;
  fresh.services_loading = s.services_loading;
  fresh.language = next_customer ? Language::Zh : s.language;
  fresh.last_activity = now;
  fresh.screen_since = now;
  fresh.ime.available = s.ime.available;
  fresh.ime.generation = s.ime.generation;
  s = std::move(fresh);
  return new_ime_session(s.ime);
}

void append(std::vector<Effect>& to, std::vector<Effect> more) {
  for (Effect& e : more) to.push_back(std::move(e));
}

bool idle_expired(const CustomerState& s, EpochMs now, const CustomerTimings& t) {
  return now - s.last_activity >= t.idle_quiet + t.idle_countdown;
}

bool shows_queue(Screen screen) { return screen == Screen::Welcome || screen == Screen::TakeNumber; }

// The queue and HQ's settings again, and the help articles if the store's changed.
std::vector<Effect> refresh_services(CustomerState& s) {
  if (s.services_loading) return {};
  s.services_loading = true;
  return {LoadServices{}, LoadHelp{}};
}

// The faces screen for a visit, nothing picked yet.
void start_rating(CustomerState& s, const VisitView& visit, EpochMs now) {
  s.rate.visit = visit;
  s.rate.score = 0;
  s.rate.reasons.clear();
  s.rate.error.clear();
  show(s, Screen::RateScore, now);
}

void edit(std::string& text, char key, std::size_t max_chars) {
  if (key == '<') {
    if (!text.empty()) text.pop_back();
  } else if (key == '*') {
    text.clear();
  } else if (text.size() < max_chars) {
    text += key;
  }
}

// How long a thank-you screen shows before returning to Welcome by itself; nullopt for other screens.
std::optional<EpochMs> thanks_time(Screen screen, const CustomerTimings& t) {
  if (screen == Screen::RateThanks) return t.thanks_shown;
  if (screen == Screen::HelpThanks) return t.help_thanks_shown;
  return std::nullopt;
}

// "No, I still need help": Take a number with the article's service chosen
// (the first service when the store does not know it).
void take_number_for(CustomerState& s, const std::string& service, EpochMs now) {
  s.form = {};
  s.issue_error.clear();
  s.form.service_code = service;
  if (!chosen_service(s)) s.form.service_code = s.services.empty() ? std::string() : s.services.front().code;
  if (const ServiceView* chosen = chosen_service(s); !chosen || !chosen->priority_allowed) s.form.priority = false;
  show(s, Screen::TakeNumber, now);
}

std::vector<Effect> on_tick(CustomerState& s, EpochMs now, const CustomerTimings& t) {
  std::vector<Effect> effects;
  const std::optional<EpochMs> thanks = thanks_time(s.screen, t);
  if (s.screen != Screen::Welcome && idle_expired(s, now, t)) {
    effects = wipe(s, now, /*next_customer=*/true);
  } else if (s.screen == Screen::Welcome && s.language != Language::Zh && idle_expired(s, now, t)) {
    s.language = Language::Zh;
  } else if (thanks && now - s.screen_since >= *thanks) {
    effects = wipe(s, now, /*next_customer=*/true);
  }
  if (shows_queue(s.screen) && now - s.services_loaded_at >= t.services_refresh) append(effects, refresh_services(s));
  admin_tick(s, now, t);
  devices_tick(s, now);
  return effects;
}

}  // namespace

bool is_tap(const Action& action) {
  return std::visit(Overloaded{[](const Tick&) { return false; },
                               [](const ServicesLoaded&) { return false; },
                               [](const TicketIssued&) { return false; },
                               [](const IssueFailed&) { return false; },
                               [](const TicketPrinted&) { return false; },
                               [](const VisitFound&) { return false; },
                               [](const VisitRefused&) { return false; },
                               [](const RatingSaved&) { return false; },
                               [](const RatingRefused&) { return false; },
                               [](const RequestOptionsLoaded&) { return false; },
                               [](const ImeAnswered&) { return false; },
                               [](const ImeUnavailable&) { return false; },
                               [](const RequestCreated&) { return false; },
                               [](const RequestRefused&) { return false; },
                               [](const RequestReceiptPrinted&) { return false; },
                               [](const RequestStatusFound&) { return false; },
                               [](const RequestLookupRefused&) { return false; },
                               [](const RequestRated&) { return false; },
                               [](const RequestRatingRefused&) { return false; },
                               [](const StaffPinChecked&) { return false; },
                               [](const AdminFiguresRead&) { return false; },
                               [](const AdminHealthRead&) { return false; },
                               [](const DevicesRead&) { return false; },
                               [](const DeviceCodeIssued&) { return false; },
                               [](const DeviceCodeRefused&) { return false; },
                               [](const HelpLoaded&) { return false; },
                               [](const KbUseOpened&) { return false; },
                               [](const StaffHold&) { return false; },  // a lift must never be dropped by the tap guard
                               [](const auto&) { return true; }},
                    action);
}

const ServiceView* chosen_service(const CustomerState& s) {
  for (const ServiceView& service : s.services)
    if (service.code == s.form.service_code) return &service;
  return nullptr;
}

std::vector<Effect> reduce(CustomerState& s, const Action& action, EpochMs now, const CustomerTimings& t) {
  if (is_tap(action)) {
    if (now - s.screen_since < t.tap_guard) return {};  // the second half of a double tap
    s.last_activity = now;
  }
  if (std::optional<std::vector<Effect>> effects = reduce_help(s, action, now)) return *effects;
  if (std::optional<std::vector<Effect>> effects = reduce_request(s, action, now)) return *effects;
  if (std::optional<std::vector<Effect>> effects = reduce_request_rating(s, action, now)) return *effects;
  if (std::optional<std::vector<Effect>> effects = reduce_admin(s, action, now)) return *effects;
  if (std::optional<std::vector<Effect>> effects = reduce_devices(s, action, now)) return *effects;
  auto back_to_welcome = [&] {
    std::vector<Effect> effects = wipe(s, now, /*next_customer=*/false);
    append(effects, refresh_services(s));
    return effects;
  };
  return std::visit(
      Overloaded{
          [&](const SwitchLanguage&) -> std::vector<Effect> {
            s.language = s.language == Language::Zh ? Language::En : Language::Zh;
            return {};
          },
          [&](const OpenTakeNumber&) -> std::vector<Effect> {
            s.form = {};
            s.issue_error.clear();
            show(s, Screen::TakeNumber, now);
            return refresh_services(s);
          },
          [&](const OpenRate&) -> std::vector<Effect> {
            s.rate = {};
            show(s, Screen::RateFind, now);
            return {};
          },
          [&](const OpenRequest&) -> std::vector<Effect> {
            std::vector<Effect> effects = open_request(s);
            show(s, Screen::Request, now);
            return effects;
          },
          [&](const OpenCheck&) -> std::vector<Effect> {
            std::vector<Effect> effects = open_check(s);
            show(s, Screen::Check, now);
            return effects;
          },
          [&](const OpenHelp&) -> std::vector<Effect> {
            std::vector<Effect> effects = open_help(s);
            show(s, Screen::Help, now);
            return effects;
          },
          [&](const AnswerHelp& a) -> std::vector<Effect> {
            if (s.screen != Screen::HelpArticle || !s.help.article) return {};
            std::vector<Effect> effects = answer_help(s, a.helpful);
            if (s.help.source == KbSource::Ticket && s.ticket)
              show(s, Screen::Ticket, now);  // still waiting: back to the number
            else if (a.helpful)
              show(s, Screen::HelpThanks, now);
            else {
              take_number_for(s, s.help.article->service, now);
              append(effects, refresh_services(s));
            }
            return effects;
          },
          [&](const BackToWelcome&) -> std::vector<Effect> { return back_to_welcome(); },
          [&](const PreviousStep&) -> std::vector<Effect> { return back_to_welcome(); },  // from the form's first step
          [&](const LeaveRequest&) -> std::vector<Effect> {
            return back_to_welcome();
          },  // nothing entered, or confirmed
          [&](const StayOnRequest&) -> std::vector<Effect> { return {}; },
          [&](const ChooseService& a) -> std::vector<Effect> {
            s.form.service_code = a.code;
            const ServiceView* service = chosen_service(s);
            if (!service) s.form.service_code.clear();
            if (!service || !service->priority_allowed) s.form.priority = false;
            s.issue_error.clear();
            return {};
          },
          [&](const TogglePriority&) -> std::vector<Effect> {
            const ServiceView* service = chosen_service(s);
            if (service && service->priority_allowed) s.form.priority = !s.form.priority;
            return {};
          },
          [&](const OpenPhonePad&) -> std::vector<Effect> {
            if (!s.reminders) return {};  // no reminder is sent: no number is asked for
            s.form.phone_pad_open = true;
            s.form.phone_typed = s.form.phone_accepted;
            s.form.phone_error.clear();
            return {};
          },
          [&](const PhoneKey& a) -> std::vector<Effect> {
            if (a.key == '<' || a.key == '*' || (a.key >= '0' && a.key <= '9'))
              edit(s.form.phone_typed, a.key, kMaxPhoneDigits);
            s.form.phone_error.clear();
            return {};
          },
          [&](const AcceptPhone&) -> std::vector<Effect> {
            if (s.form.phone_typed.empty()) {
              s.form.phone_accepted.clear();
              s.form.phone_pad_open = false;
              return {};
            }
            Result<std::string> phone = normalize_phone(s.form.phone_typed);
            if (!phone && phone.error().code != "phone-format") {  // not digits
              s.form.phone_error = phone.error().code;
              return {};
            }
            if (!phone || !is_mobile(phone.value())) {  // a reminder is a text: the pad asks for a mobile
              s.form.phone_error = "phone-not-mobile";
              return {};
            }
            s.form.phone_accepted = phone.value();
            s.form.phone_typed.clear();
            s.form.phone_pad_open = false;
            return {};
          },
          [&](const ClosePhonePad&) -> std::vector<Effect> {
            s.form.phone_typed.clear();
            s.form.phone_error.clear();
            s.form.phone_pad_open = false;
            return {};
          },
          [&](const RemovePhone&) -> std::vector<Effect> {
            s.form.phone_accepted.clear();
            s.form.phone_typed.clear();
            s.form.phone_pad_open = false;
            return {};
          },
          [&](const ConfirmTakeNumber&) -> std::vector<Effect> {
            if (s.issuing || s.screen != Screen::TakeNumber || !chosen_service(s)) return {};
            s.issuing = true;
            s.issue_error.clear();
            return {IssueTicket{s.form.service_code, s.form.priority, s.reminders ? s.form.phone_accepted : "",
                                s.language}};
          },
          [&](const RateKey& a) -> std::vector<Effect> {
            const bool letter = a.key >= 'A' && a.key <= 'Z', digit = a.key >= '0' && a.key <= '9';
            RateFlow& r = s.rate;
            if (r.typing_check) {
              if (digit || a.key == '<' || a.key == '*') edit(r.typed_check, a.key, kRatingCheckDigits);
            } else {
              if (letter && !r.typed_label.empty()) r.typed_label.clear();  // a letter starts a new number
              if (letter || digit || a.key == '<' || a.key == '*') edit(r.typed_label, a.key, kMaxLabelChars);
            }
            r.error.clear();
            return {};
          },
          [&](const TypeRateCheck& a) -> std::vector<Effect> {
            s.rate.typing_check = a.check;
            return {};
          },
          [&](const LookUpVisit&) -> std::vector<Effect> {
            if (s.rate.busy || s.rate.typed_label.empty()) return {};
            if (s.rate.typed_check.size() != kRatingCheckDigits) {  // said before asking the store
              s.rate.error = "check-missing";
              s.rate.typing_check = true;
              return {};
            }
            s.rate.busy = true;
            return {FindVisit{s.rate.typed_label, s.rate.typed_check}};
          },
          [&](const PickScore& a) -> std::vector<Effect> {
            if (a.score >= 1 && a.score <= 5) s.rate.score = a.score;
            return {};
          },
          [&](const ToggleReason& a) -> std::vector<Effect> {
            if (!s.rate.reasons.erase(a.code)) s.rate.reasons.insert(a.code);
            return {};
          },
          [&](const SubmitRating&) -> std::vector<Effect> {
            if (s.rate.busy || s.rate.score == 0 || s.screen != Screen::RateScore) return {};
            s.rate.busy = true;
            return {SaveRating{s.rate.visit.ticket_id, s.rate.score,
                               std::vector<std::string>(s.rate.reasons.begin(), s.rate.reasons.end())}};
          },
          [&](const StillHere&) -> std::vector<Effect> { return {}; },
          [&](const Tick&) -> std::vector<Effect> { return on_tick(s, now, t); },
          [&](const ServicesLoaded& a) -> std::vector<Effect> {
            s.services = a.services;
            s.services_loaded_at = now;
            s.services_loading = false;
            s.reminders = a.reminders;
            s.public_url = a.public_url;
            if (!s.reminders) {  // reminders stopped: the number asked for them goes
              s.form.phone_pad_open = false;
              s.form.phone_typed.clear();
              s.form.phone_accepted.clear();
              s.form.phone_error.clear();
            }
            if (!s.form.service_code.empty() && !chosen_service(s)) s.form = {};
            return {};
          },
          [&](const TicketIssued& a) -> std::vector<Effect> {
            s.issuing = false;
            s.ticket = a.ticket;
            s.form = {};
            show(s, Screen::Ticket, now);
            return help_ticket_taken(s, a.ticket.label);
          },
          [&](const IssueFailed& a) -> std::vector<Effect> {
            s.issuing = false;
            s.issue_error = a.error_code;
            return {};
          },
          [&](const TicketPrinted& a) -> std::vector<Effect> {
            if (s.ticket) s.ticket->print = a.ok ? PrintStatus::Printed : PrintStatus::Failed;
            return {};
          },
          [&](const VisitFound& a) -> std::vector<Effect> {
            s.rate.busy = false;
            start_rating(s, a.visit, now);
            return {};
          },
          [&](const VisitRefused& a) -> std::vector<Effect> {
            s.rate.busy = false;
            s.rate.error = a.error_code;
            return {};
          },
          [&](const RatingSaved&) -> std::vector<Effect> {
            s.rate.busy = false;
            show(s, Screen::RateThanks, now);
            return {};
          },
          [&](const RatingRefused& a) -> std::vector<Effect> {
            s.rate.busy = false;
            s.rate.error = a.error_code;
            return {};
          },
          [](const auto&) -> std::vector<Effect> { return {}; },  // the request form's: reduce_request
      },
      action);
}

std::optional<EpochMs> idle_countdown_left(const CustomerState& s, EpochMs now, const CustomerTimings& t) {
  if (s.screen == Screen::Welcome) return std::nullopt;
  const EpochMs quiet = now - s.last_activity;
  if (quiet < t.idle_quiet) return std::nullopt;
  return std::max<EpochMs>(0, t.idle_quiet + t.idle_countdown - quiet);
}

std::optional<EpochMs> next_deadline(const CustomerState& s, EpochMs now, const CustomerTimings& t) {
  std::optional<EpochMs> next;
  auto consider = [&](EpochMs at) { next = next ? std::min(*next, at) : at; };
  if (const std::optional<EpochMs> left = idle_countdown_left(s, now, t)) {
    consider(now + (*left % 1000 == 0 ? std::min<EpochMs>(*left, 1000) : *left % 1000));  // each displayed second
  } else if (s.screen != Screen::Welcome || s.language != Language::Zh) {
    consider(s.last_activity + t.idle_quiet + (s.screen == Screen::Welcome ? t.idle_countdown : 0));
  }
  if (const std::optional<EpochMs> thanks = thanks_time(s.screen, t)) consider(s.screen_since + *thanks);
  if (const std::optional<EpochMs> held = admin_deadline(s, t)) consider(*held);
  if (const std::optional<EpochMs> code = devices_deadline(s, now)) consider(*code);
  if (s.screen == Screen::Check && s.check.retry_at > now)
    consider(std::min(s.check.retry_at, now + 1000));  // the wait, counted down
  if (shows_queue(s.screen) && !s.services_loading) consider(s.services_loaded_at + t.services_refresh);
  return next;
}

}  // namespace kiosk::customer
